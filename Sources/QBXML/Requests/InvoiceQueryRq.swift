/// `InvoiceQueryRq`: invoices by TxnID, by RefNumber, or by filter with paid status
/// (docs/qbxml-messages.md, "Requests QBBridge sends"). Used to re-check an invoice after a rejected payment
/// (docs/failure-catalogue.md, "The invoice check": TxnID + `IncludeLinkedTxns=true`) and to page through open invoices.
public struct InvoiceQueryRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// What to select; nil selects every invoice (narrowed by `paidStatus` if set).
    public var selection: TxnQuerySelection?
    /// Paid, unpaid or all; only with a filter (or no selection), since qbXML puts it in the filter group.
    public var paidStatus: PaidStatus?
    /// Return `InvoiceLineRet`s.
    public var includeLineItems: Bool?
    /// Return `LinkedTxn`s (payments and credits applied).
    public var includeLinkedTxns: Bool?
    /// Paging (qbXML 5.0).
    public var iterator: IteratorRequest?
    /// Return only these `InvoiceRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]
    /// OwnerIDs whose DataExt to return (qbXML 2.0).
    public var ownerIDs: [String]

    /// An invoice query.
    public init(requestID: String, selection: TxnQuerySelection? = nil, paidStatus: PaidStatus? = nil,
                includeLineItems: Bool? = nil, includeLinkedTxns: Bool? = nil, iterator: IteratorRequest? = nil,
                includeRetElements: [String] = [], ownerIDs: [String] = []) {
        self.requestID = requestID
        self.selection = selection
        self.paidStatus = paidStatus
        self.includeLineItems = includeLineItems
        self.includeLinkedTxns = includeLinkedTxns
        self.iterator = iterator
        self.includeRetElements = includeRetElements
        self.ownerIDs = ownerIDs
    }

    private var parts: TxnQueryParts {
        TxnQueryParts(name: "InvoiceQueryRq", requestID: requestID, selection: selection, iterator: iterator,
                      includeRetElements: includeRetElements, ownerIDs: ownerIDs)
    }

    /// The newest of the features used (iterator 5.0, RefNumberCaseSensitive 4.0, CurrencyFilter 8.0, OwnerID 2.0).
    public var minimumVersion: QBXMLVersion { parts.minimumVersion }

    /// Writes `<InvoiceQueryRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        if let paidStatus {
            switch selection {
            case .filter, nil: break
            case .txnIDs, .refNumbers, .refNumbersCaseSensitive:
                throw .invalidValue(field: "InvoiceQueryRq/PaidStatus", value: paidStatus.rawValue,
                                    expected: "no PaidStatus when selecting by TxnID or RefNumber (qbXML allows it only with a filter)")
            }
        }
        let paidStatus = paidStatus
        let includeLineItems = includeLineItems
        let includeLinkedTxns = includeLinkedTxns
        try parts.render(into: &writer, version: version, afterFilter: { (writer: inout QBXMLWriter) throws(QBXMLError) in
            if let paidStatus { try writer.element("PaidStatus", paidStatus.rawValue) }
        }, includes: { writer in
            if let includeLineItems { writer.element("IncludeLineItems", includeLineItems) }
            if let includeLinkedTxns { writer.element("IncludeLinkedTxns", includeLinkedTxns) }
        })
    }
}
