import QBXML

/// What a query asked to see in each record (docs/qbxml-messages.md, "Shared parts": query tail).
struct RetOptions: Sendable {
    /// `InvoiceLineRet` / `CreditMemoLineRet` / `AppliedToTxnRet` on queries.
    var includeLineItems = false
    /// `LinkedTxn` on invoices and credit memos.
    var includeLinkedTxns = false
    /// `IncludeRetElement`: the only direct children to return (empty: all).
    var includeRetElements: [String] = []
    /// `OwnerID`: whose data extensions to return.
    var ownerIDs: [String] = []
    /// The request's qbXML version; elements newer than it are left out.
    var version = QBXMLVersion(major: 13, minor: 0)

    /// Reads the tail elements of a query request.
    init(request: ParsedRequest) {
        let element = request.element
        includeLineItems = element.value("IncludeLineItems").map(Self.isTrue) ?? false
        includeLinkedTxns = element.value("IncludeLinkedTxns").map(Self.isTrue) ?? false
        includeRetElements = element.values("IncludeRetElement")
        ownerIDs = element.values("OwnerID")
        version = request.version
    }

    /// Options for the record an Add returns: everything, applications included.
    init(addResponseFor request: ParsedRequest) {
        includeLineItems = true
        includeLinkedTxns = true
        includeRetElements = request.element.values("IncludeRetElement")
        version = request.version
    }

    static func isTrue(_ text: String) -> Bool { text == "true" || text == "1" }
}
