/// The facts behind a failure record, stored as JSON next to it (`evidence` in docs/failure-catalogue.md, "The record").
///
/// Every field is optional and plain (strings, integers, decimal-string amounts), so storage and
/// the API can encode it as is and the UI can show what QuickBooks said and what the invoice
/// looks like now. Nil fields are left out of the JSON.
public struct FailureEvidence: Sendable, Codable, Equatable {
    /// Where the failure came from: `"request"`, `"preflight"`, or a ``ConnectionFailureInput/Source`` raw value.
    public var source: String?
    /// The request type that failed, e.g. `"ReceivePaymentAdd"`.
    public var requestKind: String?
    /// `statusSeverity` as QuickBooks sent it (kept because sample #15 has 3210 with "Info").
    public var statusSeverity: String?
    /// The status or connection message with entities decoded and spacing collapsed.
    public var message: String?
    /// The part after "QuickBooks error message:", QuickBooks' own reason.
    public var quickBooksMessage: String?
    /// The canonical QuickBooks text for the HRESULT, when the HRESULT is known.
    public var hresultText: String?
    /// An object ID the message names (3120, 3000).
    public var objectID: String?
    /// A name the message names (3100, 3130, 3140, 3180).
    public var objectName: String?
    /// The object type the message names ("Customer", "Item", "AR Account").
    public var objectType: String?
    /// The field a 3000/3210 message names.
    public var field: String?
    /// The value a 3000/3210 message names.
    public var value: String?
    /// The invoice involved.
    public var invoiceTxnID: String?
    /// The invoice number involved.
    public var invoiceRefNumber: String?
    /// The customer involved.
    public var customerName: String?
    /// The customer the payment named, by ListID and/or full name as the sending app gave it
    /// (`customer_missing` when the invoice belongs to another customer or that customer is gone).
    public var paymentCustomer: ListReference?
    /// The customer the invoice belongs to now, as QuickBooks returned it (`CustomerRef`).
    public var invoiceCustomer: ListReference?
    /// Whether the payment's customer still exists in QuickBooks, when QBBridge asked (false: merged away or deleted).
    public var paymentCustomerExists: Bool?
    /// The amount we wanted to apply.
    public var amountToApply: Amount?
    /// The invoice as QuickBooks showed it at the check.
    public var invoice: InvoiceSnapshot?
    /// The linked transactions that explain it: the payment that paid it, the credit memo that lowered it.
    public var causes: [LinkedTransaction]?
    /// True when the payment that already paid the invoice is QBBridge's own earlier post.
    public var ownDuplicate: Bool?
    /// A likely re-creation of a missing invoice.
    public var candidate: CandidateInvoice?
    /// The transaction's date, `YYYY-MM-DD` (`period_closed`).
    public var transactionDate: String?
    /// The company's closing date as QuickBooks reported it, `YYYY-MM-DD` (`period_closed`).
    public var closingDate: String?
    /// The company file path involved in a connection failure.
    public var companyFilePath: String?
    /// The Web Connector user name involved in an authentication failure.
    public var userName: String?
    /// The Web Connector version that reported in.
    public var clientVersion: String?
    /// The lowest Web Connector version QBBridge accepts.
    public var minimumClientVersion: String?
    /// The last successful session, ISO 8601 (`not_syncing`).
    public var lastSessionAt: String?
    /// Minutes since that session (`not_syncing`).
    public var minutesSinceLastSession: Int?
    /// The company's schedule, in minutes (`not_syncing`).
    public var runEveryMinutes: Int?

    /// The upstream app's customer id (`mapping_conflict`).
    public var externalCustomerID: String?
    /// The QuickBooks customers that matched it (`mapping_conflict`).
    public var customerCandidates: [CustomerCandidate]?

    /// An empty evidence record; the classifier fills in what it knows.
    public init() {}
}
