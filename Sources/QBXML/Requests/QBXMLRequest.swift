/// One qbXML request (`…Rq` element) that can be rendered for a negotiated version.
///
/// Requests are plain values so jobs can build, store and retry them (docs/style.md, "Readable
/// sessions"); `QBXMLMessageSet` puts several into one document (docs/qbxml-messages.md, "Envelope and attributes").
public protocol QBXMLRequest: Sendable {
    /// Echoed on the `…Rs` so the response can be matched to the request (≤ 50 characters, unique per set).
    var requestID: String { get }
    /// The oldest qbXML version this request, as configured, can be sent to.
    var minimumVersion: QBXMLVersion { get }
    /// Writes the `…Rq` element for `version`, leaving out elements the version lacks and throwing
    /// when something the request needs is missing from that version.
    func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError)
    /// Whether QBBridge's schema defines this request, so the rendered set is validated with it in. A raw
    /// request for the rest of QuickBooks is checked by `RawQBXMLRequest` instead, and by QuickBooks itself.
    var isSchemaChecked: Bool { get }
}

extension QBXMLRequest {
    /// QBBridge's own requests are all in its schema.
    public var isSchemaChecked: Bool { true }

    /// The request's type name for messages, e.g. `ReceivePaymentAddRq`.
    var requestName: String { String(describing: type(of: self)) }

    /// Throws `requiresNewerVersion` when `version` is older than `required`.
    func require(_ feature: String, since required: QBXMLVersion, in version: QBXMLVersion) throws(QBXMLError) {
        guard version >= required else {
            throw .requiresNewerVersion(request: requestName, feature: feature, required: required, negotiated: version)
        }
    }

    /// The attributes every `…Rq` carries.
    var requestIDAttribute: (name: String, value: String?) { ("requestID", requestID) }
}

/// The `onError` attribute of `QBXMLMsgsRq` (docs/qbxml-messages.md, "Envelope and attributes").
public enum OnError: String, Sendable, Codable {
    /// Stop at the first failure; every later request answers 3231 "not processed".
    case stopOnError
    /// Process every request and report each status: for independent requests.
    case continueOnError
    /// Roll back the set on failure; Desktop may not honour it (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on"), don't rely on it.
    case rollbackOnError
}

extension QBXMLVersion {
    static let v2_0 = QBXMLVersion(major: 2, minor: 0)
    static let v4_0 = QBXMLVersion(major: 4, minor: 0)
    static let v5_0 = QBXMLVersion(major: 5, minor: 0)
    static let v6_0 = QBXMLVersion(major: 6, minor: 0)
    static let v8_0 = QBXMLVersion(major: 8, minor: 0)
    static let v9_0 = QBXMLVersion(major: 9, minor: 0)
    static let v11_0 = QBXMLVersion(major: 11, minor: 0)
    static let v12_0 = QBXMLVersion(major: 12, minor: 0)
    static let v1_0 = QBXMLVersion(major: 1, minor: 0)
}
