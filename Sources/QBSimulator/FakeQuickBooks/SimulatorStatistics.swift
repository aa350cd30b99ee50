/// Counters a test or benchmark reads from `FakeQuickBooks.statistics`: how many round trips the
/// bridge needed, what it asked for, and how many payments QuickBooks recorded.
public struct SimulatorStatistics: Sendable, Equatable {
    /// Request documents received (one per Web Connector round trip).
    public var documentsReceived = 0
    /// Requests received, by request type (`InvoiceQueryRq` …), including refused ones.
    public var requestsByType: [String: Int] = [:]
    /// Documents refused as a whole with an HRESULT.
    public var processorErrors = 0
    /// `ReceivePaymentAdd` requests that created a payment.
    public var paymentsAdded = 0
    /// QuickBooks sessions opened by a Web Connector (`beginSession` that succeeded).
    public var sessionsBegun = 0

    /// Empty counters.
    public init() {}
}
