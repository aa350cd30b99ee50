import Foundation
public import Triage

/// A failure record's id (UUID text).
public struct FailureID: Identifier {
    /// The UUID text.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// A failure record's lifecycle (issue "Failure triage" §3).
public enum FailureStatus: String, Sendable, Codable, CaseIterable {
    /// Needs attention (or is being re-checked by the bridge).
    case open
    /// Fixed: a re-check or retry succeeded, or QuickBooks opened again.
    case resolved
    /// A person decided not to sync it; its job is never sent again.
    case dismissed
    /// Hidden from default lists; kept for the audit log.
    case deleted
}

/// A stored failure record: what happened, the evidence and the fix (docs/failure-catalogue.md, "The record").
public struct FailureRecord: Sendable, Equatable {
    /// Id.
    public var id: FailureID
    /// Company.
    public var companyID: CompanyID
    /// The job it stopped, if any (connection failures have none).
    public var jobID: JobID?
    /// What kind of problem it is.
    public var category: FailureCategory
    /// One line.
    public var title: String
    /// Plain words with the concrete names and amounts.
    public var summary: String
    /// What QuickBooks said and what the checks found.
    public var evidence: FailureEvidence
    /// QuickBooks' status code.
    public var statusCode: Int?
    /// QuickBooks' status message as received.
    public var statusMessage: String?
    /// The HRESULT for connection-level failures.
    public var hresult: String?
    /// Ordered steps (JSON array text).
    public var resolution: [String]
    /// The actions the classifier allowed while the record is open.
    public var actions: [FailureAction]
    /// Whether the bridge re-checks it by itself.
    public var autoRecheck: Bool
    /// A connection failure (no job).
    public var isConnection: Bool
    /// Lifecycle state.
    public var status: FailureStatus
    /// Why it was dismissed or how it was resolved.
    public var reason: String?
    /// Created.
    public var createdAt: Timestamp
    /// Last change.
    public var updatedAt: Timestamp
    /// When it left `open`.
    public var closedAt: Timestamp?

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: FailureID, companyID: CompanyID, jobID: JobID? = nil, category: FailureCategory, title: String, summary: String, evidence: FailureEvidence, statusCode: Int? = nil, statusMessage: String? = nil, hresult: String? = nil, resolution: [String], actions: [FailureAction], autoRecheck: Bool, isConnection: Bool, status: FailureStatus, reason: String? = nil, createdAt: Timestamp, updatedAt: Timestamp, closedAt: Timestamp? = nil) {
        self.id = id
        self.companyID = companyID
        self.jobID = jobID
        self.category = category
        self.title = title
        self.summary = summary
        self.evidence = evidence
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.hresult = hresult
        self.resolution = resolution
        self.actions = actions
        self.autoRecheck = autoRecheck
        self.isConnection = isConnection
        self.status = status
        self.reason = reason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }
}

/// The content of a failure record to store (the classifier's draft, encoded).
public struct NewFailure: Sendable {
    /// Company.
    public var companyID: CompanyID
    /// Job, if any.
    public var jobID: JobID?
    /// Category raw value.
    public var category: FailureCategory
    /// Title.
    public var title: String
    /// Summary.
    public var summary: String
    /// Evidence JSON.
    public var evidence: FailureEvidence
    /// Status code.
    public var statusCode: Int?
    /// Status message.
    public var statusMessage: String?
    /// HRESULT.
    public var hresult: String?
    /// Resolution steps JSON array.
    public var resolution: [String]
    /// Actions JSON array.
    public var actions: [FailureAction]
    /// Re-checked by the bridge.
    public var autoRecheck: Bool
    /// Connection-level.
    public var isConnection: Bool
    /// For a record about neither a job nor the connection: what it is about (e.g.
    /// `customer-mapping:cus_42`), so each subject has its own open record.
    public var subject: String?

    /// Creates the content.
    public init(companyID: CompanyID, jobID: JobID?, category: FailureCategory, title: String, summary: String, evidence: FailureEvidence,
                statusCode: Int?, statusMessage: String?, hresult: String?, resolution: [String], actions: [FailureAction],
                autoRecheck: Bool, isConnection: Bool, subject: String? = nil) {
        self.subject = subject
        self.companyID = companyID
        self.jobID = jobID
        self.category = category
        self.title = title
        self.summary = summary
        self.evidence = evidence
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.hresult = hresult
        self.resolution = resolution
        self.actions = actions
        self.autoRecheck = autoRecheck
        self.isConnection = isConnection
    }
}


extension FailureRecord {
    /// The actions a person can take now: what the classifier allowed while the record is open, only
    /// `delete` once it is resolved or dismissed, nothing once deleted.
    public var availableActions: [FailureAction] {
        switch status {
        case .open: actions
        case .resolved, .dismissed: [.delete]
        case .deleted: []
        }
    }
}

/// What a job's state change does to its failure record.
public enum FailureChange: Sendable {
    /// Nothing.
    case none
    /// Open a record, or refresh the job's open one with newer evidence (never two open for one job).
    case open(NewFailure)
    /// Close the job's open record as resolved (a re-check or retry succeeded).
    case resolve(reason: String)
}
