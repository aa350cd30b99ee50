import Bridge
import Foundation
import Domain
@testable import Store
import SQLKit
import Testing
import Triage
import QBBridgeTesting

/// The lists of the JSON API and the dashboard page by keyset, cost a fixed number of statements per page
/// whatever its length, and each statement seeks through an index in the list's own order (issue 26 item 4).
@Suite("Lists at scale: keyset pages, a fixed number of statements, index order", .tagFilter)
struct ListsAtScaleTests {
    static func services(_ store: Store) -> BridgeServices {
        BridgeServices(store: store, configuration: BridgeConfiguration(), logger: TestDatabase.logger)
    }

    /// `count` payments of one company, all written in the same millisecond, some of them failed with a record.
    static func payments(_ count: Int, company: Company, in store: Store, failedEvery: Int = 3) async throws {
        let jobs = (0..<count).map { index in
            NewJob(companyID: company.id, kind: .paymentPost, externalID: "p\(index)", bodyHash: "h\(index)", payload: "{}")
        }
        try await store.jobs.insertMany(jobs, status: .posted, now: Timestamp(milliseconds: 1_800_000_000_000))
        let failed = try await store.jobs.list(companyID: company.id, kinds: [.paymentPost], limit: 1000).enumerated()
            .filter { $0.offset % failedEvery == 0 }.map(\.element)
        try await store.failures.insertMany(failed.map { job in
            Failures.Generated(Self.failure(company: company.id, job: job.id), status: .open, createdAt: Timestamp(milliseconds: 1_800_000_000_000))
        })
    }

    static func failure(company: CompanyID, job: JobID?, connection: Bool = false) -> NewFailure {
        NewFailure(companyID: company, jobID: job, category: connection ? .popupBlocking : .amountChanged, title: "t", summary: "s",
                   evidence: FailureEvidence(), statusCode: nil, statusMessage: nil, hresult: nil, resolution: ["step"],
                   actions: [.retry], autoRecheck: false, isConnection: connection)
    }

