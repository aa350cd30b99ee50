/// `EntityFilter`, `AccountFilter` and `ClassFilter`: one of ListID+, FullName+, ListIDWithChildren
/// or FullNameWithChildren (docs/qbxml-messages.md, "Shared parts"). "WithChildren" includes jobs / sub-accounts.
public enum EntityFilter: Sendable, Hashable, Codable {
    /// These objects exactly (at least one).
    case listIDs([ListID])
    /// These objects by full name (at least one).
    case fullNames([String])
    /// This object and its children (jobs of a customer, sub-accounts).
    case listIDWithChildren(ListID)
    /// This object, by full name, and its children.
    case fullNameWithChildren(String)

    func render(_ name: String, into writer: inout QBXMLWriter, fullNameMaxLength: Int) throws(QBXMLError) {
        try writer.open(name)
        switch self {
        case .listIDs(let ids):
            guard !ids.isEmpty else { throw .emptyField(field: writer.path("ListID")) }
            for id in ids { try writer.element("ListID", id.rawValue, maxLength: QBXMLLimits.id) }
        case .fullNames(let names):
            guard !names.isEmpty else { throw .emptyField(field: writer.path("FullName")) }
            for name in names { try writer.element("FullName", name, maxLength: fullNameMaxLength) }
        case .listIDWithChildren(let id):
            try writer.element("ListIDWithChildren", id.rawValue, maxLength: QBXMLLimits.id)
        case .fullNameWithChildren(let name):
            try writer.element("FullNameWithChildren", name, maxLength: fullNameMaxLength)
        }
        writer.close()
    }
}

/// `CurrencyFilter` (qbXML 8.0): ListID+ or FullName+ (max 64).
public enum CurrencyFilter: Sendable, Hashable, Codable {
    /// Currencies by ListID.
    case listIDs([ListID])
    /// Currencies by name.
    case fullNames([String])

    func render(into writer: inout QBXMLWriter) throws(QBXMLError) {
        try writer.open("CurrencyFilter")
        switch self {
        case .listIDs(let ids):
            guard !ids.isEmpty else { throw .emptyField(field: writer.path("ListID")) }
            for id in ids { try writer.element("ListID", id.rawValue, maxLength: QBXMLLimits.id) }
        case .fullNames(let names):
            guard !names.isEmpty else { throw .emptyField(field: writer.path("FullName")) }
            for name in names { try writer.element("FullName", name, maxLength: QBXMLLimits.currencyFullName) }
        }
        writer.close()
    }
}
