/// One `*Rs` status from a qbXML response, with what the bridge knows about the request it answers.
///
/// Plain values only, so Triage needs nothing but Foundation. The context (applications,
/// customer, references) is what turns an ambiguous code into a precise category: a 3120 naming an
/// applied invoice's TxnID is `invoice_missing`, naming the customer's ListID `customer_missing`.
public struct RequestFailureInput: Sendable, Equatable {
    /// The request type, e.g. `"ReceivePaymentAdd"`, `"InvoiceQuery"`, `"CustomerMod"`.
    public var requestKind: String
    /// `statusCode`; the classifier keys on this, not on severity.
    public var statusCode: Int
    /// `statusSeverity` as sent (`Info`, `Warn`, `Error`); kept as evidence only.
    public var statusSeverity: String?
    /// `statusMessage` as received, still escaped or not.
    public var statusMessage: String?
    /// The invoices the request applies money to (`AppliedToTxnAdd`).
    public var applications: [AppliedInvoice]
    /// The customer the request names (`CustomerRef`).
    public var customer: ListReference?
    /// Other list entries the request names (deposit account, payment method, A/R account…).
    public var references: [RequestReference]
    /// The check query's result for the invoice involved, when the bridge ran it after the rejection.
    public var preflight: PreflightEvidence?
    /// The request's `TxnDate`, for texts about dates (3171 names the payment date).
    public var transactionDate: LedgerDate?
    /// The company's closing date, when this session's host report named it (3171 names it).
    public var closingDate: LedgerDate?

    /// Describes one status to classify.
    public init(
        requestKind: String,
        statusCode: Int,
        statusSeverity: String? = nil,
        statusMessage: String? = nil,
        applications: [AppliedInvoice] = [],
        customer: ListReference? = nil,
        references: [RequestReference] = [],
        preflight: PreflightEvidence? = nil,
        transactionDate: LedgerDate? = nil,
        closingDate: LedgerDate? = nil
    ) {
        self.requestKind = requestKind
        self.statusCode = statusCode
        self.statusSeverity = statusSeverity
        self.statusMessage = statusMessage
        self.applications = applications
        self.customer = customer
        self.references = references
        self.preflight = preflight
        self.transactionDate = transactionDate
        self.closingDate = closingDate
    }

    /// True for ReceivePaymentAdd/Mod, where 3120 and 3210 need the invoice check.
    var isPayment: Bool {
        requestKind.hasPrefix("ReceivePayment")
    }
}
