import CLibXML2
import Foundation

/// A safe, forward-only XML reader over libxml2's `xmlTextReader`.
///
/// It exists because every document QBBridge reads comes from outside: SOAP envelopes from the Web
/// Connector (docs/web-connector-protocol.md, "Transport and SOAP") and qbXML responses, possibly hundreds of megabytes, from
/// QuickBooks (docs/qbxml-messages.md, "Responses QBBridge reads"). It streams (no tree is built) and it is hardened:
/// - parse options are `XML_PARSE_NONET` only: no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
///   `XML_PARSE_DTDATTR`; `XML_PARSE_HUGE` only when the caller bounds the input (`allowingHugeText`);
/// - a `<!DOCTYPE …>` is refused (`.doctypeForbidden`) before libxml2 parses it, which rules out XXE,
///   external DTDs, parameter entities and entity expansion bombs;
/// - an entity reference (other than `&amp;` and the other predefined ones) is refused (`.entityReference`);
/// - nesting deeper than `maxDepth` is refused (`.tooDeep`);
/// - libxml2's diagnostics are collected, never printed, and reported with line and column (`.malformed`).
///
/// One task at a time: the reader is a class with mutable state and is deliberately not `Sendable`.
public final class XMLStreamReader {
    let handle: OpaquePointer
    private let buffer: UnsafeMutableBufferPointer<UInt8>?
    let collector: LibXML2ErrorCollector
    private let maxDepth: Int32
    @exclusivity(unchecked) private var failure: XMLReadError?
    @exclusivity(unchecked) private var finished = false
    /// libxml2's node type of the current node (`XML_READER_TYPE_*`), 0 before the first read.
    @exclusivity(unchecked) private(set) var nodeType: Int32 = 0

    /// Reads a document from bytes (encoding detected from the BOM or the XML declaration, UTF-8 by default).
    /// The bytes are copied into a buffer the reader owns for its whole life, as libxml2 does not copy them.
    public init(bytes: [UInt8], maxDepth: Int = 256) throws(XMLReadError) {
        (handle, buffer, collector, self.maxDepth) = try Self.openMemory(bytes, encoding: nil, maxDepth: maxDepth, dropBlankText: false)
    }

    /// Like `init(bytes:maxDepth:)`, but a single text node may exceed libxml2's 10 MB default: the SOAP
    /// envelope carries a whole qbXML response as one escaped text node, and a large answer is legitimate.
    /// Only for input whose size the caller has already bounded (the SOAP body limit); entities and DTDs
    /// stay refused, so nothing can expand beyond the bytes given.
    public init(boundedBytes bytes: [UInt8], maxDepth: Int = 256, allowingHugeText: Bool) throws(XMLReadError) {
        (handle, buffer, collector, self.maxDepth) = try Self.openMemory(bytes, encoding: nil, maxDepth: maxDepth, dropBlankText: false,
                                                                         hugeText: allowingHugeText)
    }

    /// Reads a document held in a Swift string. The text is read as UTF-8 whatever its XML declaration
    /// says: a .NET client may write `encoding="utf-16"` on text that reached us as a string.
    public convenience init(string: String, maxDepth: Int = 256) throws(XMLReadError) {
        try self.init(memory: Array(string.utf8), encoding: "UTF-8", maxDepth: maxDepth, dropBlankText: false)
    }

    /// Streams a document from a file with constant memory (libxml2 reads it in chunks).
    /// The file's own path is opened directly; nothing it refers to is ever loaded.
    public convenience init(contentsOfFile path: String, maxDepth: Int = 256) throws(XMLReadError) {
        try self.init(file: path, maxDepth: maxDepth, dropBlankText: false)
    }

    /// The designated in-memory reader. `dropBlankText` adds `XML_PARSE_NOBLANKS`: libxml2 then
    /// does not even build the whitespace-only text nodes between elements (a third of all nodes
    /// in indented qbXML). Whitespace inside an element without children is still kept. Only for
    /// documents without mixed content (qbXML responses), as whitespace after a child element in
    /// mixed content would be lost.
    init(memory bytes: [UInt8], encoding: String?, maxDepth: Int, dropBlankText: Bool) throws(XMLReadError) {
        (handle, buffer, collector, self.maxDepth) = try Self.openMemory(bytes, encoding: encoding, maxDepth: maxDepth, dropBlankText: dropBlankText)
    }

