/// Everything that can go wrong building, validating or reading qbXML, with the context a person
/// needs to fix it: the field or element, the limit, the version required, the line.
///
/// Request-side cases come from the builders (docs/qbxml-messages.md, "Requests QBBridge sends") and the schema check
/// (docs/qbxml-messages.md, "The request schema"); response-side
/// cases from the response reader (docs/qbxml-messages.md, "Responses QBBridge reads").
public enum QBXMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not XML QBBridge accepts (malformed, truncated, DOCTYPE, entity, too deep, empty).
    case xml(XMLReadError)
    /// A request value is longer than its qbXML field allows; values are never truncated.
    case fieldTooLong(field: String, maxLength: Int, length: Int)
    /// A request value contains a character that XML 1.0 cannot carry (a control character).
    case illegalCharacter(field: String, codePoint: UInt32)
    /// A required request value is empty.
    case emptyField(field: String)
    /// A request value is not valid for its field (format, range, or a combination qbXML forbids).
    case invalidValue(field: String, value: String, expected: String)
    /// A request uses a feature the negotiated qbXML version does not have.
    case requiresNewerVersion(request: String, feature: String, required: QBXMLVersion, negotiated: QBXMLVersion)
    /// A message set was asked for a version newer than QBBridge's schema.
    case versionNotEmitted(requested: QBXMLVersion, newest: QBXMLVersion)
    /// Two requests of one message set carry the same requestID, so their responses could not be told apart.
    case duplicateRequestID(String)
    /// A message set was rendered without any request.
    case emptyMessageSet
    /// A rendered or supplied request breaks the qbXML schema (element order, cardinality, a facet).
    case schemaViolation(element: String, rule: String, line: Int)
    /// The embedded qbXML schema could not be compiled (a defect in QBBridge itself).
    case schemaUnavailable(reason: String)
    /// The document has an element where another was expected (e.g. a root that is not `QBXML`).
    case unexpectedElement(found: String, expected: String, line: Int)
    /// A `…Rs` element has no `statusCode` attribute, so its outcome is unknown.
    case missingStatusCode(response: String, line: Int)
    /// A response value cannot be read as its qbXML type.
    case invalidResponseValue(element: String, value: String, expected: String, line: Int)
    /// A supplied raw request carries a requestID different from the one it was queued under.
    case requestIDMismatch(expected: String, found: String)
    /// A supplied raw request document does not hold exactly one `…Rq` element.
    case rawRequestCount(found: Int)
    /// One request alone is larger than the batch size limit, so no message set can hold it.
    case requestTooLarge(requestID: String, bytes: Int, limit: Int)
    /// A batch entry depends on a requestID that is not in the batch.
    case unknownDependency(requestID: String, dependsOn: String)
    /// Batch entries depend on each other in a circle.
    case dependencyCycle(requestIDs: [String])
    /// qbXML has no request of this name (for `QBXMLMsgsRq`).
    case unknownRequest(element: String, suggestion: String?)
    /// An Add or Mod request without its aggregate (`CustomerAddRq` holds one `<CustomerAdd>` first).
    case missingAggregate(request: String, aggregate: String)

    /// A sentence saying what is wrong and what to change.
    public var description: String {
        switch self {
        case .xml(let error):
            return "qbXML is not acceptable XML: \(error)"
        case .fieldTooLong(let field, let maxLength, let length):
            return "\(field) is \(length) characters long; qbXML allows at most \(maxLength). Shorten it (QBBridge never truncates)."
        case .illegalCharacter(let field, let codePoint):
            let hex = String(codePoint, radix: 16, uppercase: true)
            return "\(field) contains the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex), which XML cannot carry; remove it."
        case .emptyField(let field):
            return "\(field) is required and must not be empty."
        case .invalidValue(let field, let value, let expected):
            return "\(field) has the value \"\(value)\"; expected \(expected)."
        case .requiresNewerVersion(let request, let feature, let required, let negotiated):
            return "\(request) uses \(feature), which needs qbXML \(required) or newer; this QuickBooks negotiated \(negotiated). Leave \(feature) out or upgrade QuickBooks."
        case .versionNotEmitted(let requested, let newest):
            return "qbXML \(requested) was requested, but QBBridge emits at most \(newest); negotiate the version with QBXMLVersion.negotiate."
        case .duplicateRequestID(let id):
            return "requestID \"\(id)\" is used twice in one message set; give every request its own requestID."
        case .emptyMessageSet:
            return "a qbXML message set needs at least one request."
        case .schemaViolation(let element, let rule, let line):
            return "qbXML schema violation at line \(line), element \(element): \(rule)"
        case .schemaUnavailable(let reason):
            return "the embedded qbXML schema does not compile (a QBBridge defect; check Sources/QBXML/Schema/qbxml-requests.xsd): \(reason)"
        case .unexpectedElement(let found, let expected, let line):
            return "line \(line): found <\(found)> where \(expected) was expected."
        case .missingStatusCode(let response, let line):
            return "line \(line): <\(response)> has no statusCode attribute, so its outcome is unknown; treat the request as not confirmed."
        case .invalidResponseValue(let element, let value, let expected, let line):
            return "line \(line): <\(element)> holds \"\(value)\", which is not \(expected)."
        case .requestIDMismatch(let expected, let found):
            return "the supplied request carries requestID=\"\(found)\" but was queued as \"\(expected)\"; remove the attribute or make them equal."
        case .rawRequestCount(let found):
            return "a raw qbXML request must hold exactly one …Rq element; found \(found). Split the document with RawQBXMLRequest.requests(fromDocument:)."
        case .requestTooLarge(let requestID, let bytes, let limit):
            return "request \(requestID) renders to \(bytes) bytes, more than the message-set limit of \(limit) bytes; raise the limit or make the request smaller."
        case .unknownDependency(let requestID, let dependsOn):
            return "request \(requestID) depends on \(dependsOn), which is not in the batch."
        case .dependencyCycle(let requestIDs):
            return "requests \(requestIDs.joined(separator: ", ")) depend on each other in a cycle; no order can satisfy them."
        case .unknownRequest(let element, let suggestion):
            let hint = suggestion.map { " Did you mean <\($0)>?" } ?? ""
            return "<\(element)> is not a qbXML request QuickBooks knows (qbXML 13.0 defines \(QBXMLRequestTypes.all.count) requests, each named like CustomerAddRq or InvoiceQueryRq).\(hint)"
        case .missingAggregate(let request, let aggregate):
            return "<\(request)> must hold exactly one <\(aggregate)> as its first child, with the fields of the record; QuickBooks refuses the whole request set otherwise."
        }
    }
}
