/// An invoice that looks like the re-creation of a missing one (same customer, number or amount).
///
/// Shown next to an `invoice_missing` failure so a bookkeeper can confirm it; the payment is never
/// moved to it silently (docs/architecture.md, "Payment posting").
public struct CandidateInvoice: Sendable, Codable, Equatable {
    /// Its TxnID.
    public var txnID: String
    /// Its invoice number.
    public var refNumber: String?
    /// Its total or open amount.
    public var amount: Amount?
    /// Its date.
    public var txnDate: String?

    /// Describes the candidate.
    public init(txnID: String, refNumber: String? = nil, amount: Amount? = nil, txnDate: String? = nil) {
        self.txnID = txnID
        self.refNumber = refNumber
        self.amount = amount
        self.txnDate = txnDate
    }
}
