import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

/// What a Web Connector call learns about its company is written with the session, in the same transaction,
/// and QuickBooks' report reaches the activity log only when it says something new.
@Suite("Company facts committed with the session", .tagFilter)
struct SessionCommitTests {
    static let report = QuickBooksInfo(product: "QuickBooks Premier Edition 2024", version: "34.0", country: "US", fileMode: "MultiUser",
                                       supportedQBXMLVersions: ["13.0", "16.0"], qbxmlVersion: "13.0", companyFile: "C:\\Books\\Acme.QBW",
                                       companyName: "Acme Plumbing LLC", autoApplyPayments: false, reportedAt: .now)

    @Test("a session save writes the report, the verified file and a cleared problem; the log has the report once, when it changed (SQLite)")
    func companyFactsTravelWithTheSessionOnSQLite() async throws { try await companyFactsTravelWithTheSession(engine: .sqlite) }

    @Test("a session save writes the report, the verified file and a cleared problem; the log has the report once, when it changed (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func companyFactsTravelWithTheSessionOnPostgreSQL() async throws { try await companyFactsTravelWithTheSession(engine: .postgres) }

    func companyFactsTravelWithTheSession(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("acme"), actor: "test")
            try await store.companies.setConnectionProblem(company.id, "QuickBooks was not running")
            guard case .opened(var session, _) = try await store.sessions.open(companyID: company.id, ticket: "t-1", staleAfterSeconds: 600) else {
                Issue.record("the session did not open"); return
            }
            let verified = Timestamp.now
            var first = SessionCommit()
            first.company = [.quickBooksReported(Self.report, changed: true), .fileVerified(at: verified), .connectionProblem(nil)]
            #expect(!first.isEmpty)
            session.requestsSent = 1
            try await store.sessions.save(session, with: first)

            let stored = try #require(try await store.companies.find(company.id))
            #expect(stored.quickBooks.reportsSame(as: Self.report))
            #expect(stored.quickBooks.fileVerifiedAt?.milliseconds == verified.milliseconds)
            #expect(stored.connectionProblem == nil)
            #expect(try await store.sessions.find(ticket: "t-1")?.requestsSent == 1)

            // The same report again (the next session's HCP answer): stored, not logged.
            var again = SessionCommit()
            again.company = [.quickBooksReported(Self.report, changed: !Self.report.reportsSame(as: stored.quickBooks))]
            try await store.sessions.save(session, with: again)
            var upgraded = Self.report
            upgraded.version = "34.1"
            #expect(!upgraded.reportsSame(as: stored.quickBooks))
            var changed = SessionCommit()
            changed.company = [.quickBooksReported(upgraded, changed: true)]
            try await store.sessions.save(session, with: changed)

            let reports = try await store.activity.list(companyID: company.id).filter { $0.action == "company.quickbooks_reported" }
            #expect(reports.count == 2)
            #expect(try await store.companies.find(company.id)?.quickBooks.version == "34.1")
        }
    }

    @Test("a report differs only in what QuickBooks says, not in when it was said or verified")
    func reportsCompareByContent() {
        var later = Self.report
        later.reportedAt = Timestamp.now.adding(seconds: 300)
        later.fileVerifiedAt = .now
        #expect(later.reportsSame(as: Self.report))
        later.autoApplyPayments = true
        #expect(!later.reportsSame(as: Self.report))
    }
}
