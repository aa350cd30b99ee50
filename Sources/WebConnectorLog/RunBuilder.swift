import Foundation
import Triage

/// Splits the log's entries into runs and follows each run through the Web Connector's calls:
/// start, version check, authenticate's verdict, each sendRequestXML/receiveResponseXML exchange, connection
/// errors, QBWC codes and HRESULTs, getLastError, closeConnection and the status line. Holds one run at a
/// time plus the finished ones it keeps, so memory does not grow with the size of the log.
struct RunBuilder {
    /// Runs kept in the report (the most recent ones).
    let maximumRunsKept: Int
    /// Exchanges kept per run.
    let maximumExchangesKept: Int

    private(set) var runs: [QWCLogRun] = []
    private(set) var runsSeen = 0
    private var current: Draft?
    /// The problem whose message may go on over the following lines without a timestamp.
    private var pending: PendingProblem?
    /// Summary counters over every run.
    private var tally = Tally()

    init(maximumRunsKept: Int, maximumExchangesKept: Int) {
        self.maximumRunsKept = maximumRunsKept
        self.maximumExchangesKept = maximumExchangesKept
    }

    // MARK: - Lines

    /// A timestamped entry.
    mutating func add(_ entry: LogEntry, line: Int) {
        flushPending()
        let text = entry.text
        let lowered = text.lowercased()
        switch entry.method {
        case "doupdateselected", "updatews", "updatethisscheduledapp":
            if let app = Self.quoted(after: "updateWS() for application = ", in: text) ?? Self.quoted(after: "application = ", in: text),
               lowered.contains("has started") {
                start(at: entry, line: line, application: app)
            } else if lowered.contains("has finished") {
                touch(entry, line)
                end(line: line)
            } else if lowered.hasPrefix("update completed successfully") {
                touch(entry, line)
                current?.statusLine = text
                current?.completedWithErrors = false
                end(line: line)
            } else if lowered.hasPrefix("update completed with errors") {
                touch(entry, line)
                current?.statusLine = text
                current?.completedWithErrors = true
                end(line: line)
            } else {
                touch(entry, line)
            }
        case "setupdatelock":
            if lowered.contains("update session locked") {
                if current == nil || current?.ended == true { start(at: entry, line: line, application: nil) }
            } else if lowered.contains("update session unlocked") {
                touch(entry, line)
                end(line: line)
            } else {
                touch(entry, line)
            }
        case "instantiatewebservice":
            if lowered.hasPrefix("initiated connection"), current?.run.authentication != nil || current?.ended == true {
                start(at: entry, line: line, application: nil)
            } else if current == nil {
                start(at: entry, line: line, application: nil)
            }
            touch(entry, line)
            if text.hasPrefix("AppName:") {
                let name = String(text.dropFirst(8)).trimmingCharacters(in: .whitespaces)
                if let known = current?.run.application, known != name, current?.run.authentication != nil {
                    start(at: entry, line: line, application: name)
                } else {
                    current?.run.application = Redaction.redact(name)
                }
            } else if text.hasPrefix("AppURL:") {
                current?.run.appURL = Redaction.redact(String(text.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            }
        default:
            ensureRun(entry, line)
        }
        // `touch` leaves a run that has ended alone: lines after it (the next run's lock, a scheduler line)
        // are not part of it.
        guard current != nil else { return }
        touch(entry, line)
        calls(entry, lowered: lowered, line: line)
        problems(entry, line: line)
    }

    /// A line without a timestamp: part of the entry above it (a VERBOSE log's XML, a message's next line).
    mutating func addContinuation(_ bytes: ArraySlice<UInt8>, line: Int) {
        guard current != nil else { return }
        current?.run.lastLine = line
        if current?.collecting == .request { current?.exchange?.verboseRequestBytes += bytes.count + 2 }
        if current?.collecting == .response { current?.exchange?.verboseResponseBytes += bytes.count + 2 }
        guard pending != nil, let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }), first != 0x3C, pending?.extraLines ?? 3 < 3 else { return }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        pending?.message += " " + text
        pending?.extraLines += 1
    }

