/// `PreferencesQueryRq`: company preferences such as `IsAutoApplyingPayments` and `ClosingDate`
/// (docs/qbxml-messages.md, "Requests QBBridge sends").
public struct PreferencesQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// Return only these `PreferencesRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]

    /// A preferences query.
    public init(requestID: String, includeRetElements: [String] = []) {
        self.requestID = requestID
        self.includeRetElements = includeRetElements
    }

    /// Preferences queries exist in every version QBBridge supports.
    public var minimumVersion: QBXMLVersion { .v1_0 }

    /// Writes `<PreferencesQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.open("PreferencesQueryRq", attributes: [requestIDAttribute])
        try writer.includeRetElements(includeRetElements, version: version)
        writer.close()
    }
}
