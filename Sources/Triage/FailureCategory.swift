/// The stable kind of a failure: what went wrong, in words support staff filter on.
///
/// The raw values are public API strings (docs/failure-catalogue.md, "The record" and "Categories"); never
/// rename one. Request categories describe one rejected request; connection categories describe
/// why the Web Connector could not reach QuickBooks at all.
public enum FailureCategory: String, Sendable, Codable, CaseIterable {
    /// The invoice is already paid in QuickBooks; posting would pay it twice (class a).
    case alreadyApplied = "already_applied"
    /// The invoice's open balance is now below the amount the payment applies (class b).
    case amountChanged = "amount_changed"
    /// The invoice's TxnID no longer exists: deleted, or re-created under a new ID (class c).
    case invoiceMissing = "invoice_missing"
    /// The customer (or its parent customer) named by the request is not in QuickBooks.
    case customerMissing = "customer_missing"
    /// An account, payment method, item, class or A/R account named by the request is missing.
    case referenceMissing = "reference_missing"
    /// A list entry could not be created because its name is already used (3100).
    case duplicateName = "duplicate_name"
    /// A Mod request carried an out-of-date EditSequence: the record changed meanwhile (3200).
    case editSequenceStale = "edit_sequence_stale"
    /// A record was locked by someone else; the bridge retries with backoff by itself.
    case recordLocked = "record_locked"
    /// Skipped because an earlier request in the same set failed (3231); re-queued unchanged.
    case notProcessed = "not_processed"
    /// QuickBooks rejected the qbXML or one of its values: a bug in the bridge or the sending app.
    case invalidRequest = "invalid_request"
    /// The edition, version or company preferences lack a feature the request needs.
    case featureUnavailable = "feature_unavailable"
    /// The QuickBooks user or the application's authorization lacks a right the request needs.
    case permissionDenied = "permission_denied"
    /// QuickBooks failed internally; retried once, then escalated with its log.
    case quickbooksInternal = "quickbooks_internal"
    /// Nothing known matched; the raw code, HRESULT and message are kept for escalation.
    case unknown

    /// A QuickBooks dialog blocks the unattended session (0x80040414).
    case popupBlocking = "popup_blocking"
    /// The Web Connector could not start QuickBooks in the background (0x80040408).
    case quickbooksCannotStart = "quickbooks_cannot_start"
    /// The file is held in single-user mode by a person or another app, or all licenses are in use.
    case singleUserMode = "single_user_mode"
    /// QuickBooks has another company file open (0x8004040A).
    case wrongCompanyFile = "wrong_company_file"
    /// The company file cannot be opened: wrong path, moved, damaged, or none given.
    case companyFileUnavailable = "company_file_unavailable"
    /// QuickBooks has not (or no longer) authorized QBBridge in Integrated Applications.
    case applicationNotAuthorized = "application_not_authorized"
    /// QuickBooks is starting or momentarily locked; transient, retried with backoff.
    case quickbooksBusy = "quickbooks_busy"
    /// The qbXML version requested is newer than this QuickBooks supports (0x80040423).
    case qbxmlVersionUnsupported = "qbxml_version_unsupported"
    /// QuickBooks or its SDK components are missing or broken on the Web Connector's machine.
    case quickbooksNotInstalled = "quickbooks_not_installed"
    /// The Web Connector's user name or password was refused by QBBridge (`nvu`).
    case authenticationFailed = "authentication_failed"
    /// The Web Connector is older than QBBridge accepts (clientVersion).
    case clientVersionOutdated = "client_version_outdated"
    /// No Web Connector session for longer than the company's schedule allows.
    case notSyncing = "not_syncing"
    /// An upstream customer id matched several QuickBooks customers by name or email; QBBridge will not
    /// guess which one gets the payments.
    case mappingConflict = "mapping_conflict"

    /// The transaction is dated on or before the company's closing date: QuickBooks refuses it (3171) without
    /// the closing date password, which an unattended session cannot type; the pre-flight check stops it first
    /// when the host report named the closing date.
    case periodClosed = "period_closed"
    /// Saving the transaction would take the customer over the credit limit set in QuickBooks (3170/3180 with
    /// QuickBooks' credit-limit wording).
    case creditLimitExceeded = "credit_limit_exceeded"
    /// The request uses a feature that needs an Intuit subscription the company file does not have, or whose
    /// subscription has lapsed (3262, 3264).
    case subscriptionRequired = "subscription_required"

    /// True for categories about reaching QuickBooks rather than about one request.
    ///
    /// `invalid_request`, `feature_unavailable`, `quickbooks_internal` and `unknown` are request
    /// categories that an HRESULT can also produce (e.g. 0x80040400, 0x8004041F, 0x80040402).
    public var isConnection: Bool {
        switch self {
        case .alreadyApplied, .amountChanged, .invoiceMissing, .customerMissing, .referenceMissing,
             .duplicateName, .editSequenceStale, .recordLocked, .notProcessed, .invalidRequest,
             .featureUnavailable, .permissionDenied, .quickbooksInternal, .unknown, .mappingConflict,
             .periodClosed, .creditLimitExceeded, .subscriptionRequired:
            false
        case .popupBlocking, .quickbooksCannotStart, .singleUserMode, .wrongCompanyFile,
             .companyFileUnavailable, .applicationNotAuthorized, .quickbooksBusy,
             .qbxmlVersionUnsupported, .quickbooksNotInstalled, .authenticationFailed,
             .clientVersionOutdated, .notSyncing:
            true
        }
    }
}
