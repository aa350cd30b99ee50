/// The attributes of one `…Rs` element (docs/qbxml-messages.md, "Envelope and attributes"): which request it answers, its
/// status, and for queries the count and iterator state.
public struct QBXMLResponseHeader: Sendable, Equatable {
    /// The element name, e.g. `InvoiceQueryRs`.
    public var name: String
    /// The echoed `requestID`, when the request had one.
    public var requestID: String?
    /// The outcome.
    public var status: QBXMLStatus
    /// `retCount` (queries, qbXML 4.0).
    public var retCount: Int?
    /// `iteratorID` (queries with an iterator, qbXML 5.0).
    public var iteratorID: String?
    /// `iteratorRemainingCount`: keep asking with `Continue` until it is 0.
    public var iteratorRemainingCount: Int?

    /// A header.
    public init(name: String, requestID: String? = nil, status: QBXMLStatus, retCount: Int? = nil,
                iteratorID: String? = nil, iteratorRemainingCount: Int? = nil) {
        self.name = name
        self.requestID = requestID
        self.status = status
        self.retCount = retCount
        self.iteratorID = iteratorID
        self.iteratorRemainingCount = iteratorRemainingCount
    }
}
