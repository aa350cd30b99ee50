import Foundation

/// A company connection's identifier (a UUID string). Its own type so it cannot be swapped with another id.
public struct CompanyID: Identifier, LosslessStringConvertible {
    /// The UUID text.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// A company connection: one QuickBooks company file reached through one Web Connector entry.
public struct Company: Sendable, Equatable {
    /// Stable id.
    public var id: CompanyID
    /// Display name.
    public var name: String
    /// The Web Connector user name (unique).
    public var username: String
    /// The FileID GUID written into the `.qwc` (braces), stable across downloads.
    public var fileID: String
    /// Minutes between automatic Web Connector runs.
    public var runEveryMinutes: Int
    /// Payments and invoices dated before this day are ignored (YYYY-MM-DD).
    public var syncStartDate: String?
    /// Whether the connection only reads from QuickBooks.
    public var readOnly: Bool
    /// When it was created.
    public var createdAt: Timestamp
    /// When it last changed.
    public var updatedAt: Timestamp
    /// What QuickBooks told us about itself.
    public var quickBooks: QuickBooksInfo
    /// Sync health facts.
    public var lastSessionAt: Timestamp?
    /// The last session that exchanged data successfully.
    public var lastSyncAt: Timestamp?
    /// The closing summary of the last session.
    public var lastSessionSummary: String?
    /// The current connection problem in words, if any.
    public var connectionProblem: String?
    /// Queue an incremental invoice pull at every sync (issue "Pulls": scheduled pulls).
    public var pullInvoicesEverySync: Bool = false
    /// The deposit report's settings (JSON), nil for the defaults.
    public var depositSettings: String?

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: CompanyID, name: String, username: String, fileID: String, runEveryMinutes: Int, syncStartDate: String? = nil, readOnly: Bool, createdAt: Timestamp, updatedAt: Timestamp, quickBooks: QuickBooksInfo, lastSessionAt: Timestamp? = nil, lastSyncAt: Timestamp? = nil, lastSessionSummary: String? = nil, connectionProblem: String? = nil, pullInvoicesEverySync: Bool = false, depositSettings: String? = nil) {
        self.id = id
        self.name = name
        self.username = username
        self.fileID = fileID
        self.runEveryMinutes = runEveryMinutes
        self.syncStartDate = syncStartDate
        self.readOnly = readOnly
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.quickBooks = quickBooks
        self.lastSessionAt = lastSessionAt
        self.lastSyncAt = lastSyncAt
        self.lastSessionSummary = lastSessionSummary
        self.connectionProblem = connectionProblem
        self.pullInvoicesEverySync = pullInvoicesEverySync
        self.depositSettings = depositSettings
    }
}

/// What the first sendRequestXML of a session reported (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
public struct QuickBooksInfo: Sendable, Equatable, Codable {
    /// e.g. "QuickBooks Pro 2014".
    public var product: String?
    /// e.g. "24.0".
    public var version: String?
    /// `US`, `CA`, `UK`.
    public var country: String?
    /// `SingleUser` or `MultiUser`.
    public var fileMode: String?
    /// SupportedQBXMLVersion values as QuickBooks wrote them.
    public var supportedQBXMLVersions: [String]
    /// The version negotiated for our requests.
    public var qbxmlVersion: String?
    /// The company file path.
    public var companyFile: String?
    /// The company's name in QuickBooks.
    public var companyName: String?
    /// The company preference that makes QuickBooks auto-apply payments (we always apply explicitly).
    public var autoApplyPayments: Bool?
    /// When this was reported.
    public var reportedAt: Timestamp?
    /// When the FileID stamp in the company file was last confirmed to be ours.
    public var fileVerifiedAt: Timestamp?
    /// When the company-file check last found no FileID stamp of ours (nil once a check finds it): such a file
    /// is checked once per refresh period like a verified one, not in every session.
    public var fileUnstampedAt: Timestamp?

