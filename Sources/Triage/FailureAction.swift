/// Something support staff may do with a failure record (design §4 "Resolving a failure").
public enum FailureAction: String, Sendable, Codable, CaseIterable {
    /// Re-queue the job so it is sent again.
    case retry
    /// Stop syncing this job for good (e.g. the customer was credited another way).
    case dismiss
    /// Hide the record from history; the audit log keeps it.
    case delete
}
