/// A reference to a list object as QuickBooks returns it (`CustomerRef`, `ARAccountRef`, `ItemRef` …):
/// `ListID` and/or `FullName` (docs/qbxml-messages.md, "Shared parts").
public struct ListRef: Sendable, Hashable, Codable {
    /// The object's ListID, when returned.
    public var listID: ListID?
    /// The object's full name (`Parent:Child` for sub-items and jobs), when returned.
    public var fullName: String?

    /// Creates a reference from either or both parts.
    public init(listID: ListID? = nil, fullName: String? = nil) {
        self.listID = listID
        self.fullName = fullName
    }
}

/// How a request names a list object: by `ListID` or by `FullName`, never both
/// (docs/qbxml-messages.md, "Shared parts": send one of the two; ListID wins if both were sent).
public enum RefSelector: Sendable, Hashable, Codable {
    /// By ListID (preferred: stable across renames).
    case listID(ListID)
    /// By full name, e.g. `Customer:Job` (max length depends on the ref, see the builders).
    case fullName(String)
}
