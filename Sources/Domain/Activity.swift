import Foundation

/// One entry of the append-only audit log: who did what to which record, and when.
public struct ActivityEntry: Sendable, Equatable, Codable {
    /// Increasing id (also the pagination cursor).
    public var id: Int64
    /// When.
    public var at: Timestamp
    /// Who: `admin:<name>`, `api:<token label>`, `web-connector`, `system`, `cli`.
    public var actor: String
    /// The company concerned, if any.
    public var companyID: CompanyID?
    /// The kind of record: `company`, `session`, `token`, `job`, `failure`.
    public var subject: String
    /// The record's id.
    public var subjectID: String?
    /// What happened, e.g. `company.created`, `session.opened`.
    public var action: String
    /// Details as a JSON object text; secrets are never put here.
    public var detail: String

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: Int64, at: Timestamp, actor: String, companyID: CompanyID? = nil, subject: String, subjectID: String? = nil, action: String, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.companyID = companyID
        self.subject = subject
        self.subjectID = subjectID
        self.action = action
        self.detail = detail
    }
}

/// An entry to append.
public struct NewActivity: Sendable {
    /// Who.
    public var actor: String
    /// The company concerned.
    public var companyID: CompanyID?
    /// Kind of record.
    public var subject: String
    /// Record id.
    public var subjectID: String?
    /// What happened.
    public var action: String
    /// Details (string values only; keys named like secrets are masked).
    public var detail: [String: String]

    /// Creates an entry.
    public init(actor: String, companyID: CompanyID?, subject: String, subjectID: String?, action: String, detail: [String: String] = [:]) {
        self.actor = actor
        self.companyID = companyID
        self.subject = subject
        self.subjectID = subjectID
        self.action = action
        self.detail = detail
    }
}
