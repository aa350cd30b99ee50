/// One qbXML request document: the envelope `QBXML/QBXMLMsgsRq` around one or more requests,
/// as returned from `sendRequestXML` (docs/qbxml-messages.md, "Envelope and attributes").
///
/// `render()` checks what QuickBooks would otherwise reject without saying why: requestIDs present,
/// at most 50 characters and unique; each request supported by `version`; and the whole document
/// valid against QBBridge's schema (element order, cardinality, formats).
public struct QBXMLMessageSet: Sendable {
    /// The negotiated version, written in `<?qbxml version="…"?>`.
    public var version: QBXMLVersion
    /// What QuickBooks does after a failed request.
    public var onError: OnError
    /// The requests, in the order QuickBooks processes them.
    public var requests: [any QBXMLRequest]
    /// `newMessageSetID` for message-set error recovery (≤ 24 characters).
    public var newMessageSetID: String?
    /// `oldMessageSetID` to ask whether an earlier set was applied (≤ 24 characters).
    public var oldMessageSetID: String?

    /// A message set.
    public init(version: QBXMLVersion, onError: OnError, requests: [any QBXMLRequest]) {
        self.version = version
        self.onError = onError
        self.requests = requests
    }

    /// A message set with error-recovery identifiers.
    public init(version: QBXMLVersion, onError: OnError, requests: [any QBXMLRequest],
                newMessageSetID: String?, oldMessageSetID: String?) {
        self.init(version: version, onError: onError, requests: requests)
        self.newMessageSetID = newMessageSetID
        self.oldMessageSetID = oldMessageSetID
    }

    /// The document: `<?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?><QBXML>…`,
    /// validated against the schema.
    public func render() throws(QBXMLError) -> String {
        guard version <= .newestEmitted else { throw .versionNotEmitted(requested: version, newest: .newestEmitted) }
        guard !requests.isEmpty else { throw .emptyMessageSet }
        var writer = QBXMLWriter()
        try writer.open("QBXML")
        try openMessages(&writer)
        var seen = Set<String>()
        for request in requests {
            try Self.checkRequestID(request.requestID, of: request)
            guard seen.insert(request.requestID).inserted else { throw .duplicateRequestID(request.requestID) }
            var requestWriter = QBXMLWriter()   // field paths in errors start at the request element
            try request.render(into: &requestWriter, version: version)
            writer.appendChecked(requestWriter.xml)
            guard request.minimumVersion <= version else {
                throw .requiresNewerVersion(request: request.requestName, feature: "its configuration",
                                            required: request.minimumVersion, negotiated: version)
            }
        }
        writer.close()
        writer.close()
        let document = Self.prolog(version) + writer.xml
        if requests.allSatisfy(\.isSchemaChecked) {
            try QBXMLSchemaValidator.shared.validate(document)
        } else {
            // A raw request outside QBBridge's schema was checked when it was queued (RawQBXMLRequest); the
            // envelope and the set's other requests are still validated here.
            var checked = self
            checked.requests = requests.filter(\.isSchemaChecked)
            var envelope = QBXMLWriter()
            try envelope.open("QBXML")
            try checked.openMessages(&envelope)
            for request in checked.requests {
                var requestWriter = QBXMLWriter()
                try request.render(into: &requestWriter, version: version)
                envelope.appendChecked(requestWriter.xml)
            }
            envelope.close()
            envelope.close()
            try QBXMLSchemaValidator.shared.validate(Self.prolog(version) + envelope.xml)
        }
        return document
    }

    /// The XML declaration and version instruction.
    static func prolog(_ version: QBXMLVersion) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><?qbxml version=\"\(version)\"?>"
    }

    /// Opens `QBXMLMsgsRq` with its attributes.
    func openMessages(_ writer: inout QBXMLWriter) throws(QBXMLError) {
        for (name, id) in [("newMessageSetID", newMessageSetID), ("oldMessageSetID", oldMessageSetID)] {
            guard let id else { continue }
            guard !id.isEmpty else { throw .emptyField(field: "QBXMLMsgsRq@\(name)") }
            guard id.unicodeScalars.count <= QBXMLLimits.messageSetID else {
                throw .fieldTooLong(field: "QBXMLMsgsRq@\(name)", maxLength: QBXMLLimits.messageSetID, length: id.unicodeScalars.count)
            }
        }
        try writer.open("QBXMLMsgsRq", attributes: [
            ("onError", onError.rawValue), ("newMessageSetID", newMessageSetID), ("oldMessageSetID", oldMessageSetID),
        ])
    }

    static func checkRequestID(_ id: String, of request: any QBXMLRequest) throws(QBXMLError) {
        let field = "\(request.requestName)@requestID"
        guard !id.isEmpty else { throw .emptyField(field: field) }
        let length = id.unicodeScalars.count
        guard length <= QBXMLLimits.requestID else {
            throw .fieldTooLong(field: field, maxLength: QBXMLLimits.requestID, length: length)
        }
    }
}
