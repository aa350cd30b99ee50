import Foundation
import QBXML
public import Domain
public import Store

/// What an upstream app sends to `POST /companies/{id}/pulls`.
public struct PullInput: Decodable, Sendable {
    /// `invoices` or `customers`.
    public var kind: String?
    /// Invoices: open ones only (default true).
    public var open: Bool?
    /// Invoices: dated on or after this day (default: the company's sync start date).
    public var fromDate: String?
    /// Only records changed since this moment (QuickBooks host time, e.g. `2026-11-01T00:00:00`).
    public var modifiedSince: String?
    /// Only records changed since the last pull stored (default false: a full pull).
    public var incremental: Bool?
    /// Records per round trip, 1–1000 (default 500).
    public var pageSize: Int?

    /// Creates an input (the CLI and the schedule build one too).
    public init(kind: String?, open: Bool? = nil, fromDate: String? = nil, modifiedSince: String? = nil, incremental: Bool? = nil,
                pageSize: Int? = nil) {
        self.kind = kind
        self.open = open
        self.fromDate = fromDate
        self.modifiedSince = modifiedSince
        self.incremental = incremental
        self.pageSize = pageSize
    }

    func validated(company: Company, origin: String) throws(BridgeError) -> PullPayload {
        var fields: [String: String] = [:]
        let kind = kind.flatMap(PullPayload.Kind.init(rawValue:))
        if kind == nil { fields["kind"] = "must be \"invoices\" or \"customers\"" }
        if kind == .customers {
            if open != nil { fields["open"] = "applies to invoice pulls only" }
            if fromDate != nil { fields["fromDate"] = "applies to invoice pulls only" }
        }
        var from = company.syncStartDate
        if let fromDate {
            if let date = QBDate(fromDate.trimmed) { from = date.description } else { fields["fromDate"] = "must be a date YYYY-MM-DD" }
        }
        var since: String?
        if let modifiedSince {
            if let moment = QBDateTime(modifiedSince.trimmed), moment.isSendable {
                since = moment.description
            } else {
                fields["modifiedSince"] = "must be a date-time YYYY-MM-DDThh:mm:ss (QuickBooks host time, optional offset), 1970–2038"
            }
            if incremental == true { fields["incremental"] = "give either incremental or modifiedSince, not both" }
        }
        let pageSize = pageSize ?? PullPayload.defaultPageSize
        if !(1...PullPayload.maximumPageSize).contains(pageSize) { fields["pageSize"] = "must be between 1 and \(PullPayload.maximumPageSize)" }
        guard fields.isEmpty, let kind else { throw .invalidInput(fields) }
        return PullPayload(kind: kind, openOnly: kind == .invoices && (open ?? true), fromDate: kind == .invoices ? from : nil,
                           modifiedSince: since, incremental: incremental ?? false, pageSize: pageSize, origin: origin)
    }
}

/// Queues pulls and reads their progress. A company runs one pull of a kind at a time: a second request
/// while one is unfinished is a conflict naming it (a scheduled pull is simply not queued twice).
public struct PullService: Sendable {
    let store: Store

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// Queues a pull.
    public func enqueue(_ input: PullInput, companyID: CompanyID, actor: String, origin: String = "api") async throws -> Job {
        guard let company = try await store.companies.find(companyID) else { throw BridgeError.notFound("company", companyID.rawValue) }
        let payload = try input.validated(company: company, origin: origin)
        let kind: JobKind = payload.kind == .invoices ? .invoicePull : .customerPull
        if let running = try await store.jobs.list(companyID: companyID, kinds: [kind], statuses: [.queued, .inFlight, .uncertain], limit: 1).first {
            throw BridgeError.conflict("A \(payload.kind.rawValue) pull (\(running.id)) is already \(running.status == .queued ? "queued" : "running") for \(company.name); read its progress at GET /api/v1/pulls/\(running.id) and ask again when it is done.")
        }
        let result = try await store.jobs.enqueue(
            NewJob(companyID: companyID, kind: kind, externalID: nil, bodyHash: nil, payload: payload.json),
            actor: actor, detail: ["kind": payload.kind.rawValue, "incremental": String(payload.incremental || payload.modifiedSince != nil)]
        )
        switch result {
        case .created(let job), .existing(let job): return job
        }
    }

    /// Queues the incremental invoice pull of a company that asked for one at every sync, unless one is
    /// already waiting. Returns whether one was queued.
    @discardableResult
    public func scheduleIfDue(_ company: Company) async throws -> Bool {
        guard company.pullInvoicesEverySync else { return false }
        guard try await !store.jobs.hasUnfinished(companyID: company.id, kinds: [.invoicePull]) else { return false }
        _ = try await enqueue(PullInput(kind: "invoices", incremental: true), companyID: company.id, actor: "schedule", origin: "schedule")
        return true
    }

    /// One pull.
    public func pull(_ id: JobID) async throws -> Job {
        guard let job = try await store.jobs.find(id), JobKind.pulls.contains(job.kind) else { throw BridgeError.notFound("pull", id.rawValue) }
        return job
    }
}

/// A pull as upstream apps and people see it.
public struct PullView: Sendable {
    public var job: Job
    public var payload: PullPayload?
    public var progress: PullProgress
    public var outcome: PullOutcome?

    /// Reads a pull job.
    public init(_ job: Job) {
        self.job = job
        payload = try? PullPayload(json: job.payload)
        progress = PullProgress(json: job.state)
        outcome = PullOutcome(json: job.result)
    }

    /// `queued`, `running`, `done`, `failed` or `cancelled`.
    public var status: String {
        switch job.status {
        case .queued, .uncertain: progress.pages > 0 ? "running" : "queued"
        case .inFlight: "running"
        case .posted, .reversed, .reversing: "done"
        case .failed: "failed"
        case .dismissed: "cancelled"
        }
    }

    /// Share done, 0–100, from QuickBooks' remaining count; nil before the first page.
    public var percent: Int? {
        if status == "done" { return 100 }
        guard let remaining = progress.remaining, progress.pages > 0 else { return nil }
        let seen = progress.received
        return seen + remaining == 0 ? 100 : min(99, seen * 100 / (seen + remaining))
    }
}
