public import Domain
import Store

/// The read side: what the JSON API, the web UI and the CLI show, as Domain values. Everything above
/// Bridge reads through here, so how a question is answered (which index, one statement per page)
/// is decided in one place, next to the writes.
public struct Records: Sendable {
    let store: Store

    init(store: Store) {
        self.store = store
    }

    /// The installation's OwnerID, the same in every `.qwc`.
    public func ownerID() async throws -> String {
        try await store.installation.ownerID()
    }

    // MARK: - Companies

    /// Every company connection, by name.
    public func companies() async throws -> [Company] {
        try await store.companies.all()
    }

    /// A page of companies by name, optionally only those whose name or user name contains `search`.
    public func companies(search: String?, after cursor: PageCursor?, limit: Int) async throws -> Page<Company> {
        let companies = try await store.companies.page(search: search, after: cursor, limit: limit)
        return Page(companies, limit: limit, cursor: Companies.listCursor(after:))
    }

    /// One company, or nil.
    public func company(_ id: CompanyID) async throws -> Company? {
        try await store.companies.find(id)
    }

    /// One company, or `BridgeError.notFound` (list operations must not answer an empty list for a typo).
    public func existingCompany(_ id: CompanyID) async throws -> Company {
        guard let company = try await store.companies.find(id) else { throw BridgeError.notFound("company", id.rawValue) }
        return company
    }

    // MARK: - Jobs

    /// One job of any kind.
    public func job(_ id: JobID) async throws -> Job? {
        try await store.jobs.find(id)
    }

    /// Jobs oldest change first, for polling with `updatedSince`.
    public func jobs(companyID: CompanyID? = nil, kinds: [JobKind] = [], statuses: [JobStatus] = [], updatedSince: Timestamp? = nil,
                     limit: Int = 100) async throws -> [Job] {
        try await store.jobs.list(companyID: companyID, kinds: kinds, statuses: statuses, updatedSince: updatedSince, limit: limit)
    }

    /// Payments oldest change first (for polling with `updatedSince`), each with its open failure record:
    /// two statements for the page, whatever its length.
    public func payments(companyID: CompanyID? = nil, statuses: [JobStatus] = [], updatedSince: Timestamp? = nil,
                         after cursor: PageCursor? = nil, limit: Int = 100) async throws -> Page<PaymentRecord> {
        let jobs = try await store.jobs.list(companyID: companyID, kinds: [.paymentPost], statuses: statuses, updatedSince: updatedSince,
                                             after: cursor, limit: limit)
        let failed = jobs.filter { $0.status == .failed }.map(\.id)
        let failures = failed.isEmpty ? [:] : try await store.failures.open(forJobs: failed)
        return Page(jobs.map { PaymentRecord(job: $0, openFailure: failures[$0.id]) }, limit: limit) { Jobs.listCursor(after: $0.job) }
    }

    /// A company's newest jobs of some kinds.
    public func latestJobs(companyID: CompanyID, kinds: [JobKind], limit: Int) async throws -> [Job] {
        try await store.jobs.latest(companyID: companyID, kinds: kinds, limit: limit)
    }

    /// Jobs of a kind for the web UI's list: most recently changed first, filtered, paged by cursor.
    public func searchJobs(kind: JobKind, companyID: CompanyID? = nil, status: JobStatus? = nil, externalIDContaining text: String? = nil,
                           before cursor: PageCursor? = nil, limit: Int = 50) async throws -> Page<Job> {
        let jobs = try await store.jobs.search(kind: kind, companyID: companyID, status: status, externalIDContaining: text,
                                               before: cursor, limit: limit)
        return Page(jobs, limit: limit, cursor: Jobs.listCursor(after:))
    }

    /// A company's jobs counted by status.
    public func jobCounts(companyID: CompanyID, kind: JobKind? = nil, updatedSince: Timestamp? = nil) async throws -> [JobStatus: Int] {
        try await store.jobs.statusCounts(companyID: companyID, kind: kind, updatedSince: updatedSince)
    }

    // MARK: - Failure records

    /// One failure record.
    public func failure(_ id: FailureID) async throws -> FailureRecord? {
        try await store.failures.find(id)
    }