    /// The designated file reader; see `init(memory:…)` for `dropBlankText`.
    init(file path: String, maxDepth: Int, dropBlankText: Bool) throws(XMLReadError) {
        LibXML2.ensureInitialized()
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw XMLReadError(kind: .malformed, message: "cannot open \(path) for reading", line: 0, column: 0)
        }
        let prefix = (try? file.read(upToCount: 65_536)) ?? Data()
        try? file.close()
        try Self.checkPrologAndEmptiness(Array(prefix))
        guard let reader = xmlReaderForFile(path, nil, LibXML2.options(dropBlankText: dropBlankText)) else {
            throw XMLReadError(kind: .malformed, message: "libxml2 could not open \(path)", line: 0, column: 0)
        }
        let collector = LibXML2ErrorCollector()
        xmlTextReaderSetStructuredErrorHandler(reader, LibXML2ErrorCollector.callback, collector.context)
        self.handle = reader
        self.buffer = nil
        self.collector = collector
        self.maxDepth = Int32(clamping: maxDepth)
    }

    private static func openMemory(
        _ bytes: [UInt8], encoding: String?, maxDepth: Int, dropBlankText: Bool, hugeText: Bool = false
    ) throws(XMLReadError) -> (OpaquePointer, UnsafeMutableBufferPointer<UInt8>, LibXML2ErrorCollector, Int32) {
        LibXML2.ensureInitialized()
        try checkPrologAndEmptiness(bytes)
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        guard let base = storage.baseAddress,
              let reader = xmlReaderForMemory(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count),
                                              nil, encoding, LibXML2.options(dropBlankText: dropBlankText, hugeText: hugeText)) else {
            storage.deallocate()
            throw XMLReadError(kind: .malformed, message: "libxml2 could not create a reader", line: 0, column: 0)
        }
        let collector = LibXML2ErrorCollector()
        xmlTextReaderSetStructuredErrorHandler(reader, LibXML2ErrorCollector.callback, collector.context)
        return (reader, storage, collector, Int32(clamping: maxDepth))
    }

    private static func checkPrologAndEmptiness(_ bytes: [UInt8]) throws(XMLReadError) {
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw XMLReadError(kind: .empty, message: "the document is empty", line: 0, column: 0)
        }
        let position = PrologScanner.utf8Prolog(of: bytes).withUnsafeBufferPointer { PrologScanner.doctypePosition(in: $0) }
        if let position {
            throw XMLReadError(
                kind: .doctypeForbidden,
                message: "a <!DOCTYPE> declaration is not allowed (DTDs and entities are refused)",
                line: position.line, column: position.column
            )
        }
    }

    deinit {
        xmlFreeTextReader(handle)
        buffer?.deallocate()
    }

    /// Moves to the next start tag, end tag or text node; nil at the end of the document.
    /// Comments, processing instructions, the XML declaration and whitespace-only text are skipped.
    public func next() throws(XMLReadError) -> XMLNodeKind? {
        while let type = try advanceRaw() {
            switch type {
            case XMLNodeType.element: return .startElement
            case XMLNodeType.endElement: return .endElement
            case XMLNodeType.text, XMLNodeType.cdata: return .text
            default: continue
            }
        }
        return nil
    }

    /// The local name of the current element (start or end), "" on other nodes.
    public var localName: String {
        guard nodeType == XMLNodeType.element || nodeType == XMLNodeType.endElement,
              let name = xmlTextReaderConstLocalName(handle) else { return "" }
        return String(cString: name)
    }

    /// The namespace URI of the current element, "" when it has none.
    public var namespaceURI: String {
        guard let uri = xmlTextReaderConstNamespaceUri(handle) else { return "" }
        return String(cString: uri)
    }

    /// The depth of the current node: 0 for the root element, 1 for its children, and so on.
    public var depth: Int {
        Int(xmlTextReaderDepth(handle))
    }

    /// True when the current start tag is an empty element (`<a/>`), which has no end tag.
    public var isEmptyElement: Bool {
        nodeType == XMLNodeType.element && xmlTextReaderIsEmptyElement(handle) == 1
    }

    /// The value of the current text node (entities already decoded), "" on other nodes.
    public var text: String {
        guard XMLNodeType.isText(nodeType), let value = xmlTextReaderConstValue(handle) else { return "" }
        return String(cString: value)
    }

    /// The value of an attribute of the current element by qualified name (`"requestID"`, `"xsi:nil"`).
    public func attribute(_ name: String) -> String? {
        guard nodeType == XMLNodeType.element, let value = xmlTextReaderGetAttribute(handle, name) else { return nil }
        defer { qbb_xmlFree(value) }
        return String(cString: value)
    }

    /// The line of the current node in the document (1-based, 0 when unknown).
    public var line: Int {
        guard let node = xmlTextReaderCurrentNode(handle) else { return 0 }
        return Int(xmlGetLineNo(node))
    }

    /// Advances one raw libxml2 node, applying the security checks; nil at the end of the document.
    /// Returns libxml2's node type (`XMLNodeType`).
    @inline(__always)
    func advanceRaw() throws(XMLReadError) -> Int32? {
        if let failure { throw failure }
        if finished { return nil }
        let result = xmlTextReaderRead(handle)
        if result == 1, !collector.hasError {
            let type = xmlTextReaderNodeType(handle)
            nodeType = type
            switch type {
            case XMLNodeType.element:
                if xmlTextReaderDepth(handle) >= maxDepth {
                    return try fail(.tooDeep, "elements are nested more than \(maxDepth) levels deep")
                }
            case XMLNodeType.entityReference:
                let name = xmlTextReaderConstName(handle).map { String(cString: $0) } ?? "?"
                return try fail(.entityReference, "entity reference &\(name); is not allowed")
            case XMLNodeType.documentType:
                return try fail(.doctypeForbidden, "a <!DOCTYPE> declaration is not allowed (DTDs and entities are refused)")
            default:
                break
            }
            return type
        }
        if result == 0, !collector.hasError {
            finished = true
            nodeType = 0
            return nil
        }
        return try failFromLibXML2()
    }

    private func fail(_ kind: XMLReadError.Kind, _ message: String) throws(XMLReadError) -> Int32? {
        let error = XMLReadError(kind: kind, message: message, line: line, column: 0)
        failure = error
        throw error
    }

    private func failFromLibXML2() throws(XMLReadError) -> Int32? {
        let error: XMLReadError
        if let diagnostic = collector.firstError {
            let kind: XMLReadError.Kind
            switch diagnostic.code {
            case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
                 Int32(XML_ERR_ENTITY_LOOP.rawValue):
                kind = .entityReference
            case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue):
                kind = .empty
            default:
                kind = .malformed
            }
            error = XMLReadError(kind: kind, message: diagnostic.message, line: diagnostic.line, column: diagnostic.column)
        } else {
            let line = Int(xmlTextReaderGetParserLineNumber(handle))
            let column = Int(xmlTextReaderGetParserColumnNumber(handle))
            error = XMLReadError(kind: .malformed, message: "the document is not well-formed", line: line, column: column)
        }
        failure = error
        throw error
    }
}

/// libxml2's `xmlReaderTypes` as plain constants for the hot path.
enum XMLNodeType {
    static let element: Int32 = 1
    static let text: Int32 = 3
    static let cdata: Int32 = 4
    static let entityReference: Int32 = 5
    static let documentType: Int32 = 10
    static let whitespace: Int32 = 13
    static let significantWhitespace: Int32 = 14
    static let endElement: Int32 = 15

    @inline(__always)
    static func isText(_ type: Int32) -> Bool {
        type == text || type == cdata || type == whitespace || type == significantWhitespace
    }
}
