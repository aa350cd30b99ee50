/// `CompanyQueryRq`: the company record, including the data extensions of the given owners,
/// e.g. the QWC `FileID` stamp (docs/qbxml-messages.md, "Requests QBBridge sends", docs/web-connector-protocol.md, "The .qwc file").
public struct CompanyQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// OwnerIDs whose DataExt to return: `0` for public custom fields, our GUID for private ones.
    public var ownerIDs: [String]
    /// Return only these `CompanyRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]

    /// A company query.
    public init(requestID: String, ownerIDs: [String] = [], includeRetElements: [String] = []) {
        self.requestID = requestID
        self.ownerIDs = ownerIDs
        self.includeRetElements = includeRetElements
    }

    /// 2.0 when OwnerIDs are asked for, else 1.0.
    public var minimumVersion: QBXMLVersion { ownerIDs.isEmpty ? .v1_0 : .v2_0 }

    /// Writes `<CompanyQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.open("CompanyQueryRq", attributes: [requestIDAttribute])
        try writer.includeRetElements(includeRetElements, version: version)
        try writer.ownerIDs(ownerIDs, version: version, request: requestName)
        writer.close()
    }
}
