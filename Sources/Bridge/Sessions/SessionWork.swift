import Foundation
import QBXML

/// The bridge's run state for one Web Connector session, saved (as JSON) with the session before every
/// answer, so that any instance can take the next call and a restart loses nothing (docs/style.md, "Readable
/// sessions").
struct SessionWork: Codable, Sendable, Equatable {
    /// What the session still has to do, in order.
    var steps: [Step]
    /// The request document handed out and not yet answered: its request ids.
    var outstanding: [String]
    /// Lines for the closing summary.
    var notes: [String]
    /// Whether anything was exchanged with QuickBooks successfully.
    var exchangedData: Bool
    /// The payment batch in progress.
    var batch: PaymentBatch?
    /// The raw request in progress.
    var raw: RawCursor?
    /// The pull in progress.
    var pull: PullCursor?
    /// What this session did, for progress and the closing summary.
    var counts = Counts()
    /// The company's closing date (`AccountingPreferences/ClosingDate`) as this session's host report gave it;
    /// nil when QuickBooks reported none. Kept per session rather than on the company: the Web Connector sends
    /// a fresh report at the start of every session, so a closing date moved in QuickBooks is known at once,
    /// and the payment pre-flight never judges by a stale one (docs/failure-catalogue.md, "The closing date").
    var closingDate: QBDate?

    /// Jobs finished in this session.
    struct Counts: Codable, Sendable, Equatable {
        var posted = 0
        var failed = 0
        var reversed = 0
        var requeued = 0
        /// Raw requests answered.
        var answered = 0
        /// Pulls finished.
        var pulls = 0
        /// Records stored by pulls.
        var pulled = 0
        /// Pull pages received.
        var pages = 0

        var finished: Int { posted + failed + reversed + requeued + answered + pulls }

        init() {}

        /// Tolerates session state saved before a field existed (a rolling upgrade mid-session).
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            posted = try container.decodeIfPresent(Int.self, forKey: .posted) ?? 0
            failed = try container.decodeIfPresent(Int.self, forKey: .failed) ?? 0
            reversed = try container.decodeIfPresent(Int.self, forKey: .reversed) ?? 0
            requeued = try container.decodeIfPresent(Int.self, forKey: .requeued) ?? 0
            answered = try container.decodeIfPresent(Int.self, forKey: .answered) ?? 0
            pulls = try container.decodeIfPresent(Int.self, forKey: .pulls) ?? 0
            pulled = try container.decodeIfPresent(Int.self, forKey: .pulled) ?? 0
            pages = try container.decodeIfPresent(Int.self, forKey: .pages) ?? 0
        }
    }

    /// One unit of session work.
    enum Step: String, Codable, Sendable {
        /// Ask QuickBooks for the host report (HostQuery, CompanyQuery, PreferencesQuery) the Web Connector did
        /// not send, before anything else (`HostReportDriver`).
        case askHostReport
        /// Ask QuickBooks for the company record with our private data (FileID stamp) and compare it with
        /// this connection's FileID: the Web Connector may be pointed at another company file.
        case verifyCompanyFile
    }

    static let empty = SessionWork(steps: [], outstanding: [], notes: [], exchangedData: false)

    init(steps: [Step], outstanding: [String], notes: [String], exchangedData: Bool) {
        self.steps = steps
        self.outstanding = outstanding
        self.notes = notes
        self.exchangedData = exchangedData
    }

    init(json: String?) {
        guard let json else {
            self = .empty
            return
        }
        if let remembered = Self.memo.take(json) {
            self = remembered
            return
        }
        guard let decoded = try? JSONDecoder().decode(SessionWork.self, from: Data(json.utf8)) else {
            self = .empty
            return
        }
        self = decoded
    }

    var json: String {
        guard let data = try? JSONEncoder().encode(self) else { return "{}" }
        let text = String(decoding: data, as: UTF8.self)
        Self.memo.remember(self, as: text)
        return text
    }

    /// The run states this process saved and has not read back yet (see `DecodedJSONMemo`).
    static let memo = DecodedJSONMemo<SessionWork>(capacity: 4096)

    /// Integer progress for receiveResponseXML: the share of this session's known work that is done,
    /// 100 only when nothing is left (`waitingJobs`: jobs still queued for this session).
    /// Waiting jobs are counted up to this many for the progress figure: with more waiting, the percentage
    /// shown is a lower bound that rises as the queue shrinks below it.
    static let progressHorizon = 100

    func progress(waitingJobs: Int, pullPagesLeft: Int = 0) -> Int {
        let remaining = steps.count + (batch?.openCount ?? 0) + waitingJobs + pullPagesLeft + (raw == nil ? 0 : 1)
        guard remaining > 0 else { return 100 }
        let done = counts.finished + counts.pages + (exchangedData ? 1 : 0)
        return min(99, done * 100 / (done + remaining))
    }
}
