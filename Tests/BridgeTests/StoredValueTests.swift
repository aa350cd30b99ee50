import Bridge
import Domain
import Foundation
import SQLKit
@testable import Store
import Testing
import Triage
import QBBridgeTesting

/// Stored records come back as the typed values they were written as, and a column that does not hold
/// what its type says is an error naming the table, the column and the row, never an empty default.
@Suite("Stored values are typed", .tagFilter)
struct StoredValueTests {
    static func draft(_ category: FailureCategory) -> NewFailure {
        var evidence = FailureEvidence()
        evidence.message = "QuickBooks found an error when parsing the provided XML text stream."
        evidence.customerName = "Jasmine Desai"
        return NewFailure(companyID: CompanyID("c"), jobID: nil, category: category, title: "A title", summary: "A summary",
                          evidence: evidence, statusCode: nil, statusMessage: nil, hresult: "0x80040400",
                          resolution: ["First step", "Second step"], actions: [.retry, .delete], autoRecheck: false, isConnection: true)
    }

    @Test("a failure record's category, evidence, steps and actions read back as written (SQLite)")
    func failureRoundTripOnSQLite() async throws { try await failureRoundTrip(engine: .sqlite) }

    @Test("a failure record's category, evidence, steps and actions read back as written (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func failureRoundTripOnPostgreSQL() async throws { try await failureRoundTrip(engine: .postgres) }

    func failureRoundTrip(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(NewCompany(name: "Acme", username: "acme", passwordHash: "x", runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "test")
            var new = Self.draft(.quickbooksCannotStart)
            new.companyID = company.id
            let id = try await store.failures.recordConnection(new)
            let record = try #require(try await store.failures.find(id))
            #expect(record.category == .quickbooksCannotStart)
            #expect(record.evidence == new.evidence)
            #expect(record.resolution == ["First step", "Second step"])
            #expect(record.actions == [.retry, .delete])
            #expect(record.availableActions == [.retry, .delete])
        }
    }

    @Test("a corrupt column is an error that names the table, the column and the row", arguments: [
        ("category", "'no_such_category'"), ("evidence", "'{not json'"), ("resolution", "'\"one step\"'"), ("actions", "'[\"explode\"]'"),
    ])
    func corruptColumn(column: String, value: String) async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let company = try await store.companies.create(NewCompany(name: "Acme", username: "acme", passwordHash: "x", runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "test")
            var new = Self.draft(.popupBlocking)
            new.companyID = company.id
            let id = try await store.failures.recordConnection(new)
            try await store.database.transaction { sql in
                try await sql.raw(SQLQueryString("UPDATE failures SET \(unsafeRaw: column) = \(unsafeRaw: value) WHERE id = \(bind: id.rawValue)")).run()
            }
            do {
                _ = try await store.failures.find(id)
                Issue.record("a corrupt \(column) was read as a record")
            } catch let error as StoreError {
                guard case .undecodable(let table, let named, let row, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(table == "failures")
                #expect(named == column)
                #expect(row == id.rawValue)
                #expect(error.description.contains("failures.\(column) of row \(id.rawValue)"))
            }
        }
    }
}
