/// `CustomerQueryRq`: customers and jobs, by ListID, by FullName or by a list filter
/// (docs/qbxml-messages.md, "Requests QBBridge sends"), optionally paged with an iterator.
public struct CustomerQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// What to select; nil selects every (active) customer.
    public var selection: CustomerQuerySelection?
    /// Paging (qbXML 5.0).
    public var iterator: IteratorRequest?
    /// Return only these `CustomerRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]
    /// OwnerIDs whose DataExt to return (qbXML 2.0).
    public var ownerIDs: [String]

    /// A customer query.
    public init(requestID: String, selection: CustomerQuerySelection? = nil, iterator: IteratorRequest? = nil,
                includeRetElements: [String] = [], ownerIDs: [String] = []) {
        self.requestID = requestID
        self.selection = selection
        self.iterator = iterator
        self.includeRetElements = includeRetElements
        self.ownerIDs = ownerIDs
    }

    /// The newest of: iterator 5.0, OwnerID 2.0, CurrencyFilter 8.0, ClassFilter 12.0.
    public var minimumVersion: QBXMLVersion {
        var version = QBXMLVersion.v1_0
        if iterator != nil { version = max(version, IteratorRequest.since) }
        if !ownerIDs.isEmpty { version = max(version, .v2_0) }
        if case .filter(let filter) = selection { version = max(version, filter.minimumVersion) }
        return version
    }

    /// Writes `<CustomerQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.openQuery("CustomerQueryRq", requestID: requestID, iterator: iterator, version: version)
        switch selection {
        case .listIDs(let ids):
            guard !ids.isEmpty else { throw .emptyField(field: writer.path("ListID")) }
            for id in ids { try writer.element("ListID", id.rawValue, maxLength: QBXMLLimits.id) }
        case .fullNames(let names):
            guard !names.isEmpty else { throw .emptyField(field: writer.path("FullName")) }
            for name in names { try writer.element("FullName", name, maxLength: QBXMLLimits.customerFullName) }
        case .filter(let filter):
            try filter.render(into: &writer, version: version, request: requestName)
        case nil:
            break
        }
        try writer.includeRetElements(includeRetElements, version: version)
        try writer.ownerIDs(ownerIDs, version: version, request: requestName)
        writer.close()
    }
}

/// What a customer query selects (the schema's outer choice, docs/qbxml-messages.md, "Requests QBBridge sends").
public enum CustomerQuerySelection: Sendable, Hashable, Codable {
    /// These customers (at least one). An unknown ListID answers 3120.
    case listIDs([ListID])
    /// These customers by full name (at least one). An unknown name answers 500/Warn.
    case fullNames([String])
    /// A list filter.
    case filter(CustomerListFilter)
}
