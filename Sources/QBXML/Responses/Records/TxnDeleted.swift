/// What a `TxnDelRs` reports about the deleted transaction (docs/qbxml-messages.md, "Responses QBBridge reads"). QuickBooks
/// writes these fields directly in the `TxnDelRs`; the reader emits them as one record.
public struct TxnDeleted: Sendable, Hashable, Codable {
    /// The `TxnDelType`, e.g. `ReceivePayment`.
    public var type: String?
    /// The deleted transaction.
    public var txnID: TxnID?
    /// When it was deleted.
    public var timeDeleted: QBDateTime?
    /// Its reference number.
    public var refNumber: String?

    /// A deletion report; every field optional.
    public init(type: String? = nil, txnID: TxnID? = nil, timeDeleted: QBDateTime? = nil, refNumber: String? = nil) {
        self.type = type
        self.txnID = txnID
        self.timeDeleted = timeDeleted
        self.refNumber = refNumber
    }

    /// True when no field was present (then no record is emitted).
    var isEmpty: Bool { type == nil && txnID == nil && timeDeleted == nil && refNumber == nil }
}
