/// Something support staff may do with a failure record (docs/failure-catalogue.md, "The record": lifecycle).
public enum FailureAction: String, Sendable, Codable, CaseIterable {
    /// Re-queue the job so it is sent again.
    case retry
    /// Stop syncing this job for good (e.g. the customer was credited another way).
    case dismiss
    /// Hide the record from history; the audit log keeps it.
    case delete
}