    /// The end of the log: an open run is unfinished.
    mutating func finish() {
        flushPending()
        if current != nil { close(outcome: nil) }
    }

    /// The summary over every run seen.
    func summary() -> QWCLogSummary {
        tally.summary(runCount: runsSeen)
    }

    // MARK: - Runs

    private mutating func start(at entry: LogEntry, line: Int, application: String?, standalone: Bool = false) {
        // A run opened by the update lock has said nothing yet when the Web Connector names the application:
        // that is the same run, not a new one.
        if let draft = current, draft.isEmpty, !draft.ended {
            if let application { current?.run.application = Redaction.redact(application) }
            current?.standalone = standalone
            return
        }
        if current != nil { close(outcome: nil) }
        runsSeen += 1
        current = Draft(run: QWCLogRun(
            number: runsSeen, firstLine: line, lastLine: line, startedAt: entry.time, endedAt: entry.time,
            application: application.map(Redaction.redact), appURL: nil, username: nil, webConnectorVersion: nil, serverVersion: nil,
            authentication: nil, exchanges: [], exchangeCount: 0, outcome: .unfinished, endMessage: nil, problems: []),
            standalone: standalone)
    }

    /// An entry outside any run that still says something (a QBWC code while adding an application,
    /// a scheduled run's error) opens a run of its own.
    /// Such a run stands alone: the next problem outside a run (adding the application again) is another.
    private mutating func ensureRun(_ entry: LogEntry, _ line: Int) {
        let speaks = TextScan.qbwcCode(in: entry.text) != nil || TextScan.hresult(in: entry.text) != nil
        let open = current.map { !$0.ended && !($0.standalone && !$0.run.problems.isEmpty && speaks) } ?? false
        guard !open, speaks || entry.method.hasPrefix("do_") else { return }
        start(at: entry, line: line, application: nil, standalone: !entry.method.hasPrefix("do_"))
    }

    private mutating func touch(_ entry: LogEntry, _ line: Int) {
        guard current != nil, current?.ended == false else { return }
        current?.run.lastLine = line
        current?.run.endedAt = entry.time
    }

    /// The status line or the unlock ends a run; later lines of the same update (the unlock after the
    /// status line) still belong to it until another run starts.
    private mutating func end(line: Int) {
        current?.ended = true
    }

    private mutating func close(outcome forced: QWCLogRun.Outcome?) {
        guard var draft = current else { return }
        current = nil
        draft.finishExchange(maximumKept: maximumExchangesKept)
        var run = draft.run
        run.endMessage = run.endMessage ?? draft.statusLine.map(Redaction.redact)
        if let forced {
            run.outcome = forced
        } else if !run.problems.isEmpty || draft.completedWithErrors == true {
            run.outcome = .failed
        } else if !draft.ended {
            run.outcome = .unfinished
        } else if run.authentication == .noWork || (run.exchangeCount == 0 && draft.noData) {
            run.outcome = .noWork
        } else {
            run.outcome = .completed
        }
        if draft.completedWithErrors == true, run.problems.isEmpty {
            // The Web Connector said the run failed but gave no code: the status line is the problem.
            let entry = classify("q|connectionError", hresult: nil, message: draft.statusLine ?? "") { ProblemClassifier.quickBooks(hresult: nil, message: $1, source: .connectionError) }
            run.problems.append(QWCLogProblem(code: entry.code, helpCode: entry.code, title: entry.title, steps: entry.steps,
                                              message: Redaction.redact(draft.statusLine ?? ""), time: run.endedAt, line: run.lastLine, count: 1))
        }
        tally.add(run)
        runs.append(run)
        if runs.count > maximumRunsKept { runs.removeFirst(runs.count - maximumRunsKept) }
    }

    // MARK: - Calls