    /// What the last company-file check found, for the company page and the API.
    public var fileStamp: CompanyFileStamp {
        if fileVerifiedAt != nil { return .verified }
        if fileUnstampedAt != nil { return .notStamped }
        return .unchecked
    }

    /// Nothing known yet.
    public static let unknown = QuickBooksInfo(supportedQBXMLVersions: [])

    /// Creates the facts.
    public init(product: String? = nil, version: String? = nil, country: String? = nil, fileMode: String? = nil,
                supportedQBXMLVersions: [String], qbxmlVersion: String? = nil, companyFile: String? = nil,
                companyName: String? = nil, autoApplyPayments: Bool? = nil, reportedAt: Timestamp? = nil,
                fileVerifiedAt: Timestamp? = nil, fileUnstampedAt: Timestamp? = nil) {
        self.product = product
        self.version = version
        self.country = country
        self.fileMode = fileMode
        self.supportedQBXMLVersions = supportedQBXMLVersions
        self.qbxmlVersion = qbxmlVersion
        self.companyFile = companyFile
        self.companyName = companyName
        self.autoApplyPayments = autoApplyPayments
        self.reportedAt = reportedAt
        self.fileVerifiedAt = fileVerifiedAt
        self.fileUnstampedAt = fileUnstampedAt
    }
}

/// The fields a new company needs; the password is already hashed by the caller.
public struct NewCompany: Sendable {
    /// Display name.
    public var name: String
    /// Web Connector user name.
    public var username: String
    /// bcrypt hash of the Web Connector password.
    public var passwordHash: String
    /// Minutes between runs.
    public var runEveryMinutes: Int
    /// Optional sync start date (YYYY-MM-DD).
    public var syncStartDate: String?
    /// Read-only connection.
    public var readOnly: Bool

    /// Creates the fields.
    public init(name: String, username: String, passwordHash: String, runEveryMinutes: Int, syncStartDate: String?, readOnly: Bool) {
        self.name = name
        self.username = username
        self.passwordHash = passwordHash
        self.runEveryMinutes = runEveryMinutes
        self.syncStartDate = syncStartDate
        self.readOnly = readOnly
    }
}

/// One fact a Web Connector call learned about its company, written with the session (`SessionCommit.company`)
/// or on its own (`Companies.recordQuickBooksInfo` and the like).
public enum CompanyWrite: Sendable, Equatable {
    /// What QuickBooks reported about itself. `changed` says whether it differs from what was stored: only a
    /// change goes into the activity log, so that a company polling every few minutes does not fill it with
    /// the same report.
    case quickBooksReported(QuickBooksInfo, changed: Bool)
    /// The company file carries this connection's FileID stamp.
    case fileVerified(at: Timestamp)
    /// The company file carries no FileID stamp of QBBridge's (checked at that time).
    case fileUnstamped(at: Timestamp)
    /// Sets the current connection problem, or clears it (nil).
    case connectionProblem(String?)
}

extension QuickBooksInfo {
    /// Whether `other` reports the same QuickBooks and company file, whenever either was reported or verified.
    public func reportsSame(as other: QuickBooksInfo) -> Bool {
        product == other.product && version == other.version && country == other.country && fileMode == other.fileMode
            && supportedQBXMLVersions == other.supportedQBXMLVersions && qbxmlVersion == other.qbxmlVersion
            && companyFile == other.companyFile && companyName == other.companyName && autoApplyPayments == other.autoApplyPayments
    }
}

/// What the company-file check found about QBBridge's FileID stamp in the company file
/// (docs/web-connector-protocol.md, "Company file check"); raw values as in the API.
public enum CompanyFileStamp: String, Sendable, Codable, CaseIterable {
    /// Not checked yet: the next session asks QuickBooks.
    case unchecked
    /// The file carries this connection's FileID.
    case verified
    /// The file carries no FileID of ours (a `.qwc` added before FileIDs were stamped, or the stamp removed).
    case notStamped = "not_stamped"
}
