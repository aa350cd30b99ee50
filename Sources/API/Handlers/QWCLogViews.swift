import Bridge
import Domain
import WebConnectorLog

/// The reader's and Domain's types, named where the contract's types of the same name are in scope.
typealias LogSummary = WebConnectorLog.QWCLogSummary
typealias LogRun = WebConnectorLog.QWCLogRun
typealias StoredQWCLogAttachment = Domain.QWCLogAttachment

/// The log reader's report as the contract's `QWCLogReport`: the same fields, each run with the company it
/// was matched to, and the attachment when one was made.
extension Components.Schemas.QWCLogReport {
    init(_ analysis: QWCLogAnalysis) throws {
        let report = analysis.report
        self.init(
            summary: .init(report.summary),
            runs: try report.runs.map { try .init($0, company: analysis.companies[$0.number]) },
            runsOmitted: report.runsOmitted, lineCount: report.lineCount, byteCount: report.byteCount, verbose: report.verbose,
            attachment: analysis.attachment.map(Components.Schemas.QWCLogAttachment.init),
            attachmentNote: analysis.attachmentNote)
    }
}

extension Components.Schemas.QWCLogSummary {
    init(_ summary: LogSummary) {
        self.init(
            runCount: summary.runCount, firstRunAt: summary.firstRunAt, lastRunAt: summary.lastRunAt, completed: summary.completed,
            noWork: summary.noWork, failed: summary.failed, unfinished: summary.unfinished,
            problems: summary.problems.map { .init(helpCode: $0.helpCode, title: $0.title, steps: $0.steps, runs: $0.runs) },
            text: summary.text)
    }
}

extension Components.Schemas.QWCLogRun {
    init(_ run: LogRun, company: QWCLogCompanyMatch?) throws {
        self.init(
            number: run.number, firstLine: run.firstLine, lastLine: run.lastLine, startedAt: run.startedAt, endedAt: run.endedAt,
            application: run.application, appURL: run.appURL, username: run.username, webConnectorVersion: run.webConnectorVersion,
            serverVersion: run.serverVersion,
            authentication: try run.authentication.map { try contractValue($0.rawValue, what: "authenticate verdict") },
            company: try company.map { .init(id: $0.companyID.rawValue, name: $0.name, matchedBy: try contractValue($0.matchedBy.rawValue, what: "company match")) },
            exchanges: run.exchanges.map {
                .init(time: $0.time, requestBytes: $0.requestBytes, responseBytes: $0.responseBytes, percentDone: $0.percentDone, hresult: $0.hresult)
            },
            exchangeCount: run.exchangeCount,
            outcome: try contractValue(run.outcome.rawValue, what: "run outcome"),
            endMessage: run.endMessage,
            problems: run.problems.map {
                .init(code: $0.code, helpCode: $0.helpCode, title: $0.title, steps: $0.steps, message: $0.message, time: $0.time, line: $0.line, count: $0.count)
            })
    }
}

extension Components.Schemas.QWCLogAttachment {
    init(_ attachment: StoredQWCLogAttachment) {
        self.init(id: attachment.id, companyId: attachment.companyID.rawValue, attachedAt: attachment.attachedAt.date, actor: attachment.actor,
                  fileName: attachment.fileName, byteCount: attachment.byteCount, summary: attachment.summary)
    }
}
