/// One `…Rs` with all its records: the convenient form for small documents (`readAll`).
public struct QBXMLResponse: Sendable, Equatable {
    /// The response's attributes.
    public var header: QBXMLResponseHeader
    /// Its records in document order.
    public var records: [QBXMLRecord]

    /// A response.
    public init(header: QBXMLResponseHeader, records: [QBXMLRecord]) {
        self.header = header
        self.records = records
    }
}