    /// Every failure record of a job, newest first, deleted ones included.
    public func failures(forJob id: JobID) async throws -> [FailureRecord] {
        try await store.failures.all(forJob: id)
    }

    /// The open failure record of a job, if any.
    public func openFailure(forJob id: JobID) async throws -> FailureRecord? {
        try await store.failures.open(forJob: id)
    }


    /// A page of failure records, newest first, after `cursor`: one statement.
    public func failures(companyID: CompanyID? = nil, statuses: [FailureStatus] = [], category: String? = nil, includeDeleted: Bool = false,
                         before cursor: PageCursor? = nil, limit: Int = 100) async throws -> Page<FailureRecord> {
        let records = try await store.failures.list(companyID: companyID, statuses: statuses, category: category,
                                                    includeDeleted: includeDeleted, before: cursor, limit: limit)
        return Page(records, limit: limit, cursor: Failures.listCursor(after:))
    }

    // MARK: - Activity

    /// The audit log, newest first, paged by id.
    public func activity(companyID: CompanyID? = nil, before cursor: Int64? = nil, limit: Int = 100) async throws -> [ActivityEntry] {
        try await store.activity.list(companyID: companyID, before: cursor, limit: limit)
    }

    /// What happened to these records (a payment and its failure records), oldest first.
    public func history(subjectIDs: [String], limit: Int = 200) async throws -> [ActivityEntry] {
        try await store.activity.history(subjectIDs: subjectIDs, limit: limit)
    }

    // MARK: - What pulls stored

    /// Stored invoices.
    public func invoices(companyID: CompanyID, _ query: InvoiceQuery) async throws -> [StoredInvoice] {
        try await store.snapshots.invoices(companyID: companyID, query)
    }

    /// Stored customers, by ListID order.
    public func customers(companyID: CompanyID, search: String? = nil, activeOnly: Bool = false, limit: Int = 100,
                          after: String? = nil) async throws -> [StoredCustomer] {
        try await store.snapshots.customers(companyID: companyID, search: search, activeOnly: activeOnly, limit: limit, after: after)
    }

    /// One stored customer.
    public func customer(companyID: CompanyID, listID: String) async throws -> StoredCustomer? {
        try await store.snapshots.customer(companyID: companyID, listID: listID)
    }

    /// How much a company's pulls stored.
    public func snapshotCounts(companyID: CompanyID) async throws -> (invoices: Int, openInvoices: Int, customers: Int) {
        try await store.snapshots.counts(companyID: companyID)
    }

    // MARK: - Customer mappings

    /// One mapping.
    public func mapping(companyID: CompanyID, externalID: String) async throws -> CustomerMapping? {
        try await store.customerMappings.find(companyID: companyID, externalID: externalID)
    }

    /// A company's mappings, by external id.
    public func mappings(companyID: CompanyID, limit: Int = 100, after: String? = nil) async throws -> [CustomerMapping] {
        try await store.customerMappings.list(companyID: companyID, limit: limit, after: after)
    }

    /// How many customers a company has mapped.
    public func mappingCount(companyID: CompanyID) async throws -> Int {
        try await store.customerMappings.count(companyID: companyID)
    }

    // MARK: - Health of the store itself

    /// Answers when the database does (`/healthz`).
    public func ping() async throws {
        _ = try await store.tokens.count()
    }
}

/// One page of a list and where the next one starts (nil: this was the last page).
public struct Page<Item: Sendable>: Sendable {
    /// The page's rows, in the list's order.
    public var items: [Item]
    /// Where the next page starts: pass it back to read on.
    public var next: PageCursor?

    /// A page of rows read with `limit`: a full page may have a next one, a short page is the last.
    init(_ items: [Item], limit: Int, cursor: (Item) -> PageCursor) {
        self.items = items
        self.next = items.count >= max(1, min(limit, 1000)) ? items.last.map(cursor) : nil
    }
}

/// A payment and its open failure record, if it has one.
public struct PaymentRecord: Sendable {
    /// The payment job.
    public var job: Job
    /// The open failure record of a failed payment.
    public var openFailure: FailureRecord?
}