    private mutating func calls(_ entry: LogEntry, lowered: String, line: Int) {
        let text = entry.text
        if entry.method != "do_sendrequestxml", entry.method != "do_receiveresponsexml" { current?.collecting = nil }
        switch entry.method {
        case "do_serverversion":
            if let version = Self.attribute("serverVersionRet", in: text) { current?.run.serverVersion = Redaction.redact(version) }
        case "do_clientversion":
            if let version = Self.attribute("productVersion", in: text) { current?.run.webConnectorVersion = Redaction.redact(version) }
            if let answer = Self.attribute("clientVersionRet", in: text), answer.uppercased().hasPrefix("E:") {
                let entry = ProblemClassifier.category(.clientVersionOutdated)
                addProblem(code: entry.code, entry: entry, message: String(answer.dropFirst(2)), time: current?.run.endedAt ?? Date(), line: line)
            }
        case "do_authenticate":
            if let user = Self.quoted(after: "username = ", in: text) ?? Self.attribute("userName", in: text) {
                current?.run.username = Redaction.redact(user)
            }
            if let app = Self.quoted(after: "Authenticating to application ", in: text), current?.run.application == nil {
                current?.run.application = Redaction.redact(app)
            }
            if lowered.contains("authret[1]=") {
                let verdict = (Self.attribute("authRet[1]", in: text) ?? "").lowercased()
                switch verdict {
                case "none": current?.run.authentication = .noWork
                case "nvu":
                    current?.run.authentication = .invalidUser
                    let entry = ProblemClassifier.category(.authenticationFailed)
                    addProblem(code: "nvu", entry: entry, message: "The application refused the user name or password the Web Connector sent.", time: runTime, line: line)
                case "busy": current?.run.authentication = .busy
                default: current?.run.authentication = .work
                }
            }
            if text.contains("QBWC1012") { current?.run.authentication = .failed }
        case "do_sendrequestxml":
            if lowered.contains("calling sendrequestxml") {
                current?.finishExchange(maximumKept: maximumExchangesKept)
                current?.exchange = ExchangeDraft(time: entry.time)
                current?.collecting = nil
            } else if let length = Self.length(in: lowered) {
                current?.exchange?.requestBytes = length
            } else if lowered.contains("received from sendrequestxml") {
                let value = Self.attribute("sendRequestXMLRet", in: text)
                if text.contains("<sendRequestXMLRet=\"\">") {
                    // An empty request: the application has nothing more to send this run.
                    current?.exchange = nil
                } else {
                    current?.exchange?.verboseRequestBytes += value?.utf8.count ?? 0
                    current?.collecting = .request
                }
            }
        case "do_receiveresponsexml":
            if lowered.contains("calling receiveresponsexml") {
                if current?.exchange == nil { current?.exchange = ExchangeDraft(time: entry.time) }
                if let length = Self.length(in: lowered) { current?.exchange?.responseBytes = length }
                if let response = Self.attribute("response", in: text) { current?.exchange?.verboseResponseBytes += response.utf8.count }
                current?.collecting = .response
                let hresult = Self.attribute("hresult", in: text) ?? ""
                if !hresult.isEmpty {
                    current?.exchange?.hresult = hresult
                    let message = Self.attribute("message", in: text) ?? ""
                    let entry = classify("q|receiveResponseXML", hresult: hresult, message: message) { ProblemClassifier.quickBooks(hresult: $0, message: $1, source: .receiveResponseXML) }
                    addProblem(code: Self.hresultCode(hresult), entry: entry, message: message, time: runTime, line: line)
                }
            } else if let length = Self.length(in: lowered) {
                current?.exchange?.responseBytes = length
            } else if let percent = Self.attribute("receiveResponseXMLRet", in: text).flatMap({ Int($0) }) {
                current?.exchange?.percentDone = percent
                current?.collecting = nil
                if percent < 0 { current?.serverReportedError = true }
            }
        case "do_connectionerror":
            if let hresult = Self.attribute("hresult", in: text) {
                let message = Self.attribute("message", in: text) ?? ""
                let entry = classify("q|connectionError", hresult: hresult, message: message) { ProblemClassifier.quickBooks(hresult: $0, message: $1, source: .connectionError) }
                addProblem(code: Self.hresultCode(hresult), entry: entry, message: message, time: runTime, line: line)
            }
        case "do_getlasterror":
            if let message = Self.attribute("getLastErrorRet", in: text), !message.isEmpty, message.lowercased() != "noop",
               current?.serverReportedError == true || message.lowercased().contains("error") {
                // The application stopped the run and getLastError says why.
                let entry = classify("server", hresult: nil, message: message) { ProblemClassifier.quickBooksCause(hresult: nil, message: $1, source: .connectionError) ?? ProblemClassifier.category(.unknown) }
                addProblem(code: "server_error", entry: entry, message: "The application stopped the run: " + message, time: runTime, line: line)
                current?.run.endMessage = Redaction.redact(message)
            }
        case "do_closeconnection":
            if let message = Self.attribute("closeConnectionRet", in: text) { current?.run.endMessage = Redaction.redact(message) }
        default:
            if entry.method == "updatews" || entry.method == "doupdateselected", lowered.contains("no data exchange required") { current?.noData = true }
        }
    }

