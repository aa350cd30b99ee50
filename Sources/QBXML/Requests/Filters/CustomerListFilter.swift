/// The customer list filter; its elements go directly into `CustomerQueryRq`, in this order
/// (docs/qbxml-messages.md, "Requests QBBridge sends": there is no `ModifiedDateRangeFilter` wrapper here).
public struct CustomerListFilter: Sendable, Hashable, Codable {
    /// At most this many customers (the page size with an iterator); at least 1.
    public var maxReturned: Int?
    /// Active, inactive or all; QuickBooks' default is active only.
    public var activeStatus: ActiveStatus?
    /// Modified at or after (host-local wall clock).
    public var fromModifiedDate: QBDateTime?
    /// Modified at or before (host-local wall clock).
    public var toModifiedDate: QBDateTime?
    /// Name match or range.
    public var name: NameFilter?
    /// Total balance comparison.
    public var totalBalance: TotalBalanceFilter?
    /// Currencies (qbXML 8.0).
    public var currency: CurrencyFilter?
    /// Classes (qbXML 12.0; full names up to 159 characters).
    public var classFilter: EntityFilter?

    /// A filter; every part is optional.
    public init(maxReturned: Int? = nil, activeStatus: ActiveStatus? = nil, fromModifiedDate: QBDateTime? = nil,
                toModifiedDate: QBDateTime? = nil, name: NameFilter? = nil, totalBalance: TotalBalanceFilter? = nil,
                currency: CurrencyFilter? = nil, classFilter: EntityFilter? = nil) {
        self.maxReturned = maxReturned
        self.activeStatus = activeStatus
        self.fromModifiedDate = fromModifiedDate
        self.toModifiedDate = toModifiedDate
        self.name = name
        self.totalBalance = totalBalance
        self.currency = currency
        self.classFilter = classFilter
    }

    var minimumVersion: QBXMLVersion {
        if classFilter != nil { return .v12_0 }
        if currency != nil { return .v8_0 }
        return .v1_0
    }

    func render(into writer: inout QBXMLWriter, version: QBXMLVersion, request: String) throws(QBXMLError) {
        if let maxReturned { try writer.element("MaxReturned", maxReturned, minimum: 1) }
        if let activeStatus { try writer.element("ActiveStatus", activeStatus.rawValue) }
        if let fromModifiedDate { try writer.element("FromModifiedDate", fromModifiedDate) }
        if let toModifiedDate { try writer.element("ToModifiedDate", toModifiedDate) }
        try name?.render(into: &writer)
        if let totalBalance {
            try writer.open("TotalBalanceFilter")
            try writer.element("Operator", totalBalance.operator.rawValue)
            writer.element("Amount", totalBalance.amount)
            writer.close()
        }
        if let currency {
            guard version >= .v8_0 else {
                throw .requiresNewerVersion(request: request, feature: "CurrencyFilter", required: .v8_0, negotiated: version)
            }
            try currency.render(into: &writer)
        }
        if let classFilter {
            guard version >= .v12_0 else {
                throw .requiresNewerVersion(request: request, feature: "ClassFilter", required: .v12_0, negotiated: version)
            }
            try classFilter.render("ClassFilter", into: &writer, fullNameMaxLength: QBXMLLimits.accountFullName)
        }
    }
}

/// `ActiveStatus` of a list query.
public enum ActiveStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Active objects only (QuickBooks' default).
    case activeOnly = "ActiveOnly"
    /// Inactive objects only.
    case inactiveOnly = "InactiveOnly"
    /// Both.
    case all = "All"
}

/// `NameFilter` or `NameRangeFilter` (mutually exclusive).
public enum NameFilter: Sendable, Hashable, Codable {
    /// Names that start with, contain or end with the text.
    case match(MatchCriterion, String)
    /// Names in [from, to].
    case range(from: String?, to: String?)

    func render(into writer: inout QBXMLWriter) throws(QBXMLError) {
        switch self {
        case .match(let criterion, let name):
            try writer.open("NameFilter")
            try writer.element("MatchCriterion", criterion.rawValue)
            try writer.element("Name", name)
            writer.close()
        case .range(let from, let to):
            try writer.open("NameRangeFilter")
            if let from { try writer.element("FromName", from) }
            if let to { try writer.element("ToName", to) }
            writer.close()
        }
    }
}

/// `TotalBalanceFilter`: customers whose total balance compares to an amount.
public struct TotalBalanceFilter: Sendable, Hashable, Codable {
    /// The comparison.
    public var `operator`: BalanceOperator
    /// The amount compared with.
    public var amount: Money

    /// A balance comparison.
    public init(_ operator: BalanceOperator, _ amount: Money) {
        self.operator = `operator`
        self.amount = amount
    }
}

/// qbXML `Operator` values of `TotalBalanceFilter`.
public enum BalanceOperator: String, Sendable, Hashable, Codable, CaseIterable {
    /// A comparison (raw value = qbXML spelling).
    case lessThan = "LessThan", lessThanEqual = "LessThanEqual", equal = "Equal"
    /// A comparison (raw value = qbXML spelling).
    case greaterThan = "GreaterThan", greaterThanEqual = "GreaterThanEqual"
}
