/// What one HRESULT means: its category, QuickBooks' own text and a sentence for a bookkeeper.
struct HResultEntry: Sendable, Equatable {
    /// The category it belongs to.
    var category: FailureCategory
    /// QuickBooks' message for it, as the sources quote it (nil where none was found).
    var quickBooksText: String?
    /// What it means here, in plain words; goes into the summary.
    var explanation: String
    /// Steps that replace the category's steps, where this HRESULT needs different ones.
    var steps: [String]? = nil
}

/// Every HRESULT QBBridge knows, in one table (listed in docs/failure-catalogue.md, "HRESULTs").
///
/// Judgement calls, documented: 0x8004041F (QuickBooks Basic) and 0x80040427 (unregistered) are
/// `feature_unavailable`: QuickBooks is installed but this copy cannot serve integrations, and
/// reinstalling would not help. 0x80040409 (version cannot open the file) is
/// `company_file_unavailable`. 0x8004040D (stale session ticket) and 0x80040401 are
/// `quickbooks_busy`: a new session normally succeeds. 0x8004042A (remote access) is
/// `application_not_authorized`. 0x80040426 is in no source and stays `unknown`.
enum HResultTable {
    /// The entries, keyed by HRESULT value.
    static let entries: [UInt32: HResultEntry] = [
        0x8004_0400: HResultEntry(
            category: .invalidRequest,
            quickBooksText: "QuickBooks found an error when parsing the provided XML text stream.",
            explanation: "QuickBooks could not read the request set QBBridge sent (malformed qbXML, elements in the wrong order, or an element this QuickBooks version does not know), so it processed none of it.",
            steps: [
                "Nothing needs to change in QuickBooks: this is a problem in what QBBridge sent, not in your books.",
                "Tell whoever runs QBBridge, with the HRESULT and the time shown here, so the request can be corrected.",
                "Once a corrected version is in place, click Retry on the record of each affected payment or request (or have the sending app send them again as new requests, and click Dismiss syncing on these).",
            ]),
        0x8004_0401: HResultEntry(
            category: .quickbooksBusy,
            quickBooksText: "Could not access QuickBooks.",
            explanation: "The Web Connector could not attach to QuickBooks for a moment."),
        0x8004_0402: HResultEntry(
            category: .quickbooksInternal,
            quickBooksText: "Unexpected error. Check the qbsdklog.txt file for possible, additional information.",
            explanation: "QuickBooks hit an unexpected error while opening the session.",
            steps: ConnectionSteps.internalError),
        0x8004_0403: HResultEntry(
            category: .companyFileUnavailable,
            quickBooksText: "Could not open the specified QuickBooks company data file.",
            explanation: "The company file could not be opened: its path is wrong, it was moved or renamed, the network share is not reachable, or the file is damaged."),
        0x8004_0406: HResultEntry(
            category: .companyFileUnavailable,
            quickBooksText: nil,
            explanation: "The company file name given to QuickBooks is not valid, or the file itself is not a usable company file."),
        0x8004_0407: HResultEntry(
            category: .quickbooksNotInstalled,
            quickBooksText: "The installation of QuickBooks appears to be incomplete. Please reinstall QuickBooks.",
            explanation: "QuickBooks on that computer is damaged or only partly installed."),
        0x8004_0408: HResultEntry(
            category: .quickbooksCannotStart,
            quickBooksText: "Could not start QuickBooks.",
            explanation: "The Web Connector could not start QuickBooks in the background."),
        0x8004_0409: HResultEntry(
            category: .companyFileUnavailable,
            quickBooksText: nil,
            explanation: "The QuickBooks version on that computer cannot open this company file (it was made or upgraded with a different version)."),
        0x8004_040A: HResultEntry(
            category: .wrongCompanyFile,
            quickBooksText: "QuickBooks company data file is already open and it is different from the one requested.",
            explanation: "QuickBooks has another company file open than the one this connection uses."),
        0x8004_040D: HResultEntry(
            category: .quickbooksBusy,
            quickBooksText: "The ticket parameter is invalid",
            explanation: "The Web Connector's session with QuickBooks expired; a new session normally works."),
        0x8004_0410: HResultEntry(
            category: .singleUserMode,
            quickBooksText: "The QuickBooks company data file is currently open in a mode other than the one specified by your application.",
            explanation: "The company file is open in single-user mode (usually by someone doing admin work), so the Web Connector cannot share it."),
        0x8004_0414: HResultEntry(
            category: .popupBlocking,
            quickBooksText: "A modal dialog box is showing in the QuickBooks user interface. Your application cannot access QuickBooks until the user dismisses the dialog box.",
            explanation: "A QuickBooks window is waiting for someone to click it (an update notice, a backup reminder, a password prompt…), and while it is open no other program can use QuickBooks."),
        0x8004_0416: HResultEntry(
            category: .companyFileUnavailable,
            quickBooksText: "If QuickBooks is not running, the company data file name must be supplied to BeginSession.",
            explanation: "QuickBooks was not running and no company file path was known to open."),
        0x8004_0417: HResultEntry(
            category: .companyFileUnavailable,
            quickBooksText: nil,
            explanation: "QuickBooks is open but has no company file open, and no path was given to open one."),
        0x8004_0418: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "This application has not accessed this QuickBooks company data file before. Only the QuickBooks administrator can grant an application permission to access a QuickBooks company data file for the first time.",
            explanation: "QBBridge has never been allowed into this company file; the QuickBooks Admin must allow it once."),
        0x8004_041A: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "This application does not have permission to access this QuickBooks company data file. The QuickBooks administrator can grant access permission through the Integrated Application preferences.",
            explanation: "QBBridge's permission for this company file was removed or refused."),
        0x8004_041B: HResultEntry(
            category: .quickbooksBusy,
            quickBooksText: "Unable to lock the necessary information to allow this application to access this company data file. Try again later.",
            explanation: "Another user or program held the company file's information for a moment."),
        0x8004_041C: HResultEntry(
            category: .quickbooksInternal,
            quickBooksText: "An internal QuickBooks error occurred while trying to access the QuickBooks company data file.",
            explanation: "QuickBooks failed internally while opening the company file.",
            steps: ConnectionSteps.internalError),
        0x8004_041D: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "This application is not allowed to log into this QuickBooks company data file automatically. The QuickBooks administrator can grant permission for automatic login through the Integrated Application preferences.",
            explanation: "QuickBooks was closed and QBBridge is not allowed to log in automatically (or is set to log in as a different QuickBooks user)."),
        0x8004_041E: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "This applications certificate is expired. If you want to allow the application to log into QuickBooks automatically, log into QuickBooks and try again. Then click Allow Always when you are notified that the certificate has expired.",
            explanation: "QBBridge's permission certificate in QuickBooks has expired and must be allowed again (\"Allow Always\")."),
        0x8004_041F: HResultEntry(
            category: .featureUnavailable,
            quickBooksText: "QuickBooks Basic cannot accept XML requests. Another product in the QuickBooks line, such as QuickBooks Pro or Premier, 2002 or later, is required.",
            explanation: "This edition of QuickBooks cannot exchange data with other programs.",
            steps: [
                "This QuickBooks edition cannot work with the Web Connector; reinstalling will not change that.",
                "Use QuickBooks Desktop Pro, Premier or Enterprise for this company file, then open the file in it.",
                "In the Web Connector, select QBBridge and click Update Selected.",
            ]),
        0x8004_0420: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "The QuickBooks user has denied access.",
            explanation: "Someone answered No when QuickBooks asked whether QBBridge may access the company file, or the permission was revoked."),
        0x8004_0422: HResultEntry(
            category: .singleUserMode,
            quickBooksText: "This application requires Single User file access mode and there is already another application sharing data with this QuickBooks company data file.",
            explanation: "Another integrated program was using the company file, so QuickBooks would not share it."),
        0x8004_0423: HResultEntry(
            category: .qbxmlVersionUnsupported,
            quickBooksText: "The version of qbXML that was requested is not supported or is unknown.",
            explanation: "QBBridge asked for a qbXML version newer than this QuickBooks understands."),
        0x8004_0424: HResultEntry(
            category: .quickbooksBusy,
            quickBooksText: "QuickBooks did not finish its initialization. Please try again later.",
            explanation: "QuickBooks was still starting up."),
        0x8004_0427: HResultEntry(
            category: .featureUnavailable,
            quickBooksText: "Unregistered QuickBooks.",
            explanation: "QuickBooks on that computer is not registered, and an unregistered QuickBooks does not accept requests from other programs.",
            steps: [
                "On the computer that runs the Web Connector, open QuickBooks and register it (Help → Register QuickBooks).",
                "In the Web Connector, select QBBridge and click Update Selected.",
            ]),
        0x8004_042A: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "Remote access is not allowed.",
            explanation: "QuickBooks does not allow this kind of access from another computer; the Web Connector must run on the computer where QuickBooks runs."),
        0x8004_042C: HResultEntry(
            category: .applicationNotAuthorized,
            quickBooksText: "Certificate has been revoked.",
            explanation: "QBBridge's permission certificate in QuickBooks was revoked and must be granted again."),
        0x8004_0154: HResultEntry(
            category: .quickbooksNotInstalled,
            quickBooksText: nil,
            explanation: "The QuickBooks integration components (qbXMLRP2) are not registered on that computer: QuickBooks or its SDK components are not installed there."),
        0x8007_007E: HResultEntry(
            category: .quickbooksNotInstalled,
            quickBooksText: nil,
            explanation: "A QuickBooks integration file (DLL) is missing on that computer."),
    ]

    /// The entry for an HRESULT, if it is known.
    static func entry(for hresult: HResult) -> HResultEntry? {
        entries[hresult.value]
    }
}
