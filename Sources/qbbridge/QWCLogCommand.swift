import ArgumentParser
import Bridge
import Domain
import Foundation
import Store
import WebConnectorLog

/// `qbbridge qwclog FILE`: the Web Connector log reader (issue 23) on the command line. Reads a
/// `QWCLog.txt` as a stream and prints the summary, each problem with its help entry and steps, and one
/// line per run; `--json` prints the report instead. Runs are matched to the companies of `--database`;
/// `--attach COMPANY` keeps the log (without its secret lines) with that company's activity.
struct QWCLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qwclog",
        abstract: "Read a Web Connector log (QWCLog.txt) and report each run, its outcome and its problems with the steps that fix them.",
        discussion: "In the Web Connector click View Logs to find QWCLog.txt (set logging to VERBOSE for a full picture). "
            + "The file is not kept unless --attach names a company."
    )

    @Argument(help: ArgumentHelp("The log file (QWCLog.txt).", valueName: "file")) var file: String
    @Flag(help: "Print the report as JSON.") var json = false
    @Option(help: ArgumentHelp("Keep the log with this company (id or Web Connector user name).", valueName: "company")) var attach: String?
    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func run() async throws {
        let logger = try loggingOptions.makeLogger()
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw ValidationError("Cannot read \(file).") }
        let attachKey = attach
        let analysis = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            let services = BridgeServices(store: store, configuration: BridgeConfiguration(), logger: logger)
            var companyID: CompanyID?
            if let attachKey { companyID = try await CompanyLookup.find(attachKey, in: store).id }
            return try await services.qwcLogs.read(try FileChunks(url: url), fileName: url.lastPathComponent, attachTo: companyID, actor: "cli")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let output = QWCLogOutput(report: analysis.report,
                                      companies: Dictionary(uniqueKeysWithValues: analysis.companies.map { (String($0.key), $0.value.name) }),
                                      attachmentNote: analysis.attachmentNote)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(QWCLogText.render(analysis), terminator: "")
        }
    }
}

/// `--json`'s shape: the report, each matched run's company name by run number, and the attachment note.
struct QWCLogOutput: Encodable {
    var report: QWCLogReport
    var companies: [String: String]
    var attachmentNote: String?
}

/// The report as text for a terminal.
enum QWCLogText {
    static func render(_ analysis: QWCLogAnalysis) -> String {
        let report = analysis.report
        var out = report.summary.text + "\n"
        if let note = analysis.attachmentNote { out += note + "\n" }
        if !report.summary.problems.isEmpty {
            out += "\nProblems (see qbbridge catalogue --search CODE, or /help/CODE):\n"
            for problem in report.summary.problems {
                out += "  \(problem.helpCode)  \(problem.title)  (\(problem.runs) \(problem.runs == 1 ? "run" : "runs"))\n"
                for (index, step) in problem.steps.enumerated() { out += "     \(index + 1). \(step)\n" }
            }
        }
        out += "\nRuns:\n"
        if report.runsOmitted > 0 { out += "  (\(report.runsOmitted) older runs are counted above but not listed)\n" }
        for run in report.runs {
            var line = "  #\(run.number)  \(time(run.startedAt))  \(run.application ?? "(application not named)")"
            if let company = analysis.companies[run.number] { line += "  [company \(company.name)]" }
            line += "  \(run.outcome.rawValue.replacingOccurrences(of: "_", with: " "))"
            if run.exchangeCount > 0 { line += ", \(run.exchangeCount) \(run.exchangeCount == 1 ? "exchange" : "exchanges")" }
            if let end = run.endMessage { line += "  “\(end)”" }
            out += line + "\n"
            for problem in run.problems {
                out += "      \(problem.code)\(problem.code == problem.helpCode ? "" : " (help: \(problem.helpCode))")  \(problem.title)"
                    + (problem.count > 1 ? " ×\(problem.count)" : "") + "\n        line \(problem.line): \(problem.message)\n"
            }
        }
        return out
    }

    /// `2026-12-01 09:00:00 UTC`: the log's own clock.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}

/// A file read in blocks of 256 KiB, as an async sequence of chunks for the streaming reader.
struct FileChunks: AsyncSequence {
    typealias Element = [UInt8]
    let handle: FileHandle

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle
        mutating func next() async throws -> [UInt8]? {
            guard let data = try handle.read(upToCount: 256 * 1024), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(handle: handle) }
}
