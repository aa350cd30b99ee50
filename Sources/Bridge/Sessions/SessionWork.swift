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

    /// Integer progress for receiveResponseXML: 100 only when nothing is left.
    func progress(total: Int) -> Int {
        guard !steps.isEmpty || !outstanding.isEmpty else { return 100 }
        let remaining = steps.count + outstanding.count
        let done = max(0, total - remaining)
        return min(99, total == 0 ? 0 : done * 100 / total)
    }
}
