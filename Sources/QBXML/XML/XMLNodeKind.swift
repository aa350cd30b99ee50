/// The three kinds of node `XMLStreamReader.next()` reports.
///
/// Everything else libxml2 can report (comments, processing instructions, the XML declaration,
/// whitespace between elements) is skipped, so callers see only the structure that carries data.
public enum XMLNodeKind: Sendable, Equatable {
    /// An element's start tag (also reported for an empty element `<a/>`, which has no end).
    case startElement
    /// An element's end tag.
    case endElement
    /// Character data or a CDATA section.
    case text
}
