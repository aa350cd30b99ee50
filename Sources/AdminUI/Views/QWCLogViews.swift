import Bridge
import Foundation
import Domain
import WebConnectorLog

/// The upload form as the help page and a company's page show it: the file field, and the action with the
/// CSRF token in its query string (the body is streamed, see `CSRFMiddleware`).
struct QWCLogUploadView {
    var action: String
    var attachAction: String?
    var companyName: String?

    init(csrf: String, company: Company? = nil) {
        action = "/qbwc-logs?csrf=\(csrf)"
        attachAction = company.map { "/qbwc-logs?csrf=\(csrf)&companyId=\($0.id.rawValue)&attach=true" }
        companyName = company?.name
    }
}

/// The log reader's answer: the summary sentence and the problems over all runs with their steps, then
/// one block per run (when, which application and company, outcome, exchanges, each problem linking to
/// its help page). Or, for a file that is not a log, the reason and the form again.
struct QWCLogPageView {
    struct ProblemRow {
        var code: String
        var helpHref: String
        var helpCode: String
        var sameCode: Bool
        var title: String
        var message: String
        var count: String?
        var line: Int
    }

    struct TallyRow {
        var helpHref: String
        var helpCode: String
        var title: String
        var runs: Int
        var steps: [String]
    }

    struct RunRow {
        var number: Int
        var started: String
        var duration: String
        var application: String
        var companyHref: String?
        var companyName: String?
        var username: String?
        var outcome: String
        var outcomeClass: String
        var authentication: String?
        var exchanges: String
        var endMessage: String?
        var problems: [ProblemRow]
        var hasProblems: Bool
    }

    var chrome: Chrome
    var error: String?
    var summary: String = ""
    var note: String?
    var attachedHref: String?
    var facts: String = ""
    var tallies: [TallyRow] = []
    var hasTallies = false
    var runs: [RunRow] = []
    var omitted: String?
    var upload: QWCLogUploadView

    init(chrome: Chrome, error: String) {
        self.chrome = chrome
        self.error = error
        upload = QWCLogUploadView(csrf: chrome.csrf)
    }

    init(_ analysis: QWCLogAnalysis, chrome: Chrome) {
        self.chrome = chrome
        upload = QWCLogUploadView(csrf: chrome.csrf)
        let report = analysis.report
        summary = report.summary.text
        note = analysis.attachmentNote
        attachedHref = analysis.attachment.map { "/companies/\($0.companyID.rawValue)/qwc-logs/\($0.id)" }
        facts = "\(report.lineCount) lines, \(Self.size(report.byteCount))" + (report.verbose ? ", VERBOSE logging" : ", NORMAL logging (set VERBOSE in the Web Connector for the whole requests and answers)")
        tallies = report.summary.problems.map {
            TallyRow(helpHref: HelpEntryView.href($0.helpCode), helpCode: $0.helpCode, title: $0.title, runs: $0.runs, steps: $0.steps)
        }
        hasTallies = !tallies.isEmpty
        omitted = report.runsOmitted > 0 ? "\(report.runsOmitted) older runs are counted in the summary but not listed." : nil
        runs = report.runs.reversed().map { run in
            let company = analysis.companies[run.number]
            let seconds = Int(run.endedAt.timeIntervalSince(run.startedAt))
            return RunRow(
                number: run.number, started: Self.time(run.startedAt), duration: seconds < 1 ? "under a second" : "\(seconds) s",
                application: run.application ?? "(application not named in the log)",
                companyHref: company.map { "/companies/\($0.companyID.rawValue)" }, companyName: company?.name, username: run.username,
                outcome: Self.outcome(run.outcome), outcomeClass: Self.outcomeClass(run.outcome),
                authentication: run.authentication.map(Self.authentication),
                exchanges: run.exchangeCount == 0 ? "no exchanges" : Self.exchanges(run),
                endMessage: run.endMessage,
                problems: run.problems.map {
                    ProblemRow(code: $0.code, helpHref: HelpEntryView.href($0.helpCode), helpCode: $0.helpCode, sameCode: $0.code == $0.helpCode,
                               title: $0.title, message: $0.message, count: $0.count > 1 ? "\($0.count)×" : nil, line: $0.line)
                },
                hasProblems: !run.problems.isEmpty)
        }
    }

    static func outcome(_ outcome: QWCLogRun.Outcome) -> String {
        switch outcome {
        case .completed: "Completed"
        case .noWork: "Nothing to do"
        case .failed: "Failed"
        case .unfinished: "Not finished in the log"
        }
    }

    static func outcomeClass(_ outcome: QWCLogRun.Outcome) -> String {
        switch outcome {
        case .completed, .noWork: "posted"
        case .failed: "failed"
        case .unfinished: "queued"
        }
    }

    static func authentication(_ verdict: QWCLogRun.Authentication) -> String {
        switch verdict {
        case .work: "signed in, work to do"
        case .noWork: "signed in, nothing to do"
        case .invalidUser: "user name or password refused"
        case .busy: "application busy"
        case .failed: "sign-in call failed"
        }
    }

    static func exchanges(_ run: QWCLogRun) -> String {
        let request = run.exchanges.compactMap(\.requestBytes).reduce(0, +)
        let response = run.exchanges.compactMap(\.responseBytes).reduce(0, +)
        return "\(run.exchangeCount) \(run.exchangeCount == 1 ? "exchange" : "exchanges"): \(size(request)) sent to QuickBooks, \(size(response)) back"
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) bytes" : bytes < 1024 * 1024 ? "\(bytes / 1024) KiB" : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }

    /// `2026-12-01 09:00:00 UTC`: the log's own clock.
    static func time(_ date: Date) -> String {
        UIFormat.time(Timestamp(date))
    }
}