    private var runTime: Date { current?.run.endedAt ?? Date(timeIntervalSince1970: 0) }

    /// QBWC codes and HRESULTs anywhere in an entry that the calls above did not already take.
    private mutating func problems(_ entry: LogEntry, line: Int) {
        let text = entry.text
        if let code = TextScan.qbwcCode(in: text) {
            pending = PendingProblem(code: code, hresult: nil, message: text, time: entry.time, line: line)
            return
        }
        guard entry.method != "do_connectionerror", entry.method != "do_receiveresponsexml",
              let hresult = TextScan.hresult(in: text) else { return }
        pending = PendingProblem(code: nil, hresult: hresult, message: text, time: entry.time, line: line)
    }

    /// Classifications already made, by kind, HRESULT and message: a long log repeats the same few problems,
    /// and Triage's classifier is the costliest step per problem. Emptied when it grows past 1,024 texts.
    private var classified: [String: HelpEntry] = [:]

    private mutating func classify(_ kind: String, hresult: String?, message: String, _ make: (String?, String) -> HelpEntry) -> HelpEntry {
        let key = kind + "\u{1}" + (hresult ?? "") + "\u{1}" + message
        if let known = classified[key] { return known }
        let entry = make(hresult, message)
        if classified.count >= 1024 { classified.removeAll(keepingCapacity: true) }
        classified[key] = entry
        return entry
    }

    /// Classifies the pending problem once its message is complete.
    private mutating func flushPending() {
        guard let problem = pending else { return }
        pending = nil
        guard current != nil else { return }
        if let code = problem.code {
            let entry = classify("w|" + code, hresult: nil, message: problem.message) { _, message in ProblemClassifier.qbwc(code, message: message) }
            addProblem(code: code, entry: entry, message: problem.message, time: problem.time, line: problem.line)
        } else if let hresult = problem.hresult {
            let entry = classify("q|connectionError", hresult: hresult, message: problem.message) { ProblemClassifier.quickBooks(hresult: $0, message: $1, source: .connectionError) }
            addProblem(code: Self.hresultCode(hresult), entry: entry, message: problem.message, time: problem.time, line: problem.line)
        }
    }

    /// Adds a problem to the run, or counts it again when the run already has one with the same code.
    private mutating func addProblem(code: String, entry: HelpEntry, message: String, time: Date, line: Int) {
        guard current != nil else { return }
        // One problem per catalogue entry: a QBWC1013 and the connectionError after it that name the same
        // HRESULT are one problem seen twice.
        if let index = current?.run.problems.firstIndex(where: { $0.helpCode == entry.code }) {
            current?.run.problems[index].count += 1
            return
        }
        let cleaned = Redaction.redact(message)
        let short = cleaned.count > 400 ? String(cleaned.prefix(400)) + "…" : cleaned
        current?.run.problems.append(QWCLogProblem(code: code, helpCode: entry.code, title: entry.title, steps: entry.steps,
                                                   message: short, time: time, line: line, count: 1))
    }

    // MARK: - Reading values

