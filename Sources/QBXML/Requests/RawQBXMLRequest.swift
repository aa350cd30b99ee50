/// A request supplied upstream as qbXML text, passed through to QuickBooks after checks:
/// it must be acceptable XML (no DOCTYPE, no entities), hold exactly one `…Rq` element that
/// QBBridge's schema accepts, and carry a requestID (docs/qbxml-messages.md, "The request schema").
///
/// The element is re-serialized from what was parsed (comments, processing instructions and the
/// document's own envelope are dropped; text and attributes are re-escaped), so what is sent is
/// exactly what was validated. The envelope's `onError` and `<?qbxml version?>` are not kept: the
/// message set it is sent in decides them.
public struct RawQBXMLRequest: QBXMLRequest, Hashable {
    /// The request's ID (taken from the element, or assigned at creation).
    public let requestID: String
    /// The request element's name, e.g. `ReceivePaymentAddRq`.
    public let elementName: String
    /// Declared by whoever supplied the text; QBBridge cannot infer it.
    public let minimumVersion: QBXMLVersion
    /// The checked element text.
    public let xml: String

    /// Accepts a full qbXML document holding one request, or a single `…Rq` element.
    /// - Parameters:
    ///   - requestID: the ID the request is queued under. If the element has a `requestID`
    ///     attribute it must equal this; if it has none, this one is written into it. May be nil
    ///     only when the element carries its own.
    ///   - minimumVersion: the oldest qbXML version the text is meant for.
    public init(xml: String, requestID: String? = nil, minimumVersion: QBXMLVersion = .oldestSupported) throws(QBXMLError) {
        let elements = try RawRequestExtractor.elements(in: xml)
        guard elements.count == 1, let element = elements.first else { throw .rawRequestCount(found: elements.count) }
        try self.init(element: element, requestID: requestID, minimumVersion: minimumVersion)
    }

    /// Splits a full qbXML document into its requests; each must carry its own, unique requestID.
    public static func requests(fromDocument xml: String, minimumVersion: QBXMLVersion = .oldestSupported) throws(QBXMLError) -> [RawQBXMLRequest] {
        var seen = Set<String>()
        var requests: [RawQBXMLRequest] = []
        for element in try RawRequestExtractor.elements(in: xml) {
            let request = try RawQBXMLRequest(element: element, requestID: nil, minimumVersion: minimumVersion)
            guard seen.insert(request.requestID).inserted else { throw .duplicateRequestID(request.requestID) }
            requests.append(request)
        }
        return requests
    }

    private init(element: RawRequestExtractor.Element, requestID: String?, minimumVersion: QBXMLVersion) throws(QBXMLError) {
        let id: String
        switch (element.requestID, requestID) {
        case (let found?, let expected?) where found != expected:
            throw .requestIDMismatch(expected: expected, found: found)
        case (let found?, _): id = found
        case (nil, let expected?): id = expected
        case (nil, nil): throw .emptyField(field: "\(element.name)@requestID")
        }
        guard !id.isEmpty else { throw .emptyField(field: "\(element.name)@requestID") }
        guard id.unicodeScalars.count <= QBXMLLimits.requestID else {
            throw .fieldTooLong(field: "\(element.name)@requestID", maxLength: QBXMLLimits.requestID, length: id.unicodeScalars.count)
        }
        let xml = element.serialized(requestID: id)
        try QBXMLSchemaValidator.shared.validate("<QBXML><QBXMLMsgsRq onError=\"stopOnError\">\(xml)</QBXMLMsgsRq></QBXML>")
        self.requestID = id
        self.elementName = element.name
        self.minimumVersion = minimumVersion
        self.xml = xml
    }

    /// Appends the checked element; throws when `version` is older than `minimumVersion`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        guard version >= minimumVersion else {
            throw .requiresNewerVersion(request: elementName, feature: "this supplied request", required: minimumVersion, negotiated: version)
        }
        writer.appendChecked(xml)
    }
}
