extension QBXMLWriter {
    /// Writes `IncludeRetElement` elements (qbXML 4.0). Below 4.0 they are left out: QuickBooks then
    /// returns whole records, which is more data, not different data.
    mutating func includeRetElements(_ names: [String], version: QBXMLVersion) throws(QBXMLError) {
        guard version >= .v4_0 else { return }
        for name in names { try element("IncludeRetElement", name, maxLength: QBXMLLimits.includeRetElement) }
    }

    /// Writes `OwnerID` elements (qbXML 2.0), each `0` or a braced GUID. Not left out on old versions,
    /// since the caller asked for custom fields it would otherwise silently not get.
    mutating func ownerIDs(_ ids: [String], version: QBXMLVersion, request: String) throws(QBXMLError) {
        guard !ids.isEmpty else { return }
        guard version >= .v2_0 else {
            throw .requiresNewerVersion(request: request, feature: "OwnerID", required: .v2_0, negotiated: version)
        }
        for id in ids {
            guard let guid = QBGUID(id) else {
                throw .invalidValue(field: path("OwnerID"), value: id, expected: "0 or a GUID in braces like {6B29FC40-CA47-1067-B31D-00DD010662DA}")
            }
            element("OwnerID", guid)
        }
    }

    /// Opens a query's `…Rq` element with requestID and iterator attributes (iterators need 5.0).
    mutating func openQuery(_ name: String, requestID: String, iterator: IteratorRequest?, version: QBXMLVersion) throws(QBXMLError) {
        var attributes: [(name: String, value: String?)] = [("requestID", requestID)]
        if let iterator {
            guard version >= IteratorRequest.since else {
                throw .requiresNewerVersion(request: name, feature: "iterator", required: IteratorRequest.since, negotiated: version)
            }
            try iterator.check(field: path(name))
            attributes += iterator.attributes
        }
        try open(name, attributes: attributes)
    }
}
