/// A failure of QuickBooks' request processor (qbXMLRP2) rather than of one request: an HRESULT and
/// QuickBooks' text, as the Web Connector passes them to `receiveResponseXML` or `connectionError`
/// (docs/failure-catalogue.md, "HRESULTs").
///
/// The presets carry the message texts catalogued in docs/failure-catalogue.md, "HRESULTs", so a simulated failure reads
/// the way a real one does.
public struct ProcessorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HRESULT as QBWC writes it, e.g. `0x80040400`.
    public var hresult: String
    /// QuickBooks' text.
    public var message: String

    /// Any HRESULT and text.
    public init(hresult: String, message: String) {
        self.hresult = hresult
        self.message = message
    }

    /// `hresult: message`.
    public var description: String { "\(hresult): \(message)" }

    /// 0x80040400: the request set is malformed, out of schema order, or names an unknown element.
    public static let parseError = ProcessorError(
        hresult: "0x80040400", message: "QuickBooks found an error when parsing the provided XML text stream.")
    /// 0x80040423: `<?qbxml version?>` is newer than (or unknown to) this QuickBooks.
    public static let unsupportedVersion = ProcessorError(
        hresult: "0x80040423", message: "The version of qbXML that was requested is not supported or is unknown.")
    /// 0x8004041B: another user or program holds the company data for a moment.
    public static let unableToLock = ProcessorError(
        hresult: "0x8004041B", message: "Unable to lock the necessary information to allow this application to access this company data file. Try again later.")
    /// 0x80040408: QuickBooks could not be started in the background.
    public static let couldNotStart = ProcessorError(hresult: "0x80040408", message: "Could not start QuickBooks.")
    /// 0x80040403: the company file asked for cannot be opened (moved, renamed, no access).
    public static let cannotOpenFile = ProcessorError(
        hresult: "0x80040403", message: "Could not open the specified QuickBooks company data file.")
    /// 0x8004040A: a different company file is open.
    public static let differentFileOpen = ProcessorError(
        hresult: "0x8004040A",
        message: "QuickBooks company data file is already open and it is different from the one requested.")
    /// 0x80040410: the file is open in single-user mode (or the other mode than requested).
    public static let wrongFileMode = ProcessorError(
        hresult: "0x80040410",
        message: "The QuickBooks company data file is currently open in a mode other than the one specified by your application.")
    /// 0x80040414: a modal dialog (update notice, backup reminder …) blocks QuickBooks.
    public static let modalDialog = ProcessorError(
        hresult: "0x80040414",
        message: "A modal dialog box is showing in the QuickBooks user interface. Your application cannot access QuickBooks until the user dismisses the dialog box.")
    /// 0x8004041D: unattended (automatic) login is not allowed for this application.
    public static let automaticLoginNotAllowed = ProcessorError(
        hresult: "0x8004041D",
        message: "This application is not allowed to log into this QuickBooks company data file automatically. The QuickBooks administrator can grant permission for automatic login through the Integrated Application preferences.")
    /// 0x80040420: a QuickBooks user denied access.
    public static let accessDenied = ProcessorError(hresult: "0x80040420", message: "The QuickBooks user has denied access.")
}
