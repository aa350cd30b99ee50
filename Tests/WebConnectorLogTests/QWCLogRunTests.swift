import Foundation
import QBBridgeTesting
import Testing
import Triage
import WebConnectorLog

/// Each fixture is split into the right runs, and each run's problems carry the right catalogue entry
/// (issue 23, the Web Connector log reader).
@Suite("Web Connector log: runs and problems", .tagFilter)
struct QWCLogRunTests {
    /// The help codes of a run's problems.
    private func helpCodes(_ run: QWCLogRun) -> [String] { run.problems.map(\.helpCode) }

    @Test("successful runs: each run's application, user, exchanges with their sizes and closing message; a run with no work is no_work")
    func successfulRuns() throws {
        let report = try QWCLogFixture.report("success.txt")
        #expect(report.runs.count == 3)
        #expect(report.runs.map(\.outcome) == [.completed, .completed, .noWork])
        let first = try #require(report.runs.first)
        #expect(first.application == "QBBridge - Acme Plumbing")
        #expect(first.username == "acme")
        #expect(first.appURL == "https://qb.example.com/qbwc")
        #expect(first.webConnectorVersion == "2.3.0.215")
        #expect(first.serverVersion == "QBBridge 1.0")
        #expect(first.authentication == .work)
        #expect(first.exchangeCount == 2)
        #expect(first.exchanges.map(\.requestBytes) == [1843, 912])
        #expect(first.exchanges.map(\.responseBytes) == [5120, 2270])
        #expect(first.exchanges.map(\.percentDone) == [50, 100])
        #expect(first.endMessage == "Synced 3 payments.")
        // The run ends at its unlock, not at the next day's first line.
        #expect(report.runs.allSatisfy { $0.endedAt.timeIntervalSince($0.startedAt) < 60 })
        #expect(first.problems.isEmpty)
        #expect(report.runs[2].authentication == .noWork)
        #expect(report.summary.runCount == 3 && report.summary.completed == 3 && report.summary.failed == 0 && report.summary.noWork == 1)
        #expect(report.summary.text.hasPrefix("3 runs over 3 days (2026-12-01 to 2026-12-03); 3 completed; 0 failed"), "\(report.summary.text)")
        #expect(!report.verbose)
    }

    @Test("the same log read in chunks of 1, 7 and 65536 bytes gives the same report")
    func chunkingDoesNotMatter() throws {
        for name in QWCLogFixture.all {
            let whole = try QWCLogFixture.report(name, chunkSize: 65536)
            #expect(try QWCLogFixture.report(name, chunkSize: 1) == whole, "\(name)")
            #expect(try QWCLogFixture.report(name, chunkSize: 7) == whole, "\(name)")
        }
    }

    @Test("a VERBOSE log: the exchange's sizes come from the XML it prints, and the run completes")
    func verboseRun() throws {
        let report = try QWCLogFixture.report("verbose-success.txt")
        #expect(report.verbose)
        #expect(report.runs.count == 1)
        let run = try #require(report.runs.first)
        #expect(run.outcome == .completed)
        #expect(run.exchangeCount == 1)
        #expect((run.exchanges.first?.requestBytes ?? 0) > 200)
        #expect((run.exchanges.first?.responseBytes ?? 0) > 300)
        #expect(run.exchanges.first?.percentDone == 100)
    }

    @Test("QBWC1048: three runs, each failed with the certificate entry, and the summary counts it 3×")
    func certificateNotTrusted() throws {
        let report = try QWCLogFixture.report("qbwc1048-certificate.txt")
        #expect(report.runs.count == 3)
        #expect(report.runs.allSatisfy { $0.outcome == .failed && helpCodes($0) == ["QBWC1048"] })
        let problem = try #require(report.runs.first?.problems.first)
        #expect(problem.title == HelpCatalogue.entry(for: "QBWC1048")?.title)
        #expect(problem.steps == HelpCatalogue.entry(for: "QBWC1048")?.steps)
        // The message goes on over the next line, without a timestamp.
        #expect(problem.message.contains("remote certificate is invalid"))
        #expect(report.summary.failed == 3)
        #expect(report.summary.problems.map(\.helpCode) == ["QBWC1048"])
        #expect(report.summary.problems.first?.runs == 3)
        #expect(report.summary.text.contains("3 failed: QBWC1048 "))
        #expect(report.summary.text.contains("(3×)"))
    }

    @Test("plain http to a non-local host: QBWC1010, and QBWC1051 explained by the same entry", arguments: [(0, "QBWC1010"), (1, "QBWC1051")])
    func plainHTTP(_ index: Int, _ code: String) throws {
        let report = try QWCLogFixture.report("http-non-local.txt")
        #expect(report.runs.count == 2)
        let run = try #require(report.runs.dropFirst(index).first)
        #expect(run.outcome == .failed)
        #expect(run.problems.map(\.code) == [code])
        #expect(helpCodes(run) == ["QBWC1010"])
    }

