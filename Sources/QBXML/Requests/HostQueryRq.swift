/// `HostQueryRq`: which QuickBooks product and qbXML versions the host has (docs/qbxml-messages.md, "Requests QBBridge sends").
/// QBWC sends it itself as part of the HCP response; QBBridge sends it only outside QBWC.
public struct HostQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// Ask for `ListMetaData` with per-list `MaxCapacity` (qbXML 6.0, left out below).
    public var includeMaxCapacity: Bool?
    /// Return only these `HostRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]

    /// A host query.
    public init(requestID: String, includeMaxCapacity: Bool? = nil, includeRetElements: [String] = []) {
        self.requestID = requestID
        self.includeMaxCapacity = includeMaxCapacity
        self.includeRetElements = includeRetElements
    }

    /// Host queries exist in every version.
    public var minimumVersion: QBXMLVersion { .v1_0 }

    /// Writes `<HostQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.open("HostQueryRq", attributes: [requestIDAttribute])
        if let includeMaxCapacity, version >= .v6_0 {
            try writer.open("IncludeListMetaData")
            writer.element("IncludeMaxCapacity", includeMaxCapacity)
            writer.close()
        }
        try writer.includeRetElements(includeRetElements, version: version)
        writer.close()
    }
}
