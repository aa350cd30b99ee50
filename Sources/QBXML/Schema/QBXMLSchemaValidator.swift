import CLibXML2

/// Checks qbXML request documents against QBBridge's schema before they are sent.
///
/// QuickBooks rejects a whole message set with HRESULT 0x80040400 when any element is out of order
/// or malformed (docs/qbxml-messages.md, "Envelope and attributes" and "The request schema"), and says nothing
/// about which element. Validating here turns that into an error naming the element, the rule and
/// the line, before anything reaches QuickBooks.
///
/// The schema is compiled once from `qbxml-requests.xsd` beside this file, which SwiftPM embeds in the
/// binary at build time (`.embedInCode` in Package.swift), so validation works wherever the server is copied. The
/// compiled schema is read-only and shared; each `validate` call makes its own libxml2 validation
/// context (those are not thread-safe) and streams the document through `XMLStreamReader`, so the
/// DOCTYPE/entity refusals apply here too.
public final class QBXMLSchemaValidator: Sendable {
    /// The validator for the embedded request schema.
    public static let shared = QBXMLSchemaValidator(compiling: String(decoding: PackageResources.qbxml_requests_xsd, as: UTF8.self))

    /// The request elements the embedded schema defines (the children `QBXMLMsgsRq` may hold), read from the
    /// schema itself so the list cannot drift from it.
    public static let requestElements: Set<String> = requestElements(in: String(decoding: PackageResources.qbxml_requests_xsd, as: UTF8.self))

    /// The `<xs:element name="…Rq">` names of a schema text.
    static func requestElements(in schemaText: String) -> Set<String> {
        var names = Set<String>()
        var rest = schemaText[...]
        let marker = "<xs:element name=\""
        while let start = rest.range(of: marker) {
            let tail = rest[start.upperBound...]
            guard let quote = tail.firstIndex(of: "\"") else { break }
            let name = String(tail[..<quote])
            if name.hasSuffix("Rq"), name != "QBXMLMsgsRq" { names.insert(name) }
            rest = tail[quote...]
        }
        return names
    }

    private let compiled: Result<CompiledSchema, QBXMLError>

    /// Compiles a schema from its text; throws `.schemaUnavailable` naming libxml2's complaint.
    public init(schemaText: String) throws(QBXMLError) {
        compiled = CompiledSchema.compile(schemaText)
        if case .failure(let error) = compiled { throw error }
    }

    private init(compiling schemaText: String) {
        compiled = CompiledSchema.compile(schemaText)
    }

    /// Validates a whole qbXML document (`<QBXML>…`). The `<?qbxml version?>` instruction is ignored.
    /// Throws `.schemaViolation` for the first rule broken, `.xml` when the text is not acceptable XML.
    public func validate(_ document: String) throws(QBXMLError) {
        let schema: CompiledSchema
        switch compiled {
        case .success(let value): schema = value
        case .failure(let error): throw error
        }
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(string: document) } catch { throw .xml(error) }
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else {
            throw .schemaUnavailable(reason: "libxml2 could not create a validation context")
        }
        xmlSchemaSetValidStructuredErrors(context, LibXML2ErrorCollector.callback, reader.collector.context)
        guard xmlTextReaderSchemaValidateCtxt(reader.handle, context, 0) == 0 else {
            xmlSchemaFreeValidCtxt(context)
            throw .schemaUnavailable(reason: "libxml2 could not attach the schema to the reader")
        }
        defer {
            // Detach before freeing: the reader's SAX plug refers to the context until then.
            xmlTextReaderSchemaValidateCtxt(reader.handle, nil, 0)
            xmlSchemaFreeValidCtxt(context)
        }
        do {
            while try reader.next() != nil {}
        } catch {
            if let violation = Self.firstViolation(reader) { throw violation }
            throw .xml(error)
        }
        if let violation = Self.firstViolation(reader) { throw violation }
        guard xmlTextReaderIsValid(reader.handle) == 1 else {
            throw .schemaViolation(element: "QBXML", rule: "the document does not match the qbXML request schema", line: 0)
        }
    }

    private static func firstViolation(_ reader: XMLStreamReader) -> QBXMLError? {
        guard let diagnostic = reader.collector.validityErrors.first else { return nil }
        let (element, rule) = splitElement(from: diagnostic.message)
        return .schemaViolation(element: element, rule: rule, line: diagnostic.line)
    }

    /// libxml2 writes "Element 'Memo': [facet 'maxLength'] …"; the quoted name becomes `element`.
    static func splitElement(from message: String) -> (element: String, rule: String) {
        let prefix = "Element '"
        guard message.hasPrefix(prefix),
              let close = message.dropFirst(prefix.count).firstIndex(of: "'") else { return ("?", message) }
        let element = String(message[message.index(message.startIndex, offsetBy: prefix.count)..<close])
        var rule = message[message.index(after: close)...]
        if rule.hasPrefix(":") || rule.hasPrefix(",") { rule = rule.dropFirst() }
        return (element, String(rule.trimmingWhitespace()))
    }
}

/// A compiled libxml2 schema, freed with its last reference. libxml2 never writes to a compiled
/// schema while validating, so sharing it between threads is safe.
private final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    private init(pointer: xmlSchemaPtr) { self.pointer = pointer }

    deinit { xmlSchemaFree(pointer) }

    static func compile(_ text: String) -> Result<CompiledSchema, QBXMLError> {
        LibXML2.ensureInitialized()
        let collector = LibXML2ErrorCollector()
        let bytes = Array(text.utf8)
        let schema: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let parser = xmlSchemaNewMemParserCtxt(chars, Int32(clamping: buffer.count)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, LibXML2ErrorCollector.callback, collector.context)
            return xmlSchemaParse(parser)
        }
        guard let schema else {
            let reason = collector.firstError.map { "line \($0.line): \($0.message)" } ?? "libxml2 gave no reason"
            return .failure(.schemaUnavailable(reason: reason))
        }
        return .success(CompiledSchema(pointer: schema))
    }
}
