/// A payment's date beside the company's closing date, as the bridge knows them before it posts
/// (docs/failure-catalogue.md, "The closing date").
///
/// QuickBooks refuses a transaction dated on or before the closing date (3171) unless someone types the
/// closing date password in its own window, which an unattended Web Connector session cannot do. When the
/// host report named the closing date, the bridge checks it here and never sends a payment QuickBooks
/// would refuse.
public struct PaymentDating: Sendable, Equatable {
    /// The payment's `TxnDate`.
    public var paymentDate: LedgerDate
    /// `AccountingPreferences/ClosingDate` from this session's host report; nil when QuickBooks reported
    /// none (no closing date set, or no preferences in the report).
    public var closingDate: LedgerDate?
    /// The customer the payment is from, for the texts.
    public var customer: ListReference?
    /// The payment's total, for the texts.
    public var amount: Amount?

    /// The dates of one payment.
    public init(paymentDate: LedgerDate, closingDate: LedgerDate?, customer: ListReference? = nil, amount: Amount? = nil) {
        self.paymentDate = paymentDate
        self.closingDate = closingDate
        self.customer = customer
        self.amount = amount
    }

    /// True when the payment falls in the closed period: on the closing date counts as closed, as in QuickBooks.
    public var isInClosedPeriod: Bool {
        guard let closingDate else { return false }
        return paymentDate <= closingDate
    }
}
