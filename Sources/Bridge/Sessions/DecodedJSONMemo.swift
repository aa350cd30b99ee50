import Synchronization

/// The values this process last encoded as JSON, by their text, so that decoding the same text again costs a
/// dictionary look-up instead of a JSON parse.
///
/// A session's run state is saved as JSON before every answer and read back at the next call, which nearly
/// always reaches the same instance: without this, every Web Connector call paid for a full `JSONDecoder`
/// pass over state it had itself just written (about 5 % of the server's CPU at 500 Web Connectors). The text
/// is the key, so a hit is exactly what decoding would have produced, whichever instance wrote the row.
/// An entry is taken out when it is used (the next save writes a newer text), which keeps the memo at about
/// one entry per session in progress; `capacity` bounds it when sessions end without being read again.
final class DecodedJSONMemo<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value remembered for `json`, removed from the memo; nil when this process did not encode it lately.
    func take(_ json: String) -> Value? {
        entries.withLock { $0.removeValue(forKey: json) }
    }

    /// Remembers that `json` is the encoding of `value`.
    func remember(_ value: Value, as json: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[json] = value
        }
    }

    /// How many texts are remembered (for tests).
    var count: Int { entries.withLock { $0.count } }
}
