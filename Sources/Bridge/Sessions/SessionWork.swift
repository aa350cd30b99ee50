import Foundation
import QBXML

/// The bridge's run state for one Web Connector session, saved (as JSON) with the session before every
/// answer, so that any instance can take the next call and a restart loses nothing (style.md, "Readable
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
    /// What this session did, for progress and the closing summary.
    var counts = Counts()

    /// Jobs finished in this session.
    struct Counts: Codable, Sendable, Equatable {
        var posted = 0
        var failed = 0
        var reversed = 0
        var requeued = 0

        var finished: Int { posted + failed + reversed + requeued }
    }

    /// One unit of session work.
    enum Step: String, Codable, Sendable {
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
        guard let json, let decoded = try? JSONDecoder().decode(SessionWork.self, from: Data(json.utf8)) else {
            self = .empty
            return
        }
        self = decoded
    }

    var json: String {
        guard let data = try? JSONEncoder().encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Integer progress for receiveResponseXML: the share of this session's known work that is done,
    /// 100 only when nothing is left (`waitingJobs`: jobs still queued for this session).
    func progress(waitingJobs: Int) -> Int {
        let remaining = steps.count + (batch?.openCount ?? 0) + waitingJobs
        guard remaining > 0 else { return 100 }
        let done = counts.finished + (exchangedData ? 1 : 0)
        return min(99, done * 100 / (done + remaining))
    }
}
