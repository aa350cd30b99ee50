/// `ReceivePaymentQueryRq`: payments by TxnID, RefNumber or filter (docs/qbxml-messages.md, "Requests QBBridge sends").
///
/// Used to find a payment again after a lost reply (docs/qbxml-messages.md, "Finding a payment again"): by TxnID when stored,
/// else by customer + date range (+ RefNumber), matching on ExternalGUID. There is no ExternalGUID
/// or Memo filter in any version. Set `includeLineItems` to get `AppliedToTxnRet`.
public struct ReceivePaymentQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// What to select; nil selects every payment.
    public var selection: TxnQuerySelection?
    /// Return the applications (`AppliedToTxnRet`); always send `true` when they matter.
    public var includeLineItems: Bool?
    /// Paging (qbXML 5.0).
    public var iterator: IteratorRequest?
    /// Return only these `ReceivePaymentRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]
    /// OwnerIDs whose DataExt to return (qbXML 2.0).
    public var ownerIDs: [String]

    /// A payment query.
    public init(requestID: String, selection: TxnQuerySelection? = nil, includeLineItems: Bool? = nil,
                iterator: IteratorRequest? = nil, includeRetElements: [String] = [], ownerIDs: [String] = []) {
        self.requestID = requestID
        self.selection = selection
        self.includeLineItems = includeLineItems
        self.iterator = iterator
        self.includeRetElements = includeRetElements
        self.ownerIDs = ownerIDs
    }

    private var parts: TxnQueryParts {
        TxnQueryParts(name: "ReceivePaymentQueryRq", requestID: requestID, selection: selection, iterator: iterator,
                      includeRetElements: includeRetElements, ownerIDs: ownerIDs)
    }

    /// The newest of the features used (iterator 5.0, RefNumberCaseSensitive 4.0, CurrencyFilter 8.0, OwnerID 2.0).
    public var minimumVersion: QBXMLVersion { parts.minimumVersion }

    /// Writes `<ReceivePaymentQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        let includeLineItems = includeLineItems
        try parts.render(into: &writer, version: version, afterFilter: { (_: inout QBXMLWriter) throws(QBXMLError) in }, includes: { writer in
            if let includeLineItems { writer.element("IncludeLineItems", includeLineItems) }
        })
    }
}
