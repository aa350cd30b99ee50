import Foundation
import QBBridgeTesting
import Testing

/// The rules that keep `swift test` honest about what it ran, checked over the test sources: the fast lane
/// reaches every suite, and a test that needs something outside Swift says so instead of failing or
/// returning early on a machine without it.
@Suite("Test conventions", .tagFilter)
struct TestConventionsTests {
    /// Every Swift file under `Tests/` but the support target itself, with its path.
    static func testSources() throws -> [(path: String, text: String)] {
        let tests = Repository.url("Tests")
        guard let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil) else { return [] }
        return try walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/QBBridgeTesting/") && !$0.path.contains("/fuzz/") }
            .map { (String($0.path.dropFirst(tests.path.count + 1)), try String(contentsOf: $0, encoding: .utf8)) }
            .sorted { $0.path < $1.path }
    }

    @Test("every suite honours QBBRIDGE_TEST_SKIP_TAGS, so the fast lane reaches all of them")
    func everySuiteHasTheTagFilter() throws {
        let sources = try Self.testSources()
        #expect(sources.count > 50)
        var suites = 0
        for source in sources {
            for line in source.text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("@Suite(") {
                suites += 1
                #expect(line.contains(".tagFilter"), "\(source.path): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(suites > 50)
    }

    @Test("a file that starts a child process tags it .process; one that opens PostgreSQL requires it")
    func outsideNeedsAreDeclared() throws {
        for source in try Self.testSources() where source.text.contains("@Test(") && !source.path.hasSuffix("TestConventionsTests.swift") {
            let startsProcesses = ["CLI.run(", "CLI.binary", "Process()"].contains { source.text.contains($0) }
            if startsProcesses {
                #expect(source.text.contains(".process"), "\(source.path) starts a process but no test in it is tagged .process")
            }
            let opensPostgres = ["(engine: .postgres)", "(database: .postgres)", "TestEnvironment.postgresURL", "withRunningBridge(.postgres"]
                .contains { source.text.contains($0) }
            if opensPostgres {
                #expect(source.text.contains(".requires(.postgres)"), "\(source.path) opens PostgreSQL without .requires(.postgres)")
            }
        }
    }
}
