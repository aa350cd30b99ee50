/// What the bridge knows about one invoice a payment applies to, just before posting or after
/// QuickBooks rejected the post: the input to the rules of docs/failure-catalogue.md, "The invoice check".
///
/// One value per application; a payment applied to several invoices is checked once per invoice.
public struct PreflightEvidence: Sendable, Codable, Equatable {
    /// The invoice TxnID the payment applies to.
    public var invoiceTxnID: String
    /// The invoice number the job knows, for texts when QuickBooks no longer has the invoice.
    public var expectedRefNumber: String?
    /// The invoice as QuickBooks shows it now; nil when the check query found nothing
    /// (status 1, 500 or 3120, see ``Classifier/meansNotFound(statusCode:)``).
    public var invoice: InvoiceSnapshot?
    /// The amount we want to apply to this invoice.
    public var amountToApply: Amount
    /// The customer the payment is from.
    public var paymentCustomer: ListReference?
    /// The A/R account the payment uses, if it names one.
    public var paymentARAccount: ListReference?
    /// TxnIDs of ReceivePayments QBBridge itself posted earlier for this job or its duplicates,
    /// so an "already paid" by our own earlier post reads as a duplicate, not a person's action.
    public var ownPaymentTxnIDs: [String]
    /// For a missing invoice: a likely re-creation (same customer, number or amount), if found.
    public var candidate: CandidateInvoice?
    /// Whether the payment's customer still exists in QuickBooks, when the bridge asked: it asks once the
    /// invoice turns out to belong to another customer, because a merge (A into B) moves A's invoices to B
    /// and removes A, and then the payment can only be resent for B. Nil when not asked.
    public var paymentCustomerExists: Bool?

    /// Gathers the evidence for one invoice.
    public init(
        invoiceTxnID: String,
        expectedRefNumber: String? = nil,
        invoice: InvoiceSnapshot?,
        amountToApply: Amount,
        paymentCustomer: ListReference? = nil,
        paymentARAccount: ListReference? = nil,
        ownPaymentTxnIDs: [String] = [],
        candidate: CandidateInvoice? = nil,
        paymentCustomerExists: Bool? = nil
    ) {
        self.invoiceTxnID = invoiceTxnID
        self.expectedRefNumber = expectedRefNumber
        self.invoice = invoice
        self.amountToApply = amountToApply
        self.paymentCustomer = paymentCustomer
        self.paymentARAccount = paymentARAccount
        self.ownPaymentTxnIDs = ownPaymentTxnIDs
        self.candidate = candidate
        self.paymentCustomerExists = paymentCustomerExists
    }

    /// The invoice number for texts: QuickBooks' current one, else the job's, else the TxnID.
    var invoiceLabel: String {
        invoice?.refNumber ?? expectedRefNumber ?? invoiceTxnID
    }
}
