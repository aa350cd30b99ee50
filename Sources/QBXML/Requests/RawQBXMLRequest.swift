/// A request supplied upstream as qbXML text, passed through to QuickBooks after checks
/// (docs/qbxml-messages.md, "Raw requests"): it must be acceptable XML (no DOCTYPE, no entities), hold
/// exactly one `…Rq` element that qbXML defines (`QBXMLRequestTypes`), and carry a requestID. An Add or Mod
/// must hold its aggregate. A request QBBridge's own schema defines is validated against it in full; the rest
/// of QuickBooks' requests are checked only as far as that can be done without Intuit's schema, and
/// QuickBooks' own answer (a status code, or 0x80040400 for the set) says the rest.
///
/// The minimum version is the later of the one declared and the version that introduced the element, so a
/// `LeadAddRq` (qbXML 13.0) is never sent to a QuickBooks that speaks 12.0.
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
    /// The later of the version declared by whoever supplied the text and the version that introduced the
    /// element (QBBridge cannot infer which of the element's fields need a newer one).
    public let minimumVersion: QBXMLVersion
    /// The checked element text.
    public let xml: String
    /// Whether QBBridge's schema defines the element (then the whole request was validated against it).
    public let isSchemaChecked: Bool

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
        guard let introduced = QBXMLRequestTypes.introduced(element.name) else {
            throw .unknownRequest(element: element.name, suggestion: QBXMLRequestTypes.suggestion(for: element.name))
        }
        if let aggregate = QBXMLRequestTypes.requiredAggregate(of: element.name), element.children.filter({ $0 == aggregate }).count != 1 || element.children.first != aggregate {
            throw .missingAggregate(request: element.name, aggregate: aggregate)
        }
        let xml = element.serialized(requestID: id)
        let isSchemaChecked = QBXMLSchemaValidator.requestElements.contains(element.name)
        if isSchemaChecked {
            try QBXMLSchemaValidator.shared.validate("<QBXML><QBXMLMsgsRq onError=\"stopOnError\">\(xml)</QBXMLMsgsRq></QBXML>")
        }
        self.requestID = id
        self.elementName = element.name
        self.minimumVersion = max(minimumVersion, introduced)
        self.xml = xml
        self.isSchemaChecked = isSchemaChecked
    }

    /// Appends the checked element; throws when `version` is older than `minimumVersion`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        guard version >= minimumVersion else {
            throw .requiresNewerVersion(request: elementName, feature: "this supplied request", required: minimumVersion, negotiated: version)
        }
        writer.appendChecked(xml)
    }
}
