/// The parts Invoice-, CreditMemo- and ReceivePaymentQueryRq share, written once
/// (docs/qbxml-messages.md, "Requests QBBridge sends": selection, tail, iterator).
struct TxnQueryParts {
    var name: String
    var requestID: String
    var selection: TxnQuerySelection?
    var iterator: IteratorRequest?
    var includeRetElements: [String]
    var ownerIDs: [String]

    var minimumVersion: QBXMLVersion {
        var version = selection?.minimumVersion ?? .v1_0
        if iterator != nil { version = max(version, IteratorRequest.since) }
        if !ownerIDs.isEmpty { version = max(version, .v2_0) }
        return version
    }

    /// Writes the whole `…Rq`: `afterFilter` adds filter-group extras (PaidStatus), `includes` the
    /// IncludeLineItems / IncludeLinkedTxns flags that come before IncludeRetElement.
    func render(into writer: inout QBXMLWriter, version: QBXMLVersion,
                afterFilter: (inout QBXMLWriter) throws(QBXMLError) -> Void,
                includes: (inout QBXMLWriter) -> Void) throws(QBXMLError) {
        try writer.openQuery(name, requestID: requestID, iterator: iterator, version: version)
        try TxnQuerySelection.render(selection, into: &writer, version: version, request: name, afterFilter: afterFilter)
        includes(&writer)
        try writer.includeRetElements(includeRetElements, version: version)
        try writer.ownerIDs(ownerIDs, version: version, request: name)
        writer.close()
    }
}
