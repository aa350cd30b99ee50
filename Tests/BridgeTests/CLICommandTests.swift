import Foundation
import Testing
import QBBridgeTesting

@Suite("Operator commands", .tags(.process), .tagFilter)
struct CLICommandTests {
    @Test("seed fills a company's queue and creates a history over new companies; a queue without a company is refused")
    func seedCommand() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("seed.sqlite").path
        let add = try await CLI.run(binary, ["company", "add", "--name", "Deep", "--username", "deep", "--password-stdin", "--database", database],
                                    input: "correct horse\n")
        #expect(add.status == 0, "\(add.error)")
        let refused = try await CLI.run(binary, ["seed", "--queued", "10", "--database", database])
        #expect(refused.status != 0)
        #expect(refused.error.contains("--queued needs --company"), "\(refused.error)")
        let seeded = try await CLI.run(binary, ["seed", "--company", "deep", "--queued", "2500", "--companies", "3", "--history", "900",
                                                "--database", database])
        #expect(seeded.status == 0, "\(seeded.error)")
        #expect(seeded.output.contains("created 3 companies with 900 answered raw requests"), "\(seeded.output)")
        #expect(seeded.output.contains("queued 2500 raw jobs for Deep"), "\(seeded.output)")
        let companies = try await CLI.run(binary, ["company", "list", "--database", database])
        #expect(companies.output.contains("seed-3"), "\(companies.output)")
    }

    @Test("migrate, company add, enqueue payment (idempotent), failures list and report work against one database")
    func operatorFlow() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("ops.sqlite").path
        let migrate = try await CLI.run(binary, ["migrate", "--database", database])
        #expect(migrate.status == 0, "\(migrate.error)")
        #expect(migrate.output.contains("applied migrations"))
        let again = try await CLI.run(binary, ["migrate", "--database", database])
        #expect(again.output.contains("schema already at version"))
        let add = try await CLI.run(binary, ["company", "add", "--name", "Acme", "--username", "acme", "--password-stdin", "--database", database],
                              input: "correct horse\n")
        #expect(add.status == 0, "\(add.error)")
        let payment = directory.appendingPathComponent("payment.json")
        try #"{"externalId": "cli-1", "customer": {"fullName": "Jasmine Desai"}, "amount": "120.00", "date": "2026-11-20", "applications": [{"invoice": {"refNumber": "1043"}, "amount": "120.00"}]}"#
            .write(to: payment, atomically: true, encoding: .utf8)
        let queued = try await CLI.run(binary, ["enqueue", "payment", payment.path, "--company", "acme", "--database", database])
        #expect(queued.status == 0, "\(queued.error)")
        #expect(queued.output.contains("Queued payment cli-1"))
        let replay = try await CLI.run(binary, ["enqueue", "payment", payment.path, "--company", "acme", "--database", database])
        #expect(replay.output.contains("was already queued"))
        let invalid = try await CLI.run(binary, ["enqueue", "payment", "-", "--company", "acme", "--database", database],
                                  input: #"{"externalId": "cli-2", "customer": {"fullName": "A"}, "amount": "abc", "date": "2026-11-20"}"#)
        #expect(invalid.status != 0)
        #expect(invalid.error.contains("amount"))
        let list = try await CLI.run(binary, ["failures", "list", "--database", database])
        #expect(list.output.contains("No open failures"))
        let report = try await CLI.run(binary, ["failures", "report", "--database", database])
        #expect(report.status == 0, "\(report.error)")
        #expect(report.output.contains("Acme (acme): 1 payments, 0 failed, rate 0.0%"), "\(report.output)")

        let pull = try await CLI.run(binary, ["enqueue", "pull", "invoices", "--company", "acme", "--incremental", "--database", database])
        #expect(pull.status == 0, "\(pull.error)")
        #expect(pull.output.contains("Queued a invoices pull") || pull.output.contains("Queued an invoices pull"))
        let twice = try await CLI.run(binary, ["enqueue", "pull", "invoices", "--company", "acme", "--database", database])
        #expect(twice.status != 0)
        #expect(twice.error.contains("already queued"))
        let wrong = try await CLI.run(binary, ["enqueue", "pull", "vendors", "--company", "acme", "--database", database])
        #expect(wrong.error.contains("invoices") && wrong.error.contains("customers"))
        let deposits = try await CLI.run(binary, ["deposits", "acme", "--from", "2026-11-16", "--to", "2026-11-27", "--database", database])
        #expect(deposits.status == 0, "\(deposits.error)")
        #expect(deposits.output.contains("Deposits expected 2026-11-16 to 2026-11-27: 0"))
        let badDates = try await CLI.run(binary, ["deposits", "acme", "--from", "2026-11-30", "--to", "2026-11-01", "--database", database])
        #expect(badDates.status != 0)
    }

    @Test("admin users can be added, given a new password and removed")
    func adminUsers() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-users-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("users.sqlite").path
        let add = try await CLI.run(binary, ["user", "add", "--username", "ops", "--password-stdin", "--bcrypt-cost", "10", "--database", database],
                              input: "first-password-1\n")
        #expect(add.status == 0, "\(add.error)")
        let change = try await CLI.run(binary, ["user", "password", "--username", "ops", "--password-stdin", "--bcrypt-cost", "10", "--database", database],
                                 input: "second-password-2\n")
        #expect(change.status == 0, "\(change.error)")
        #expect(change.output.contains("signed out"))
        let unknown = try await CLI.run(binary, ["user", "password", "--username", "nobody", "--password-stdin", "--bcrypt-cost", "10", "--database", database],
                                  input: "second-password-2\n")
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("No admin user named"))
        let remove = try await CLI.run(binary, ["user", "remove", "--username", "ops", "--database", database])
        #expect(remove.status == 0, "\(remove.error)")
        let again = try await CLI.run(binary, ["user", "remove", "--username", "ops", "--database", database])
        #expect(again.status != 0)
    }
}
