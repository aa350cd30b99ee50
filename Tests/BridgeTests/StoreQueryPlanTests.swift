import SQLKit
import Domain
@testable import Store
import Testing
import QBBridgeTesting

/// The look-ups made in every Web Connector session must not read a table through: the jobs table holds
/// every payment ever queued, and companies grow with the installation.
@Suite("Per-session look-ups are index searches", .tagFilter)
struct StoreQueryPlanTests {
    @Test("a company by user name ignoring case, and the jobs a session holds in flight, are found through indexes")
    func perSessionLookupsUseIndexes() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            // The statements as the repositories send them (SQLite's plan does not depend on the bound values).
            let lookups = [
                "companies_username_lower": "SELECT * FROM companies WHERE LOWER(username) = ?1",
                "jobs_in_flight": "SELECT COUNT(*) AS n FROM jobs WHERE session_id = ?1 AND status = 'in_flight'",
            ]
            for (index, query) in lookups {
                let plan = try await store.database.read { sql in
                    try await sql.raw(SQLQueryString(stringLiteral: "EXPLAIN QUERY PLAN " + query)).all()
                        .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                }
                #expect(plan.contains("USING INDEX \(index)") || plan.contains("USING COVERING INDEX \(index)"), "\(query): \(plan)")
                #expect(!plan.hasPrefix("SCAN"), "\(query): \(plan)")
            }
        }
    }

    @Test("the work offered to a session checks a job's dependency by its id, not by listing every finished job")
    func dependencyCheckIsALookUp() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let plan = try await store.database.read { sql in
                try await sql.raw("EXPLAIN QUERY PLAN SELECT COUNT(*) AS n FROM jobs WHERE company_id = 'c' AND \(Jobs.claimable(now: .now))").all()
                    .map { try $0.decode(column: "detail", as: String.self) }
            }
            #expect(plan.contains { $0.hasPrefix("SEARCH d USING") && $0.contains("(id=?)") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
        }
    }

    /// The statements of the Web Connector path that look at the queue, as the repositories send them.
    static func queueStatements(company: String) -> [(name: String, sql: SQLQueryString)] {
        let now = Timestamp.now
        return [
            ("claim", """
                SELECT id, priority, seq FROM jobs WHERE company_id = \(bind: company) AND kind = 'raw_request' AND \(Jobs.claimable(now: now))
                AND (session_id IS NULL OR session_id <> \(bind: "s")) ORDER BY priority DESC, seq ASC LIMIT 1
                """),
            ("work check", """
                SELECT COUNT(*) AS n FROM (SELECT 1 FROM jobs WHERE company_id = \(bind: company) AND \(Jobs.claimable(now: now))
                AND (session_id IS NULL OR session_id <> \(bind: "")) LIMIT 100) AS waiting
                """),
        ]
    }

    @Test("claiming the next job of a kind and the work check walk the claimable-jobs index in queue order: no scan, no sort (SQLite)")
    func queueStatementsUseTheClaimIndexOnSQLite() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            for (name, statement) in Self.queueStatements(company: "c") {
                let plan = try await store.database.read { sql in
                    try await sql.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }
                }
                #expect(plan.contains { $0.contains("USING INDEX jobs_claimable") || $0.contains("USING COVERING INDEX jobs_claimable") }, "\(name): \(plan)")
                #expect(!plan.contains { $0.hasPrefix("SCAN jobs") }, "\(name): \(plan)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name) sorts: \(plan)")
            }
        }
    }

    @Test("claiming the next job of a kind and the work check walk the claimable-jobs index in queue order: no scan, no sort (PostgreSQL)",
          .tags(.postgres), .requires(.postgres))
    func queueStatementsUseTheClaimIndexOnPostgreSQL() async throws {
        _ = try await TestDatabase.postgres.withStore { store in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("deep"), actor: "test")
            let other = try await store.companies.create(StoreBehaviourTests.newCompany("other"), actor: "test")
            // A realistic table for the planner: 20,000 queued jobs of the company in three kinds, 20,000 finished
            // jobs of another company, then statistics.
            try await store.database.withConnection { sql in
                for (companyID, status) in [(company.id.rawValue, "queued"), (other.id.rawValue, "posted")] {
                    try await sql.raw("""
                        INSERT INTO jobs (id, company_id, kind, status, priority, payload, attempts, created_at, updated_at)
                        SELECT \(bind: companyID) || '-' || g, \(bind: companyID),
                               (ARRAY['raw_request', 'payment_post', 'invoice_pull'])[1 + g % 3], \(bind: status), 0, '{}', 0, 0, 0
                        FROM generate_series(1, 20000) AS g
                        """).run()
                }
                try await sql.raw("ANALYZE jobs").run()
            }
            for (name, statement) in Self.queueStatements(company: company.id.rawValue) {
                let plan = try await store.database.transaction { sql in
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    return try await sql.raw("EXPLAIN \(statement)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
                }
                #expect(plan.contains { $0.contains("jobs_claimable") }, "\(name): \(plan.joined(separator: "\n"))")
                #expect(!plan.contains { $0.contains("Seq Scan on jobs") || $0.contains("Sort") }, "\(name): \(plan.joined(separator: "\n"))")
            }
        }
    }

    @Test("a claim across kinds still hands out jobs in queue order: priority first, then the order they were queued")
    func claimAcrossKindsKeepsQueueOrder() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("order"), actor: "test")
            var queued: [JobID] = []
            for (index, (kind, priority)) in [(JobKind.paymentPost, 0), (.paymentReverse, 1), (.paymentPost, 0), (.paymentReverse, 1)].enumerated() {
                let result = try await store.jobs.enqueue(NewJob(companyID: company.id, kind: kind, priority: priority, externalID: "j\(index)",
                                                                 bodyHash: "h\(index)", payload: "{}"), actor: "test")
                guard case .created(let job) = result else { Issue.record("not created: \(result)"); return }
                queued.append(job.id)
            }
            let claimed = try await store.jobs.claim(companyID: company.id, sessionID: "s", limit: 3, kinds: JobKind.payments)
            #expect(claimed.map(\.id) == [queued[1], queued[3], queued[0]])
            #expect(try await store.jobs.pendingCount(companyID: company.id, excludingSession: "s", upTo: 10) == 1)
        }
    }
}
