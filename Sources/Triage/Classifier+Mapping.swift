/// A QuickBooks customer that matched an upstream customer id by name or email.
public struct CustomerCandidate: Sendable, Codable, Equatable {
    /// QuickBooks' ListID.
    public var listID: String
    /// The customer's FullName.
    public var fullName: String?
    /// The customer's email.
    public var email: String?
    /// `email` or `name`: what matched.
    public var matchedBy: String
    /// The customer is inactive in QuickBooks.
    public var isActive: Bool

    /// Creates a candidate.
    public init(listID: String, fullName: String?, email: String?, matchedBy: String, isActive: Bool) {
        self.listID = listID
        self.fullName = fullName
        self.email = email
        self.matchedBy = matchedBy
        self.isActive = isActive
    }
}

extension Classifier {
    /// The record for an upstream customer id that matched several QuickBooks customers: QBBridge does not
    /// pick one, because payments posted to the wrong customer are hard to move.
    public static func mappingConflict(externalID: String, lookedFor: String, candidates: [CustomerCandidate]) -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = "customer_mapping"
        evidence.externalCustomerID = externalID
        evidence.customerCandidates = candidates
        let names = candidates.prefix(4).map { candidate in
            "\(candidate.fullName ?? candidate.listID)\(candidate.isActive ? "" : " (inactive)")"
        }
        let list = names.joined(separator: ", ") + (candidates.count > 4 ? " and \(candidates.count - 4) more" : "")
        return FailureRecordDraft(
            category: .mappingConflict,
            title: "Customer \(externalID) matches \(candidates.count) QuickBooks customers",
            summary: "QBBridge looked for \(lookedFor) to map your customer \(externalID) and found \(candidates.count) customers in QuickBooks: \(list). It will not guess which one should receive payments, so payments naming \(externalID) are refused until it is mapped.",
            evidence: evidence,
            resolution: [
                "Decide which QuickBooks customer is \(externalID); the candidates and their ListIDs are listed in the evidence.",
                "If the others are duplicates, merge them in QuickBooks (Customer Center → Edit Customer → rename to the surviving name), then pull customers again.",
                "Map it explicitly: POST /api/v1/companies/{id}/customer-mappings with {\"externalId\": \"\(externalID)\", \"listId\": \"<ListID>\"}; this record is resolved by itself.",
            ],
            actions: CategoryPolicy.for(.mappingConflict).actions,
            retryPolicy: nil
        )
    }
}
