import Foundation
import Testing
import QBBridgeTesting

/// `qbbridge qwclog FILE [--json]` (issue 23): the report on the command line.
@Suite("The qwclog command", .tags(.process), .tagFilter)
struct QWCLogCommandTests {
    static func fixture(_ name: String) -> String {
        Repository.url("Tests/WebConnectorLogTests/Fixtures/qwclog/" + name).path
    }

    @Test("qbbridge qwclog prints the summary, each problem with its steps and one line per run; --json the report; a bad file fails with the reason")
    func command() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qwclog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = ["--database", directory.appendingPathComponent("q.sqlite").path]

        let text = try await CLI.run(binary, ["qwclog", Self.fixture("qbwc1048-certificate.txt")] + database)
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.hasPrefix("3 runs over 3 days (2026-12-05 to 2026-12-07); 0 completed; 3 failed: QBWC1048 "))
        #expect(text.output.contains("QBWC1048  The Web Connector does not trust QBBridge's certificate  (3 runs)"))
        #expect(text.output.contains("     1. "))
        #expect(text.output.contains("#3  2026-12-07 08:00:00 UTC  QBBridge - Acme Plumbing  failed"))

        let json = try await CLI.run(binary, ["qwclog", "--json", Self.fixture("verbose-success.txt")] + database)
        #expect(json.status == 0, "\(json.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let report = try #require(object["report"] as? [String: Any])
        #expect((report["summary"] as? [String: Any])?["completed"] as? Int == 1)
        for secret in ["9d8c7b6a-5f4e-4d3c-ab2a-1f0e9d8c7b6a", "Hunter2-Plumbing!"] { #expect(!json.output.contains(secret)) }

        let notALog = directory.appendingPathComponent("letter.txt")
        try "Dear customer,\nthank you.\n".write(to: notALog, atomically: true, encoding: .utf8)
        let refused = try await CLI.run(binary, ["qwclog", notALog.path] + database)
        #expect(refused.status != 0)
        #expect(refused.error.contains("View Logs"))
    }
}
