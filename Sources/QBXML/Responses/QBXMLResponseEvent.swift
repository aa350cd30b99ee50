/// What `QBXMLResponseReader.next()` reports, in document order: each `…Rs` opens with
/// `responseStart`, then its records, then `responseEnd` (with the same header).
public enum QBXMLResponseEvent: Sendable, Equatable {
    /// A `…Rs` element begins.
    case responseStart(QBXMLResponseHeader)
    /// A record inside the current `…Rs`.
    case record(QBXMLRecord)
    /// The current `…Rs` element ends.
    case responseEnd(QBXMLResponseHeader)
}
