import Foundation
public import Domain
public import Store
import Triage

/// What an upstream app sends to `POST /companies/{id}/customer-mappings`: its own customer id and
/// either the QuickBooks ListID, or a name and/or email to find the customer among those pulled.
public struct CustomerMappingInput: Decodable, Sendable {
    public var externalId: String?
    public var listId: String?
    public var name: String?
    public var email: String?
    /// Replace an existing mapping of the same externalId to another customer (default false: 409).
    public var replace: Bool?

    /// Creates an input.
    public init(externalId: String?, listId: String? = nil, name: String? = nil, email: String? = nil, replace: Bool? = nil) {
        self.externalId = externalId
        self.listId = listId
        self.name = name
        self.email = email
        self.replace = replace
    }
}

/// The result of asking for a mapping by match.
public enum MappingOutcome: Sendable {
    /// Mapped (newly, or the same mapping again).
    case mapped(CustomerMapping, created: Bool)
    /// Several customers matched: a failure record says which, nothing was mapped.
    case conflict(FailureRecord)
}

/// Maps upstream customer ids to QuickBooks ListIDs, explicitly or by an exact match on email or name
/// against the pulled customers (payment enqueueing reads them from the store).
public struct CustomerMappingService: Sendable {
    let store: Store

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// Creates a mapping. A match on several customers is a `mapping_conflict` failure record (support
    /// sees it with the candidates), never a guess; no match at all is a 422.
    public func map(_ input: CustomerMappingInput, companyID: CompanyID, actor: String) async throws -> MappingOutcome {
        guard try await store.companies.find(companyID) != nil else { throw BridgeError.notFound("company", companyID.rawValue) }
        let externalID = input.externalId?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var fields: [String: String] = [:]
        if externalID.isEmpty || externalID.count > 100 { fields["externalId"] = "is required: your id for the customer, 1–100 characters" }
        let listID = input.listId?.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = input.name?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let email = input.email?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let listID, listID.isEmpty || listID.count > 36 { fields["listId"] = "must be a QuickBooks ListID (≤ 36 characters)" }
        if listID != nil, name != nil || email != nil { fields["listId"] = "give either listId, or name and/or email to match; not both" }
        if listID == nil, name == nil, email == nil { fields["listId"] = "give listId, or name and/or email to match against the pulled customers" }
        guard fields.isEmpty else { throw BridgeError.invalidInput(fields) }

        let existing = try await store.customerMappings.find(companyID: companyID, externalID: externalID)
        if let listID {
            let customer = try await store.snapshots.customer(companyID: companyID, listID: listID)
            return try await save(CustomerMapping(companyID: companyID, externalID: externalID, listID: listID, fullName: customer?.fullName,
                                                  source: .explicit, matchedBy: nil, createdAt: .now, updatedAt: .now),
                                  existing: existing, replace: input.replace ?? false, actor: actor)
        }
        var candidates: [CustomerCandidate] = []
        var matchedBy = "email"
        if let email {
            candidates = try await store.snapshots.customers(companyID: companyID, email: email).map { Self.candidate($0, by: "email") }
        }
        if candidates.isEmpty, let name {
            matchedBy = "name"
            candidates = try await store.snapshots.customers(companyID: companyID, named: name).map { Self.candidate($0, by: "name") }
        }
        // Prefer active customers: an inactive duplicate is usually the old record.
        let active = candidates.filter(\.isActive)
        if active.count == 1, candidates.count > 1 { candidates = active }
        let lookedFor = [email.map { "email \"\($0)\"" }, name.map { "name \"\($0)\"" }].compactMap { $0 }.joined(separator: " or ")
        switch candidates.count {
        case 0:
            let counts = try await store.snapshots.counts(companyID: companyID)
            let hint = counts.customers == 0
                ? "no customers have been pulled for this company yet: POST /api/v1/companies/{id}/pulls with {\"kind\": \"customers\"} first, or give listId"
                : "none of the \(counts.customers) pulled customers has that \(matchedBy); check the spelling, pull customers again, or give listId"
            throw BridgeError.invalidInput([email != nil && name == nil ? "email" : "name": hint])
        case 1:
            let match = candidates[0]
            return try await save(CustomerMapping(companyID: companyID, externalID: externalID, listID: match.listID, fullName: match.fullName,
                                                  source: .matched, matchedBy: match.matchedBy, createdAt: .now, updatedAt: .now),
                                  existing: existing, replace: input.replace ?? false, actor: actor)
        default:
            let draft = Classifier.mappingConflict(externalID: externalID, lookedFor: lookedFor, candidates: candidates)
            var record = NewFailure(draft, companyID: companyID, jobID: nil)
            record.subject = CustomerMappings.subject(externalID: externalID)
            let id = try await store.failures.recordSubject(record)
            guard let failure = try await store.failures.find(id) else { throw BridgeError.notFound("failure", id.rawValue) }
            return .conflict(failure)
        }
    }

    private func save(_ mapping: CustomerMapping, existing: CustomerMapping?, replace: Bool, actor: String) async throws -> MappingOutcome {
        if let existing {
            if existing.listID == mapping.listID { return .mapped(existing, created: false) }
            guard replace else {
                throw BridgeError.conflict("Customer \(mapping.externalID) is already mapped to QuickBooks customer \(existing.fullName ?? existing.listID) (\(existing.listID)); send \"replace\": true to map it to \(mapping.fullName ?? mapping.listID) instead.")
            }
        }
        return .mapped(try await store.customerMappings.save(mapping, actor: actor), created: existing == nil)
    }


    static func candidate(_ customer: StoredCustomer, by matchedBy: String) -> CustomerCandidate {
        CustomerCandidate(listID: customer.listID, fullName: customer.fullName, email: customer.email, matchedBy: matchedBy, isActive: customer.isActive)
    }

    /// Removes a mapping; false when there was none.
    public func remove(companyID: CompanyID, externalID: String, actor: String) async throws -> Bool {
        try await store.customerMappings.remove(companyID: companyID, externalID: externalID, actor: actor)
    }
}