    /// The value of `<name="value">` in a line (the form the Web Connector logs a call's parameters in).
    static func attribute(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: "<\(name)=\"", options: .caseInsensitive) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.range(of: "\">") ?? rest.range(of: "\"", options: .backwards) else { return String(rest) }
        return String(rest[..<end.lowerBound])
    }

    /// The text in single quotes after `prefix`: `application = 'Acme'` → `Acme`.
    static func quoted(after prefix: String, in text: String) -> String? {
        guard let start = text.range(of: prefix + "'", options: .caseInsensitive) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// `length = 1234` in a line.
    static func length(in lowered: String) -> Int? {
        TextScan.length(in: lowered)
    }

    /// An HRESULT in the catalogue's form when it parses, else as the log wrote it.
    static func hresultCode(_ text: String) -> String {
        HelpCatalogue.entry(for: text).flatMap { $0.kind == .hresult ? $0.code : nil } ?? text.trimmingCharacters(in: .whitespaces)
    }
}

extension RunBuilder {
    /// The run being read.
    struct Draft {
        var run: QWCLogRun
        var exchange: ExchangeDraft?
        var collecting: Collecting?
        var ended = false
        var statusLine: String?
        var completedWithErrors: Bool?
        var serverReportedError = false
        var noData = false
        /// Opened by a problem outside any update (adding an application), not by the Web Connector starting a run.
        var standalone = false

        /// Nothing known about the run yet but when it started.
        var isEmpty: Bool {
            run.application == nil && run.authentication == nil && run.exchangeCount == 0 && exchange == nil && run.problems.isEmpty
        }

        mutating func finishExchange(maximumKept: Int) {
            guard let exchange else { return }
            self.exchange = nil
            run.exchangeCount += 1
            guard run.exchanges.count < maximumKept else { return }
            run.exchanges.append(QWCLogExchange(
                time: exchange.time,
                requestBytes: exchange.requestBytes ?? (exchange.verboseRequestBytes > 0 ? exchange.verboseRequestBytes : nil),
                responseBytes: exchange.responseBytes ?? (exchange.verboseResponseBytes > 0 ? exchange.verboseResponseBytes : nil),
                percentDone: exchange.percentDone, hresult: exchange.hresult.map(RunBuilder.hresultCode)))
        }
    }

    /// Which XML a VERBOSE log is printing on the lines that follow.
    enum Collecting { case request, response }

    /// An exchange being read.
    struct ExchangeDraft {
        var time: Date
        var requestBytes: Int?
        var responseBytes: Int?
        var verboseRequestBytes = 0
        var verboseResponseBytes = 0
        var percentDone: Int?
        var hresult: String?
    }

    /// A problem line whose message may continue on the next lines.
    struct PendingProblem {
        var code: String?
        var hresult: String?
        var message: String
        var time: Date
        var line: Int
        var extraLines = 0
    }

    /// The summary's counters.
    struct Tally {
        var first: Date?
        var last: Date?
        var completed = 0
        var noWork = 0
        var failed = 0
        var unfinished = 0
        var problems: [String: QWCLogProblemTally] = [:]
        var order: [String] = []

        mutating func add(_ run: QWCLogRun) {
            first = first.map { min($0, run.startedAt) } ?? run.startedAt
            last = last.map { max($0, run.startedAt) } ?? run.startedAt
            switch run.outcome {
            case .completed: completed += 1
            case .noWork: completed += 1; noWork += 1
            case .failed: failed += 1
            case .unfinished: unfinished += 1
            }
            for code in Set(run.problems.map(\.helpCode)) {
                guard let problem = run.problems.first(where: { $0.helpCode == code }) else { continue }
                if problems[code] == nil {
                    order.append(code)
                    problems[code] = QWCLogProblemTally(helpCode: code, title: problem.title, steps: problem.steps, runs: 0)
                }
                problems[code]?.runs += 1
            }
        }

        func summary(runCount: Int) -> QWCLogSummary {
            let sorted = order.compactMap { problems[$0] }.enumerated()
                .sorted { $0.element.runs != $1.element.runs ? $0.element.runs > $1.element.runs : $0.offset < $1.offset }
                .map(\.element)
            return QWCLogSummary(runCount: runCount, firstRunAt: first, lastRunAt: last, completed: completed, noWork: noWork,
                                 failed: failed, unfinished: unfinished, problems: sorted,
                                 text: SummaryText.sentence(runCount: runCount, first: first, last: last, completed: completed,
                                                            failed: failed, unfinished: unfinished, problems: sorted))
        }
    }
}
