import Foundation
public import Domain
public import Store
public import Triage

/// The failure lifecycle (issue "Failure triage" §3): `open → resolved | dismissed | deleted`, with Retry,
/// Dismiss syncing (reason required) and Delete. An action the record's status or category does not allow
/// is refused with a reason.
public struct FailureService: Sendable {
    let store: Store

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// Actions a person can take: the classifier's own (retry, dismiss, delete).
    public typealias Action = FailureAction

    /// One record or not-found.
    public func failure(_ id: FailureID) async throws -> FailureRecord {
        guard let record = try await store.failures.find(id) else { throw BridgeError.notFound("failure", id.rawValue) }
        return record
    }

    /// Applies an action with who and why, atomically with the job change.
    public func perform(_ action: Action, on id: FailureID, reason: String?, actor: String) async throws -> FailureRecord {
        let record = try await failure(id)
        let allowed = record.availableActions
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (action, record.status) {
        case (.delete, .deleted):
            throw BridgeError.conflict("Failure \(id) is already deleted.")
        case (.delete, _):
            break
        case (_, .open):
            guard allowed.contains(action) else {
                throw BridgeError.conflict("\(action.rawValue.capitalized) is not possible for a \(record.category.rawValue) failure; allowed: \(allowed.map(\.rawValue).joined(separator: ", ")).")
            }
        case (_, let status):
            throw BridgeError.conflict("Failure \(id) is \(status.rawValue); \(action.rawValue) applies only to open failures.")
        }
        if action == .dismiss, reason?.isEmpty ?? true {
            throw BridgeError.invalidInput(["reason": "is required to dismiss syncing: say why the payment must not be posted (e.g. \"customer credited another way\")"])
        }
        var job: Job? = nil
        if let jobID = record.jobID { job = try await store.jobs.find(jobID) }
        switch action {
        case .retry:
            if var retried = job {
                retried.status = .queued
                retried.nextAttemptAt = nil
                retried.sessionID = nil
                retried.claimedAt = nil
                job = retried
            }
            try await store.failures.transition(id, to: .open, reason: reason, actor: actor, job: job)
            try await store.activity.append(NewActivity(actor: actor, companyID: record.companyID, subject: "failure", subjectID: id.rawValue,
                                                        action: "failure.retry", detail: ["reason": reason ?? ""]))
        case .dismiss:
            if var dismissed = job, dismissed.status != .posted, dismissed.status != .reversed {
                dismissed.status = .dismissed
                dismissed.nextAttemptAt = nil
                job = dismissed
            } else {
                job = nil
            }
            try await store.failures.transition(id, to: .dismissed, reason: reason, actor: actor, job: job)
        case .delete:
            if var stopped = job, [.failed, .queued, .uncertain].contains(stopped.status) {
                stopped.status = .dismissed
                stopped.nextAttemptAt = nil
                job = stopped
            } else {
                job = nil
            }
            try await store.failures.transition(id, to: .deleted, reason: reason, actor: actor, job: job)
        }
        return try await failure(id)
    }
}

