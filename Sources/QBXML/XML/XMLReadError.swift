/// Why an XML document could not be read, and where.
///
/// Raised by `XMLStreamReader` for every input QBBridge parses: SOAP envelopes from the Web Connector
/// (docs/web-connector-protocol.md, "Transport and SOAP") and qbXML responses (docs/qbxml-messages.md, "Responses QBBridge reads"). The kinds separate the hostile
/// inputs the reader refuses on purpose from plain malformed text.
public struct XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: Sendable, Equatable {
        /// Not well-formed or truncated XML (libxml2's own diagnosis is in `message`).
        case malformed
        /// The document has a `<!DOCTYPE …>`: refused before any DTD, entity or external file is touched.
        case doctypeForbidden
        /// The document uses an entity reference other than the five predefined ones.
        case entityReference
        /// Elements are nested deeper than the reader's `maxDepth`.
        case tooDeep
        /// The input holds no document at all (no bytes, or only whitespace).
        case empty
    }

    /// The class of failure.
    public let kind: Kind
    /// What went wrong, in words a person can act on.
    public let message: String
    /// 1-based line of the problem, 0 when unknown.
    public let line: Int
    /// 1-based column of the problem, 0 when unknown.
    public let column: Int

    /// Creates an error; other modules use it to report XML they refuse for their own reasons.
    public init(kind: Kind, message: String, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    /// "line L, column C: message" (the position is left out when unknown).
    public var description: String {
        let position: String
        switch (line, column) {
        case (0, _): position = ""
        case (_, 0): position = "line \(line): "
        default: position = "line \(line), column \(column): "
        }
        return "\(position)\(message)"
    }
}