    @Test("fixtures with one QBWC code per run", arguments: [
        ("qbwc1030-no-password.txt", [["QBWC1030"]]),
        ("qbwc1011-registry.txt", [["QBWC1011"], ["QBWC1032"]]),
        ("qbwc1039-fileid.txt", [["QBWC1026"], ["QBWC1039"]]),
    ])
    func webConnectorCodes(_ name: String, _ expected: [[String]]) throws {
        let report = try QWCLogFixture.report(name)
        #expect(report.runs.map(helpCodes) == expected, "\(name)")
        #expect(report.runs.allSatisfy { $0.outcome == .failed })
        for problem in report.runs.flatMap(\.problems) {
            #expect(problem.steps == HelpCatalogue.entry(for: problem.helpCode)?.steps)
        }
    }

    @Test("an HRESULT connection error: QuickBooks could not start (0x80040408); a dialog blocks the unattended login (0x80040414)")
    func hresultConnectionErrors() throws {
        let report = try QWCLogFixture.report("hresult-connection.txt")
        #expect(report.runs.count == 2)
        #expect(report.runs.map(helpCodes) == [["0x80040408"], ["0x80040414"]])
        #expect(report.runs.map(\.username) == ["acme", "harbor"])
        #expect(report.runs[0].problems.first?.title == HelpCatalogue.entry(for: "0x80040408")?.title)
        #expect(report.runs.allSatisfy { $0.outcome == .failed })
    }

    @Test("single-user mode (0x80040410) and all licences in use (a message with no HRESULT) are single_user_mode")
    func singleUserAndLicences() throws {
        let report = try QWCLogFixture.report("single-user-licences.txt")
        #expect(report.runs.count == 2)
        #expect(report.runs[0].problems.first?.helpCode == "0x80040410")
        #expect(report.runs[0].exchanges.first?.hresult == "0x80040410")
        #expect(report.runs[1].problems.map(\.helpCode).allSatisfy { $0 == FailureCategory.singleUserMode.rawValue })
        #expect(report.runs[1].problems.first?.message.contains("All licenses are in use") == true)
    }

    @Test("a run the server stopped with its own error shows getLastError's words; a refused password is authentication_failed")
    func serverStoppedTheRun() throws {
        let report = try QWCLogFixture.report("server-error.txt")
        #expect(report.runs.count == 2)
        let stopped = try #require(report.runs.first)
        #expect(stopped.outcome == .failed)
        #expect(stopped.exchangeCount == 2)
        #expect(stopped.exchanges.last?.percentDone == -101)
        let problem = try #require(stopped.problems.first)
        #expect(problem.code == "server_error")
        #expect(problem.message.contains("database is unavailable"))
        #expect(stopped.endMessage == "Error: the database is unavailable.")
        #expect(report.runs[1].authentication == .invalidUser)
        #expect(helpCodes(report.runs[1]) == [FailureCategory.authenticationFailed.rawValue])
    }

    @Test("a log cut off in the middle of a run ends with that run unfinished")
    func truncatedLog() throws {
        let bytes = try QWCLogFixture.bytes("success.txt")
        let report = try QWCLogFixture.read(Array(bytes.prefix(bytes.count / 2)))
        #expect(report.runs.last?.outcome == .unfinished)
        #expect(report.summary.unfinished == 1)
        #expect(report.summary.text.contains("1 not finished in the log"))
    }

    @Test("every problem of every fixture links to an entry of the help catalogue")
    func everyProblemHasItsEntry() throws {
        var problems = 0
        for name in QWCLogFixture.all {
            for problem in try QWCLogFixture.report(name).runs.flatMap(\.problems) {
                problems += 1
                let entry = try #require(HelpCatalogue.entry(for: problem.helpCode), "\(name): \(problem.helpCode)")
                #expect(entry.title == problem.title && !problem.steps.isEmpty)
            }
        }
        #expect(problems >= 14)
    }

    @Test("a long log keeps the most recent 500 runs and counts every run in the summary")
    func longLog() throws {
        let one = try QWCLogFixture.bytes("success.txt")
        var reader = QWCLogReader()
        for _ in 0..<400 { try reader.consume(one) }
        let report = try reader.finish()
        #expect(report.summary.runCount == 1200)
        #expect(report.summary.completed == 1200)
        #expect(report.runs.count == QWCLogReader.maximumRunsKept)
        #expect(report.runsOmitted == 1200 - QWCLogReader.maximumRunsKept)
        #expect(report.runs.last?.number == 1200)
        #expect(report.byteCount == one.count * 400)
    }
}
