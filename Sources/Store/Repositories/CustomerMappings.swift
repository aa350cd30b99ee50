public import Domain
import Foundation
import SQLKit

/// Upstream customer ids mapped to QuickBooks ListIDs. Saving a mapping resolves an open conflict record
/// about the same upstream id in the same transaction.
public struct CustomerMappings: Sendable {
    let database: Database

    /// The failure-record subject of an upstream customer id.
    public static func subject(externalID: String) -> String { "customer-mapping:" + externalID }

    /// Creates or replaces a mapping, with its activity entry.
    public func save(_ mapping: CustomerMapping, actor: String, now: Timestamp = .now) async throws -> CustomerMapping {
        try await database.transaction { sql in
            let existing = try await Self.find(mapping.companyID, mapping.externalID, on: sql)
            try await sql.insert(into: "customer_mappings")
                .columns("company_id", "external_id", "list_id", "full_name", "source", "matched_by", "created_at", "updated_at")
                .values(SQLBind(mapping.companyID.rawValue), SQLBind(mapping.externalID), SQLBind(mapping.listID), SQLBind(mapping.fullName),
                        SQLBind(mapping.source.rawValue), SQLBind(mapping.matchedBy), SQLBind(now.milliseconds), SQLBind(now.milliseconds))
                .onConflict(with: ["company_id", "external_id"]) { update in
                    update.set(excludedValueOf: "list_id").set(excludedValueOf: "full_name").set(excludedValueOf: "source")
                        .set(excludedValueOf: "matched_by").set(excludedValueOf: "updated_at")
                }
                .run()
            var detail = ["externalId": mapping.externalID, "listId": mapping.listID, "source": mapping.source.rawValue]
            if let previous = existing, previous.listID != mapping.listID { detail["previousListId"] = previous.listID }
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: mapping.companyID, subject: "customer_mapping", subjectID: mapping.externalID,
                            action: existing == nil ? "mapping.created" : "mapping.updated", detail: detail),
                on: sql, at: now
            )
            try await Failures.resolveSubject(Self.subject(externalID: mapping.externalID), companyID: mapping.companyID,
                                              reason: "Mapped to QuickBooks customer \(mapping.fullName ?? mapping.listID).", on: sql, now: now)
            guard let saved = try await Self.find(mapping.companyID, mapping.externalID, on: sql) else {
                throw StoreError.notFound(kind: "customer mapping", id: mapping.externalID)
            }
            return saved
        }
    }

    /// One mapping.
    public func find(companyID: CompanyID, externalID: String) async throws -> CustomerMapping? {
        try await database.read { sql in try await Self.find(companyID, externalID, on: sql) }
    }

    /// A company's mappings in upstream-id order, a page at a time.
    public func list(companyID: CompanyID, limit: Int = 100, after: String? = nil) async throws -> [CustomerMapping] {
        try await database.read { sql in
            var select = sql.select().column(SQLLiteral.all).from("customer_mappings").where("company_id", .equal, SQLBind(companyID.rawValue))
            if let after { select = select.where("external_id", .greaterThan, SQLBind(after)) }
            return try await select.orderBy("external_id").limit(max(1, min(limit, 1000))).all().map(Self.mapping)
        }
    }

    /// How many mappings a company has.
    public func count(companyID: CompanyID) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM customer_mappings WHERE company_id = \(bind: companyID.rawValue)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Removes a mapping; false when there was none.
    public func remove(companyID: CompanyID, externalID: String, actor: String, now: Timestamp = .now) async throws -> Bool {
        try await database.transaction { sql in
            guard let existing = try await Self.find(companyID, externalID, on: sql) else { return false }
            try await sql.delete(from: "customer_mappings").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where("external_id", .equal, SQLBind(externalID)).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: companyID, subject: "customer_mapping", subjectID: externalID, action: "mapping.removed",
                            detail: ["listId": existing.listID]),
                on: sql, at: now
            )
            return true
        }
    }

    static func find(_ companyID: CompanyID, _ externalID: String, on sql: any SQLDatabase) async throws -> CustomerMapping? {
        try await sql.select().column(SQLLiteral.all).from("customer_mappings").where("company_id", .equal, SQLBind(companyID.rawValue))
            .where("external_id", .equal, SQLBind(externalID)).first().map(Self.mapping)
    }

    static func mapping(_ row: any SQLRow) throws -> CustomerMapping {
        let source = try row.decode(column: "source", as: String.self)
        return CustomerMapping(
            companyID: CompanyID(try row.decode(column: "company_id", as: String.self)),
            externalID: try row.decode(column: "external_id", as: String.self), listID: try row.decode(column: "list_id", as: String.self),
            fullName: try row.decode(column: "full_name", as: String?.self), source: CustomerMapping.Source(rawValue: source) ?? .explicit,
            matchedBy: try row.decode(column: "matched_by", as: String?.self),
            createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Timestamp(milliseconds: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
