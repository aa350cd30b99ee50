import QBXML

/// Reads a SOAP 1.1 request envelope into a `SOAPCall` with libxml2's streaming reader (through QBXML):
/// no DTD, no entities, no network, no tree.
///
/// Dispatch is on the body element's namespace and local name; the SOAPAction header is only a hint
/// (docs/web-connector-protocol.md, "Transport and SOAP"). The whole document is read to its end so that a truncated body is refused
/// rather than half-understood.
public enum SOAPEnvelopeReader {
    /// The SOAP 1.1 envelope namespace.
    public static let soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/"
    /// The SOAP 1.2 envelope namespace, recognised only to refuse it with a VersionMismatch fault.
    public static let soap12Namespace = "http://www.w3.org/2003/05/soap-envelope"
    private static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// Decodes one request body.
    public static func read(_ body: [UInt8]) throws(SOAPRequestError) -> SOAPCall {
        do {
            // The server caps the body (32 MB by default), so a qbXML response past libxml2's 10 MB
            // text-node limit is read rather than refused (a refusal would stall the company for good).
            let reader = try XMLStreamReader(boundedBytes: body, maxDepth: 64, allowingHugeText: true)
            return try read(from: reader)
        } catch let error as SOAPRequestError {
            throw error
        } catch let error as XMLReadError {
            throw .notXML(error)
        } catch {
            throw .notXML(XMLReadError(kind: .malformed, message: "\(error)", line: 0, column: 0))
        }
    }

    private static func read(from reader: XMLStreamReader) throws -> SOAPCall {
        guard try reader.next() == .startElement else {
            throw XMLReadError(kind: .empty, message: "no root element", line: 0, column: 0)
        }
        guard reader.localName == "Envelope" else { throw SOAPRequestError.notAnEnvelope(root: reader.localName) }
        switch reader.namespaceURI {
        case soap11Namespace: break
        case soap12Namespace: throw SOAPRequestError.soap12Envelope
        default: throw SOAPRequestError.notAnEnvelope(root: "\(reader.localName) xmlns=\"\(reader.namespaceURI)\"")
        }
        if reader.isEmptyElement { throw SOAPRequestError.missingBody }

        var call: SOAPCall?
        var sawBody = false
        while let kind = try reader.next() {
            guard kind == .startElement, reader.depth == 1 else { continue }
            if reader.localName == "Body", reader.namespaceURI == soap11Namespace {
                sawBody = true
                call = try readBody(reader)
            } else {
                try reader.skipElement()   // Header and anything else the client adds
            }
        }
        guard sawBody else { throw SOAPRequestError.missingBody }
        guard let call else { throw SOAPRequestError.emptyBody }
        return call
    }

    private static func readBody(_ reader: XMLStreamReader) throws -> SOAPCall? {
        if reader.isEmptyElement { return nil }
        var operations: [(element: String, call: SOAPCall)] = []
        while let kind = try reader.next() {
            if kind == .endElement, reader.depth == 1 { break }
            guard kind == .startElement, reader.depth == 2 else { continue }
            let name = reader.localName
            guard reader.namespaceURI == QBWCOperation.namespace else {
                throw SOAPRequestError.wrongNamespace(element: name, namespace: reader.namespaceURI)
            }
            guard let operation = QBWCOperation(elementName: name) else {
                throw SOAPRequestError.unknownOperation(name)
            }
            operations.append((name, SOAPCall(operation: operation, parameters: try readParameters(reader))))
        }
        guard operations.count <= 1 else {
            throw SOAPRequestError.multipleOperations(operations.map(\.element))
        }
        return operations.first?.call
    }

    private static func readParameters(_ reader: XMLStreamReader) throws -> [String: String] {
        var parameters: [String: String] = [:]
        if reader.isEmptyElement { return parameters }
        while let kind = try reader.next() {
            if kind == .endElement, reader.depth == 2 { break }
            guard kind == .startElement, reader.depth == 3 else { continue }
            let name = QBWCOperation.parameterAliases[reader.localName] ?? reader.localName
            let isNil = reader.attribute("xsi:nil") == "true" || reader.attribute("nil") == "true"
            let value = try reader.readText()
            parameters[name] = isNil ? "" : value
        }
        return parameters
    }
}
