/// The `iterator` / `iteratorID` attributes of a query (docs/qbxml-messages.md, "Iterators"; qbXML 5.0+).
///
/// `start` with `MaxReturned` sets the page size; `continue` with the `iteratorID` from the previous
/// page until `iteratorRemainingCount="0"`. An iterator lives only within one QuickBooks session.
public enum IteratorRequest: Sendable, Hashable, Codable {
    /// Opens an iterator.
    case start
    /// Asks for the next page of an open iterator.
    case `continue`(iteratorID: String)
    /// Closes an open iterator early.
    case stop(iteratorID: String)

    /// The version that introduced iterators.
    static let since = QBXMLVersion.v5_0

    var attributes: [(name: String, value: String?)] {
        switch self {
        case .start: return [("iterator", "Start")]
        case .continue(let id): return [("iterator", "Continue"), ("iteratorID", id)]
        case .stop(let id): return [("iterator", "Stop"), ("iteratorID", id)]
        }
    }

    func check(field: String) throws(QBXMLError) {
        switch self {
        case .start: return
        case .continue(let id), .stop(let id):
            guard !id.isEmpty else { throw .emptyField(field: field + "@iteratorID") }
        }
    }
}
