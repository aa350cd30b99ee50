/// An invoice as QuickBooks shows it now (an `InvoiceRet` from the check query).
///
/// The bridge reads it with `InvoiceQueryRq` by TxnID with `IncludeLinkedTxns` before posting
/// (docs/architecture.md, "Payment posting") and after a 3120/3210 rejection (docs/failure-catalogue.md, "The invoice check"), and hands it over as plain values.
public struct InvoiceSnapshot: Sendable, Codable, Equatable {
    /// The invoice's TxnID.
    public var txnID: String
    /// The invoice number (`RefNumber`), e.g. `"1043"`.
    public var refNumber: String?
    /// The customer the invoice belongs to now.
    public var customer: ListReference?
    /// The invoice's A/R account; a payment must use the same one.
    public var arAccount: ListReference?
    /// The invoice date.
    public var txnDate: String?
    /// The invoice subtotal.
    public var subtotal: Amount?
    /// The sales tax on the invoice.
    public var salesTaxTotal: Amount?
    /// Payments and credits applied so far; QuickBooks reports it negative.
    public var appliedAmount: Amount?
    /// The open balance.
    public var balanceRemaining: Amount
    /// QuickBooks' paid flag.
    public var isPaid: Bool
    /// When it was last changed (`"2026-11-19T10:02:11-08:00"`).
    public var timeModified: String?
    /// Payments, credit memos and other transactions linked to it.
    public var linkedTransactions: [LinkedTransaction]

    /// Describes the invoice as QuickBooks returned it.
    public init(
        txnID: String,
        refNumber: String? = nil,
        customer: ListReference? = nil,
        arAccount: ListReference? = nil,
        txnDate: String? = nil,
        subtotal: Amount? = nil,
        salesTaxTotal: Amount? = nil,
        appliedAmount: Amount? = nil,
        balanceRemaining: Amount,
        isPaid: Bool,
        timeModified: String? = nil,
        linkedTransactions: [LinkedTransaction] = []
    ) {
        self.txnID = txnID
        self.refNumber = refNumber
        self.customer = customer
        self.arAccount = arAccount
        self.txnDate = txnDate
        self.subtotal = subtotal
        self.salesTaxTotal = salesTaxTotal
        self.appliedAmount = appliedAmount
        self.balanceRemaining = balanceRemaining
        self.isPaid = isPaid
        self.timeModified = timeModified
        self.linkedTransactions = linkedTransactions
    }

    /// Subtotal plus sales tax, when QuickBooks reported the subtotal.
    var total: Amount? {
        subtotal.map { $0 + (salesTaxTotal ?? Amount(cents: 0)) }
    }
}
