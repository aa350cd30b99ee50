import Foundation

/// A QuickBooks list entry as a request or a record names it: by ListID, by full name, or both.
///
/// Used for the payment's customer and for the customer and A/R account an invoice points at,
/// so the classifier can name them in texts and compare them (docs/failure-catalogue.md, "The invoice check").
public struct ListReference: Sendable, Codable, Equatable {
    /// The QuickBooks ListID, e.g. `"80000456-1690000000"`.
    public var listID: String?
    /// The full name as QuickBooks shows it, e.g. `"Acme Supply"` or `"Acme Supply:Job 7"`.
    public var fullName: String?

    /// Names a list entry by ID, name, or both.
    public init(listID: String? = nil, fullName: String? = nil) {
        self.listID = listID
        self.fullName = fullName
    }

    /// True when both sides identify the entry the same way and disagree; unknown parts never mismatch.
    func differs(from other: ListReference) -> Bool {
        if let mine = listID, let theirs = other.listID { return mine != theirs }
        if let mine = fullName, let theirs = other.fullName {
            return mine.caseInsensitiveCompare(theirs) != .orderedSame
        }
        return false
    }

    /// The name for evidence, falling back to the ListID.
    var displayName: String? {
        fullName ?? listID
    }

    /// The name for a sentence a person reads: the full name only, never the bare ListID
    /// (docs/failure-catalogue.md, "The record": identifiers stay in the evidence).
    var readableName: String? {
        guard let fullName, !fullName.isEmpty else { return nil }
        return fullName
    }
}
