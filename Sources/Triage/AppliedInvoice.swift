/// One invoice a payment applies money to (`AppliedToTxnAdd`), as the job describes it.
///
/// A 3120 names a TxnID and a 3210 names an amount; matching them against these tells which
/// invoice of a multi-invoice payment QuickBooks refused, and gives its number for the texts.
public struct AppliedInvoice: Sendable, Codable, Equatable {
    /// The invoice TxnID sent in `AppliedToTxnAdd/TxnID`.
    public var txnID: String
    /// The invoice number, when the job knows it.
    public var refNumber: String?
    /// The amount applied to it (`PaymentAmount`).
    public var amount: Amount?

    /// Describes one application of the payment.
    public init(txnID: String, refNumber: String? = nil, amount: Amount? = nil) {
        self.txnID = txnID
        self.refNumber = refNumber
        self.amount = amount
    }
}
