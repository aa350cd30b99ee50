/// `CreditMemoQueryRq`: credit memos by TxnID, RefNumber or filter (docs/qbxml-messages.md, "Requests QBBridge sends").
/// There is no paid-status filter; open credits are those with `CreditRemaining > 0`.
public struct CreditMemoQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// What to select; nil selects every credit memo.
    public var selection: TxnQuerySelection?
    /// Return `CreditMemoLineRet`s.
    public var includeLineItems: Bool?
    /// Return `LinkedTxn`s (where the credit was applied).
    public var includeLinkedTxns: Bool?
    /// Paging (qbXML 5.0).
    public var iterator: IteratorRequest?
    /// Return only these `CreditMemoRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]
    /// OwnerIDs whose DataExt to return (qbXML 2.0).
    public var ownerIDs: [String]

    /// A credit memo query.
    public init(requestID: String, selection: TxnQuerySelection? = nil, includeLineItems: Bool? = nil,
                includeLinkedTxns: Bool? = nil, iterator: IteratorRequest? = nil,
                includeRetElements: [String] = [], ownerIDs: [String] = []) {
        self.requestID = requestID
        self.selection = selection
        self.includeLineItems = includeLineItems
        self.includeLinkedTxns = includeLinkedTxns
        self.iterator = iterator
        self.includeRetElements = includeRetElements
        self.ownerIDs = ownerIDs
    }

    private var parts: TxnQueryParts {
        TxnQueryParts(name: "CreditMemoQueryRq", requestID: requestID, selection: selection, iterator: iterator,
                      includeRetElements: includeRetElements, ownerIDs: ownerIDs)
    }

    /// The newest of the features used (iterator 5.0, RefNumberCaseSensitive 4.0, CurrencyFilter 8.0, OwnerID 2.0).
    public var minimumVersion: QBXMLVersion { parts.minimumVersion }

    /// Writes `<CreditMemoQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        let includeLineItems = includeLineItems
        let includeLinkedTxns = includeLinkedTxns
        try parts.render(into: &writer, version: version, afterFilter: { (_: inout QBXMLWriter) throws(QBXMLError) in }, includes: { writer in
            if let includeLineItems { writer.element("IncludeLineItems", includeLineItems) }
            if let includeLinkedTxns { writer.element("IncludeLinkedTxns", includeLinkedTxns) }
        })
    }
}
