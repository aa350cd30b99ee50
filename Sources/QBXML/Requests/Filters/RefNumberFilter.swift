/// The reference-number part of a transaction filter: `RefNumberFilter` or `RefNumberRangeFilter`,
/// mutually exclusive (docs/qbxml-messages.md, "Shared parts").
public enum RefNumberFilter: Sendable, Hashable, Codable {
    /// Reference numbers that start with, contain or end with the text.
    case match(MatchCriterion, String)
    /// Reference numbers in [from, to]; compared as numbers when all digits, else as text.
    case range(from: String?, to: String?)

    func render(into writer: inout QBXMLWriter) throws(QBXMLError) {
        switch self {
        case .match(let criterion, let refNumber):
            try writer.open("RefNumberFilter")
            try writer.element("MatchCriterion", criterion.rawValue)
            try writer.element("RefNumber", refNumber)
            writer.close()
        case .range(let from, let to):
            try writer.open("RefNumberRangeFilter")
            if let from { try writer.element("FromRefNumber", from) }
            if let to { try writer.element("ToRefNumber", to) }
            writer.close()
        }
    }
}

/// How a text filter matches (qbXML `MatchCriterion`).
public enum MatchCriterion: String, Sendable, Hashable, Codable, CaseIterable {
    /// The value starts with the text.
    case startsWith = "StartsWith"
    /// The value contains the text.
    case contains = "Contains"
    /// The value ends with the text.
    case endsWith = "EndsWith"
}

/// `PaidStatus` of an invoice query (docs/qbxml-messages.md, "Requests QBBridge sends").
public enum PaidStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Paid and open invoices.
    case all = "All"
    /// Only fully paid invoices.
    case paidOnly = "PaidOnly"
    /// Only invoices with a balance.
    case notPaidOnly = "NotPaidOnly"
}
