public import Foundation

/// What the reader found in one `QWCLog.txt` (issue 23, the Web Connector log reader): a summary on top and
/// one entry per run. Every text in it has passed through `Redaction`; it holds no line of the file as such.
public struct QWCLogReport: Sendable, Equatable, Codable {
    /// The counts and the problems of every run, with one sentence a support person reads first.
    public var summary: QWCLogSummary
    /// The runs, oldest first; only the most recent `QWCLogReader.maximumRunsKept` when there were more
    /// (`summary` still counts every run).
    public var runs: [QWCLogRun]
    /// Runs counted in the summary but left out of `runs`.
    public var runsOmitted: Int
    /// Lines read.
    public var lineCount: Int
    /// Bytes read.
    public var byteCount: Int
    /// True when the log was written with VERBOSE logging (it prints whole requests and answers).
    public var verbose: Bool
}

/// The numbers of a whole log.
public struct QWCLogSummary: Sendable, Equatable, Codable {
    /// Every run found.
    public var runCount: Int
    /// When the first and the last run started.
    public var firstRunAt: Date?
    public var lastRunAt: Date?
    /// Runs that ended well (work exchanged or nothing to do).
    public var completed: Int
    /// Of those, runs in which the application had nothing to do.
    public var noWork: Int
    /// Runs that ended with a problem.
    public var failed: Int
    /// Runs the log does not finish (the file ends, or another run starts first).
    public var unfinished: Int
    /// Each kind of problem over all runs, the most frequent first.
    public var problems: [QWCLogProblemTally]
    /// The summary as a sentence: "12 runs over 3 days; 9 completed; 3 failed: QBWC1048 … (3×)".
    public var text: String
}

/// One kind of problem and how often it came up.
public struct QWCLogProblemTally: Sendable, Equatable, Codable {
    /// The help catalogue's code (`/help/{code}`).
    public var helpCode: String
    /// The catalogue entry's title.
    public var title: String
    /// The catalogue entry's steps.
    public var steps: [String]
    /// Occurrences over all runs (a run counts each kind once).
    public var runs: Int
}

/// One run of one application: from the Web Connector starting it to its status message.
public struct QWCLogRun: Sendable, Equatable, Codable {
    /// How a run ended.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// Work was exchanged and the Web Connector reported success.
        case completed
        /// The application had nothing to do (authenticate answered "none").
        case noWork = "no_work"
        /// A problem stopped or spoiled the run.
        case failed
        /// The log does not show the end.
        case unfinished
    }

    /// What `authenticate` answered.
    public enum Authentication: String, Sendable, Codable, CaseIterable {
        /// Work to do (a company file path or an empty one).
        case work
        /// Nothing to do.
        case noWork = "none"
        /// The user name or password was refused.
        case invalidUser = "nvu"
        /// The application was busy.
        case busy
        /// The call itself failed (QBWC1012).
        case failed
    }

    /// Which run of the log this is, from 1.
    public var number: Int
    /// The log lines it spans.
    public var firstLine: Int
    public var lastLine: Int
    /// When it started and ended (the times of its first and last lines).
    public var startedAt: Date
    public var endedAt: Date
    /// The application's name as the `.qwc` gave it (AppName).
    public var application: String?
    /// The address the Web Connector called (AppURL).
    public var appURL: String?
    /// The user name the Web Connector authenticated with.
    public var username: String?
    /// The Web Connector's version (clientVersion's productVersion).
    public var webConnectorVersion: String?
    /// The application's version (serverVersion's answer).
    public var serverVersion: String?
    /// What authenticate answered, when the log shows it.
    public var authentication: Authentication?
    /// Request/response exchanges, in order (at most `QWCLogReader.maximumExchangesKept`; `exchangeCount` counts all).
    public var exchanges: [QWCLogExchange]
    /// Every exchange of the run.
    public var exchangeCount: Int
    /// How it ended.
    public var outcome: Outcome
    /// The Web Connector's closing words: closeConnection's answer, or the status line.
    public var endMessage: String?
    /// The problems, each once, in the order they first appeared.
    public var problems: [QWCLogProblem]
}

/// One sendRequestXML / receiveResponseXML round trip.
public struct QWCLogExchange: Sendable, Equatable, Codable {
    /// When the Web Connector asked for the request.
    public var time: Date
    /// The request's size in bytes (the log's length, or the XML a VERBOSE log prints).
    public var requestBytes: Int?
    /// QuickBooks' answer's size in bytes.
    public var responseBytes: Int?
    /// The percentage receiveResponseXML returned (negative: the application reported an error).
    public var percentDone: Int?
    /// The HRESULT QuickBooks sent instead of an answer.
    public var hresult: String?
}

/// One problem of a run, classified with its help catalogue entry.
public struct QWCLogProblem: Sendable, Equatable, Codable {
    /// The code as the log gave it (`QBWC1048`, `0x80040408`), or the category a message was classified under.
    public var code: String
    /// The catalogue entry that explains it (`/help/{helpCode}`).
    public var helpCode: String
    /// The entry's title.
    public var title: String
    /// The entry's steps.
    public var steps: [String]
    /// The log's words for it, shortened and without secrets.
    public var message: String
    /// When it first appeared, and on which line.
    public var time: Date
    public var line: Int
    /// How many times it appeared in the run.
    public var count: Int
}
