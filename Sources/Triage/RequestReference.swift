/// A list entry a request names besides its customer and invoices, with its kind.
///
/// The bridge passes these (deposit account, payment method, A/R account…) so that a 3120 naming
/// one of their ListIDs becomes `reference_missing` with the entry's name, not a bare ID.
public struct RequestReference: Sendable, Codable, Equatable {
    /// What kind of list entry it is.
    public var kind: ReferenceKind
    /// The entry as the request names it.
    public var reference: ListReference

    /// Describes one list entry the request refers to.
    public init(kind: ReferenceKind, listID: String? = nil, fullName: String? = nil) {
        self.kind = kind
        self.reference = ListReference(listID: listID, fullName: fullName)
    }
}
