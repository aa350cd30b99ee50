/// Live query iterators (docs/qbxml-messages.md, "Iterators": `iterator="Start"` / `Continue` / `Stop`).
///
/// Like QuickBooks, an iterator remembers which records matched when it started and hands them out
/// page by page; it lives only while the QuickBooks session does (`endSession()` clears them all), and
/// a `Continue` with an unknown or finished iterator is answered with 3391.
struct IteratorStore: Sendable {
    struct Iterator: Sendable {
        /// The request type that opened it; a `Continue` of another type does not match.
        var requestName: String
        /// IDs still to hand out, in order.
        var remaining: [String]
        /// Page size from `MaxReturned` at `Start`.
        var pageSize: Int
    }

    private var live: [String: Iterator] = [:]

    /// Opens an iterator over `ids`; returns its ID and the first page.
    mutating func start(requestName: String, ids: [String], pageSize: Int, newID: String) -> (id: String, page: [String], remaining: Int) {
        let page = Array(ids.prefix(pageSize))
        let rest = Array(ids.dropFirst(pageSize))
        if !rest.isEmpty {
            live[newID] = Iterator(requestName: requestName, remaining: rest, pageSize: pageSize)
        }
        return (newID, page, rest.count)
    }

    /// The next page of a live iterator; nil when the ID is unknown, finished or of another request type.
    mutating func next(_ id: String, requestName: String, pageSize: Int?) -> (page: [String], remaining: Int)? {
        guard var iterator = live[id], iterator.requestName == requestName else { return nil }
        let size = max(1, pageSize ?? iterator.pageSize)
        let page = Array(iterator.remaining.prefix(size))
        iterator.remaining.removeFirst(page.count)
        if iterator.remaining.isEmpty {
            live[id] = nil
        } else {
            live[id] = iterator
        }
        return (page, iterator.remaining.count)
    }

    /// Closes an iterator early; false when it was not live.
    mutating func stop(_ id: String) -> Bool {
        live.removeValue(forKey: id) != nil
    }

    /// Ends every iterator (the QuickBooks session ended).
    mutating func removeAll() {
        live.removeAll()
    }

    /// How many iterators are live.
    var count: Int { live.count }
}
