/// The transaction filter group shared by Invoice-, CreditMemo- and ReceivePaymentQueryRq
/// (docs/qbxml-messages.md, "Shared parts"), rendered in qbXML's order:
/// MaxReturned, date range, EntityFilter, AccountFilter, reference-number filter, CurrencyFilter.
public struct TxnFilter: Sendable, Hashable, Codable {
    /// At most this many transactions (the page size with an iterator); at least 1.
    public var maxReturned: Int?
    /// Modified-date or transaction-date range.
    public var dateRange: DateRangeFilter?
    /// The customer (use `.listIDWithChildren` to include jobs).
    public var entity: EntityFilter?
    /// The A/R account.
    public var account: EntityFilter?
    /// Reference-number match or range.
    public var refNumber: RefNumberFilter?
    /// Currencies (qbXML 8.0).
    public var currency: CurrencyFilter?

    /// A filter; every part is optional.
    public init(maxReturned: Int? = nil, dateRange: DateRangeFilter? = nil, entity: EntityFilter? = nil,
                account: EntityFilter? = nil, refNumber: RefNumberFilter? = nil, currency: CurrencyFilter? = nil) {
        self.maxReturned = maxReturned
        self.dateRange = dateRange
        self.entity = entity
        self.account = account
        self.refNumber = refNumber
        self.currency = currency
    }

    var minimumVersion: QBXMLVersion {
        currency == nil ? .v1_0 : .v8_0
    }

    func render(into writer: inout QBXMLWriter, version: QBXMLVersion, request: String) throws(QBXMLError) {
        if let maxReturned { try writer.element("MaxReturned", maxReturned, minimum: 1) }
        try dateRange?.render(into: &writer)
        try entity?.render("EntityFilter", into: &writer, fullNameMaxLength: QBXMLLimits.customerFullName)
        try account?.render("AccountFilter", into: &writer, fullNameMaxLength: QBXMLLimits.accountFullName)
        try refNumber?.render(into: &writer)
        if let currency {
            guard version >= .v8_0 else {
                throw .requiresNewerVersion(request: request, feature: "CurrencyFilter", required: .v8_0, negotiated: version)
            }
            try currency.render(into: &writer)
        }
    }
}

/// What a transaction query selects: specific TxnIDs or RefNumbers, or a filter
/// (the schema's outer choice, docs/qbxml-messages.md, "Requests QBBridge sends"; lists and filters cannot be combined).
public enum TxnQuerySelection: Sendable, Hashable, Codable {
    /// These transactions (at least one). One unknown ID can turn the response into 500/Warn.
    case txnIDs([TxnID])
    /// These reference numbers (at least one); the match presumably ignores case.
    case refNumbers([String])
    /// These reference numbers, matched case-sensitively (qbXML 4.0).
    case refNumbersCaseSensitive([String])
    /// A filter.
    case filter(TxnFilter)

    var minimumVersion: QBXMLVersion {
        switch self {
        case .refNumbersCaseSensitive: return .v4_0
        case .filter(let filter): return filter.minimumVersion
        case .txnIDs, .refNumbers: return .v1_0
        }
    }

    /// Writes the selection. `afterFilter` writes elements that belong at the end of the filter
    /// group (PaidStatus), called with an empty filter when the selection is nil.
    static func render(_ selection: TxnQuerySelection?, into writer: inout QBXMLWriter, version: QBXMLVersion,
                       request: String, afterFilter: (inout QBXMLWriter) throws(QBXMLError) -> Void) throws(QBXMLError) {
        switch selection {
        case .txnIDs(let ids):
            guard !ids.isEmpty else { throw .emptyField(field: writer.path("TxnID")) }
            for id in ids { try writer.element("TxnID", id.rawValue, maxLength: QBXMLLimits.id) }
        case .refNumbers(let numbers):
            guard !numbers.isEmpty else { throw .emptyField(field: writer.path("RefNumber")) }
            for number in numbers { try writer.element("RefNumber", number) }
        case .refNumbersCaseSensitive(let numbers):
            guard version >= .v4_0 else {
                throw .requiresNewerVersion(request: request, feature: "RefNumberCaseSensitive", required: .v4_0, negotiated: version)
            }
            guard !numbers.isEmpty else { throw .emptyField(field: writer.path("RefNumberCaseSensitive")) }
            for number in numbers { try writer.element("RefNumberCaseSensitive", number) }
        case .filter(let filter):
            try filter.render(into: &writer, version: version, request: request)
            try afterFilter(&writer)
        case nil:
            try afterFilter(&writer)
        }
    }
}
