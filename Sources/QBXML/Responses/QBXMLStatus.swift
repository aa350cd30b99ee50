/// The outcome QuickBooks reports on every `…Rs` element: `statusCode`, `statusSeverity`,
/// `statusMessage` (docs/qbxml-messages.md, "Envelope and attributes", docs/failure-catalogue.md, "Status codes"). Classify on `code`, not on
/// `severity` (a real capture has 3210 with severity `Info`).
public struct QBXMLStatus: Sendable, Equatable, Codable {
    /// 0 = OK, 1 = no match, 500–999 warnings, 1000+ errors (docs/failure-catalogue.md, "Status codes").
    public var code: Int
    /// `Info`, `Warn` or `Error`; derived from `code` when QuickBooks left it out.
    public var severity: String
    /// QuickBooks' text, entities decoded, spacing kept as sent ("" when absent).
    public var message: String

    /// A status.
    public init(code: Int, severity: String, message: String) {
        self.code = code
        self.severity = severity
        self.message = message
    }

    /// True for code 0.
    public var isSuccess: Bool { code == 0 }

    /// The severity docs/failure-catalogue.md, "Status codes" assigns to a code range, used when the attribute is missing.
    static func severity(forCode code: Int) -> String {
        switch code {
        case 0..<500: return "Info"
        case 500..<1000: return "Warn"
        default: return "Error"
        }
    }
}