    @Test("paging payments by cursor returns each payment exactly once, even when a page ends inside a millisecond")
    func cursorPagesDoNotSkipTies() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("ties"), actor: "test")
            try await Self.payments(50, company: company, in: store)
            let records = Self.services(store).records
            var seen: [JobID] = []
            var cursor: PageCursor?
            var pages = 0
            repeat {
                let page = try await records.payments(companyID: company.id, after: cursor, limit: 7)
                seen += page.items.map(\.job.id)
                cursor = page.next
                pages += 1
            } while cursor != nil && pages < 20
            #expect(seen.count == 50)
            #expect(Set(seen).count == 50)
            #expect(pages == 8)
        }
    }

    @Test("a cursor survives its text form, and text that is not a cursor is refused")
    func cursorTokens() {
        for cursor in [PageCursor(1_800_000_000_123, tieBreaker: "42"), PageCursor(key: .text("Ünïcode & Co / ?"), tieBreaker: "id-1")] {
            #expect(PageCursor(token: cursor.token) == cursor)
            #expect(cursor.token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
        for bad in ["", "not a cursor", "bjEy", "%%%", String(repeating: "A", count: 3000)] {
            #expect(PageCursor(token: bad) == nil, "\(bad)")
        }
    }

    /// The statements one call sends.
    static func statements(_ store: Store, _ body: () async throws -> Void) async throws -> [String] {
        try await store.database.statements.recording(body)
    }

    @Test("a page of payments, failure records, companies, activity or the dashboard costs the same statements at 5 rows as at 200 (SQLite)")
    func statementsPerPageOnSQLite() async throws { try await statementsPerPage(engine: .sqlite) }

    @Test("a page of payments, failure records, companies, activity or the dashboard costs the same statements at 5 rows as at 200 (PostgreSQL)",
          .tags(.postgres), .requires(.postgres))
    func statementsPerPageOnPostgreSQL() async throws { try await statementsPerPage(engine: .postgres) }

    func statementsPerPage(engine: TestDatabase) async throws {
        _ = try await engine.withStore { store in
            var companies: [Company] = []
            for index in 0..<3 { companies.append(try await store.companies.create(StoreBehaviourTests.newCompany("co\(index)"), actor: "test")) }
            for company in companies { try await Self.payments(120, company: company, in: store, failedEvery: 2) }
            let records = Self.services(store).records
            let lists: [(String, @Sendable (Int) async throws -> Void)] = [
                ("payments", { (limit: Int) in _ = try await records.payments(limit: limit) }),
                ("failed payments", { (limit: Int) in _ = try await records.payments(statuses: [.failed, .posted], limit: limit) }),
                ("failures", { (limit: Int) in
                    _ = try await records.failures(companyID: nil, statuses: [], category: nil, includeDeleted: false, before: nil, limit: limit)
                }),
                ("companies", { (limit: Int) in _ = try await records.companies(search: nil, after: nil, limit: limit) }),
                ("activity", { (limit: Int) in _ = try await records.activity(limit: limit) }),
                ("dashboard", { (limit: Int) in _ = try await records.dashboard(search: nil, order: .attention, page: 0, pageSize: limit) }),
            ]
            for (name, list) in lists {
                let small = try await Self.statements(store) { try await list(5) }
                let large = try await Self.statements(store) { try await list(200) }
                #expect(small.count == large.count, "\(name): \(small.count) statements for 5 rows, \(large.count) for 200")
                #expect(large.count <= (name == "dashboard" ? 5 : 2), "\(name): \(large)")
            }
        }
    }

    @Test("every list statement seeks through an index in the list's order: no table scan, no sort (SQLite)")
    func listStatementsUseIndexes() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("plans"), actor: "test")
            try await Self.payments(30, company: company, in: store)
            let records = Self.services(store).records
            let first = try await records.payments(limit: 5)
            let firstFailures = try await records.failures(companyID: nil, statuses: [], category: nil, includeDeleted: false, before: nil, limit: 5)
            let calls: [(String, @Sendable () async throws -> Void)] = [
                ("payments", { _ = try await records.payments(after: first.next, limit: 5) }),
                ("payments of a company", { _ = try await records.payments(companyID: company.id, after: first.next, limit: 5) }),
                ("failure records", {
                    _ = try await records.failures(companyID: nil, statuses: [], category: nil, includeDeleted: false, before: firstFailures.next, limit: 5)
                }),
                ("open failure records", {
                    _ = try await records.failures(companyID: nil, statuses: [.open], category: nil, includeDeleted: false, before: firstFailures.next, limit: 5)
                }),
                ("failure records of a company", {
                    _ = try await records.failures(companyID: company.id, statuses: [], category: nil, includeDeleted: true, before: firstFailures.next, limit: 5)
                }),
                ("companies", { _ = try await records.companies(search: nil, after: PageCursor(key: .text("A"), tieBreaker: "x"), limit: 5) }),
                ("activity", { _ = try await records.activity(before: 1_000_000, limit: 5) }),
                ("the web UI's payments", { _ = try await records.searchJobs(kind: .paymentPost, before: first.next, limit: 5) }),
                ("the web UI's payments of a company", {
                    _ = try await records.searchJobs(kind: .paymentPost, companyID: company.id, before: first.next, limit: 5)
                }),
            ]
            for (name, call) in calls {
                let statements = try await Self.statements(store, call)
                #expect(!statements.isEmpty, "\(name)")
                for statement in statements where statement.hasPrefix("SELECT") {
                    let plan = try await store.database.read { sql in
                        try await sql.raw(SQLQueryString(stringLiteral: "EXPLAIN QUERY PLAN " + statement)).all()
                            .map { try $0.decode(column: "detail", as: String.self) }
                    }
                    #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("USING") }, "\(name) scans: \(statement)\n\(plan)")
                    #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name) sorts: \(statement)\n\(plan)")
                    if statement.contains("FROM \"failures\" WHERE \"job_id\" IN") {
                        #expect(plan.contains { $0.contains("failures_job") }, "\(name): the open failures of a page by job: \(plan)")
                    }
                }
            }
        }
    }

    @Test("the dashboard lists first the companies that need a person, most urgent first, and counts a deep queue only to its horizon")
    func dashboardOrdersByUrgency() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let now = Date()
            func company(_ name: String, lastSync hoursAgo: Double?) async throws -> Company {
                let company = try await store.companies.create(
                    NewCompany(name: name, username: name.lowercased().replacingOccurrences(of: " ", with: "-"), passwordHash: "$2b$04$hash",
                               runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "test")
                let synced = hoursAgo.map { Timestamp(now.addingTimeInterval(-$0 * 3600)) }
                try await store.companies.setSyncTimes(company.id, lastSyncAt: synced, lastSessionAt: synced)
                return company
            }
            let healthy = try await company("Alpha Healthy", lastSync: 0.1)
            let failing = try await company("Bravo Failing", lastSync: 0.1)
            let quiet = try await company("Charlie Quiet", lastSync: 30)
            let blocked = try await company("Delta Blocked", lastSync: 0.5)
            let deep = try await company("Echo Deep", lastSync: 0.1)
            try await Self.payments(6, company: failing, in: store)
            try await store.failures.recordConnection(Self.failure(company: blocked.id, job: nil, connection: true))
            try await store.jobs.insertMany((0..<(CompanyOverview.waitingHorizon + 50)).map {
                NewJob(companyID: deep.id, kind: .rawRequest, externalID: nil, bodyHash: nil, payload: "{\"n\":\($0)}")
            }, status: .queued)

            let dashboard = try await Self.services(store).records.dashboard(search: nil, order: .name, page: 0, now: now)
            #expect(dashboard.attention.map(\.overview.company.id) == [blocked.id, quiet.id, failing.id])
            #expect(dashboard.attention.map(\.overview.attention) == [.connection, .notSynced, .openFailures])
            #expect(dashboard.attentionTotal == 3)
            #expect(dashboard.attention[2].openByCategory.first?.count == 2)
            #expect(dashboard.table.map(\.overview.company.name) == ["Alpha Healthy", "Bravo Failing", "Charlie Quiet", "Delta Blocked", "Echo Deep"])
            #expect(dashboard.table.first { $0.overview.company.id == deep.id }?.overview.waiting == CompanyOverview.waitingHorizon + 1)
            #expect(dashboard.table.first { $0.overview.company.id == healthy.id }?.overview.attention == CompanyOverview.Attention.none)

            let searched = try await Self.services(store).records.dashboard(search: "LTA bl", order: .name, page: 0, now: now)
            #expect(searched.table.map(\.overview.company.id) == [blocked.id])
            #expect(searched.tableTotal == 1 && searched.companiesTotal == 5)
            // LIKE's wildcards typed into the search mean themselves: no company name holds "_" or "%".
            for wildcard in ["_", "%"] {
                #expect(try await Self.services(store).records.dashboard(search: wildcard, order: .name, page: 0, now: now).tableTotal == 0)
            }
            let byWaiting = try await Self.services(store).records.dashboard(search: nil, order: .waiting, page: 0, pageSize: 2, now: now)
            #expect(byWaiting.table.first?.overview.company.id == deep.id)
            #expect(byWaiting.table.count == 2 && byWaiting.tableTotal == 5)
        }
    }
}
