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
}
