import Foundation
import SQLKit

/// Company connections: created by admins, read on every Web Connector call.
public struct Companies: Sendable {
    let database: Database

    /// Creates a company with a fresh FileID; fails with `.conflict` when the user name is taken.
    public func create(_ new: NewCompany, actor: String) async throws -> Company {
        let id = CompanyID.random()
        let now = Timestamp.now
        let fileID = "{" + UUID().uuidString.uppercased() + "}"
        do {
            try await database.transaction { sql in
                if try await sql.select().column("id").from("companies")
                    .where(SQLFunction("LOWER", args: SQLIdentifier("username")), .equal, SQLBind(new.username.lowercased())).first() != nil {
                    throw StoreError.conflict(field: "username", value: new.username)
                }
                try await sql.insert(into: "companies")
                    .columns("id", "name", "username", "password_hash", "file_id", "run_every_minutes", "sync_start_date",
                             "read_only", "created_at", "updated_at")
                    .values(SQLBind(id.rawValue), SQLBind(new.name), SQLBind(new.username), SQLBind(new.passwordHash),
                            SQLBind(fileID), SQLBind(new.runEveryMinutes), SQLBind(new.syncStartDate), SQLBind(new.readOnly),
                            SQLBind(now.milliseconds), SQLBind(now.milliseconds))
                    .run()
                try await ActivityLog.append(
                    NewActivity(actor: actor, companyID: id, subject: "company", subjectID: id.rawValue, action: "company.created",
                                detail: ["name": new.name, "username": new.username, "runEveryMinutes": String(new.runEveryMinutes)]),
                    on: sql, at: now
                )
            }
        } catch let error as StoreError {
            throw error
        } catch {
            // A racing create with the same user name loses on the unique index.
            if Database.isUniqueViolation(error) { throw StoreError.conflict(field: "username", value: new.username) }
            throw error
        }
        guard let company = try await find(id) else { throw StoreError.notFound(kind: "company", id: id.rawValue) }
        return company
    }

    /// All companies by name.
    public func all() async throws -> [Company] {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("companies").orderBy("name").all().map(Self.company)
        }
    }

    /// One company.
    public func find(_ id: CompanyID) async throws -> Company? {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("companies").where("id", .equal, SQLBind(id.rawValue)).first().map(Self.company)
        }
    }

    /// A company and its password hash by Web Connector user name (case-insensitive, as Windows users type it).
    public func credentials(username: String) async throws -> (company: Company, passwordHash: String)? {
        try await database.read { sql in
            guard let row = try await sql.select().column(SQLLiteral.all).from("companies")
                .where(SQLFunction("LOWER", args: SQLIdentifier("username")), .equal, SQLBind(username.lowercased())).first() else { return nil }
            return (try Self.company(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    /// Stores what QuickBooks reported about itself (the HCP response of a session).
    public func recordQuickBooksInfo(_ id: CompanyID, _ info: QuickBooksInfo) async throws {
        let versions = info.supportedQBXMLVersions.joined(separator: ",")
        try await database.transaction { sql in
            try await sql.update("companies")
                .set("qb_product", to: SQLBind(info.product)).set("qb_version", to: SQLBind(info.version))
                .set("qb_country", to: SQLBind(info.country)).set("qb_file_mode", to: SQLBind(info.fileMode))
                .set("qbxml_supported", to: SQLBind(versions)).set("qbxml_version", to: SQLBind(info.qbxmlVersion))
                .set("company_file", to: SQLBind(info.companyFile)).set("qb_company_name", to: SQLBind(info.companyName))
                .set("auto_apply_payments", to: SQLBind(info.autoApplyPayments))
                .set("hcp_at", to: SQLBind(info.reportedAt?.milliseconds))
                .where("id", .equal, SQLBind(id.rawValue)).run()
            try await ActivityLog.append(
                NewActivity(actor: "web-connector", companyID: id, subject: "company", subjectID: id.rawValue, action: "company.quickbooks_reported",
                            detail: ["product": info.product ?? "", "qbxmlVersion": info.qbxmlVersion ?? "", "country": info.country ?? "",
                                     "companyFile": info.companyFile ?? ""]),
                on: sql
            )
        }
    }

    /// Records that the company file carries our FileID stamp (or clears the problem text when it does).
    public func recordFileVerified(_ id: CompanyID, at time: Timestamp) async throws {
        try await database.withConnection { sql in
            try await sql.update("companies").set("file_verified_at", to: SQLBind(time.milliseconds))
                .where("id", .equal, SQLBind(id.rawValue)).run()
        }
    }

    /// Sets or clears the company's current connection problem.
    public func setConnectionProblem(_ id: CompanyID, _ problem: String?) async throws {
        try await database.withConnection { sql in
            var update = sql.update("companies").set("connection_problem", to: SQLBind(problem)).where("id", .equal, SQLBind(id.rawValue))
            if problem == nil { update = update.where("connection_problem", .isNot, SQLLiteral.null) }
            try await update.run()
        }
    }

    /// Changes the admin-editable settings; nil leaves a field as it is.
    public func update(_ id: CompanyID, name: String? = nil, runEveryMinutes: Int? = nil, syncStartDate: String?? = nil,
                       readOnly: Bool? = nil, passwordHash: String? = nil, pullInvoicesEverySync: Bool? = nil,
                       depositSettings: String?? = nil, actor: String) async throws -> Company {
        try await database.transaction { sql in
            var update = sql.update("companies").set("updated_at", to: SQLBind(Timestamp.now.milliseconds))
            var changed: [String: String] = [:]
            if let name { update = update.set("name", to: SQLBind(name)); changed["name"] = name }
            if let runEveryMinutes { update = update.set("run_every_minutes", to: SQLBind(runEveryMinutes)); changed["runEveryMinutes"] = String(runEveryMinutes) }
            if let syncStartDate { update = update.set("sync_start_date", to: SQLBind(syncStartDate)); changed["syncStartDate"] = syncStartDate ?? "" }
            if let readOnly { update = update.set("read_only", to: SQLBind(readOnly)); changed["readOnly"] = String(readOnly) }
            if let pullInvoicesEverySync {
                update = update.set("pull_invoices_every_sync", to: SQLBind(pullInvoicesEverySync))
                changed["pullInvoicesEverySync"] = String(pullInvoicesEverySync)
            }
            if let depositSettings { update = update.set("deposit_settings", to: SQLBind(depositSettings)); changed["depositSettings"] = depositSettings ?? "defaults" }
            if let passwordHash { update = update.set("password_hash", to: SQLBind(passwordHash)); changed["password"] = "rotated" }
            try await update.where("id", .equal, SQLBind(id.rawValue)).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: id, subject: "company", subjectID: id.rawValue, action: "company.updated", detail: changed),
                on: sql
            )
        }
        guard let company = try await find(id) else { throw StoreError.notFound(kind: "company", id: id.rawValue) }
        return company
    }

    static func company(_ row: any SQLRow) throws -> Company {
        let stored = try row.decode(model: CompanyRow.self)
        return Company(
            id: CompanyID(stored.id), name: stored.name, username: stored.username, fileID: stored.fileId,
            runEveryMinutes: stored.runEveryMinutes, syncStartDate: stored.syncStartDate, readOnly: stored.readOnly,
            createdAt: Timestamp(milliseconds: stored.createdAt), updatedAt: Timestamp(milliseconds: stored.updatedAt),
            quickBooks: QuickBooksInfo(
                product: stored.qbProduct, version: stored.qbVersion, country: stored.qbCountry, fileMode: stored.qbFileMode,
                supportedQBXMLVersions: stored.qbxmlSupported.map { $0.split(separator: ",").map(String.init) } ?? [],
                qbxmlVersion: stored.qbxmlVersion, companyFile: stored.companyFile, companyName: stored.qbCompanyName,
                autoApplyPayments: stored.autoApplyPayments, reportedAt: stored.hcpAt.map(Timestamp.init(milliseconds:)),
                fileVerifiedAt: stored.fileVerifiedAt.map(Timestamp.init(milliseconds:))
            ),
            lastSessionAt: stored.lastSessionAt.map(Timestamp.init(milliseconds:)),
            lastSyncAt: stored.lastSyncAt.map(Timestamp.init(milliseconds:)),
            lastSessionSummary: stored.lastSessionSummary, connectionProblem: stored.connectionProblem,
            pullInvoicesEverySync: stored.pullInvoicesEverySync ?? false, depositSettings: stored.depositSettings
        )
    }
}

private struct CompanyRow: Decodable {
    var id: String
    var name: String
    var username: String
    var fileId: String
    var runEveryMinutes: Int
    var syncStartDate: String?
    var readOnly: Bool
    var createdAt: Int64
    var updatedAt: Int64
    var qbProduct: String?
    var qbVersion: String?
    var qbCountry: String?
    var qbFileMode: String?
    var qbxmlSupported: String?
    var qbxmlVersion: String?
    var companyFile: String?
    var qbCompanyName: String?
    var autoApplyPayments: Bool?
    var hcpAt: Int64?
    var fileVerifiedAt: Int64?
    var lastSessionAt: Int64?
    var lastSyncAt: Int64?
    var lastSessionSummary: String?
    var connectionProblem: String?
    var pullInvoicesEverySync: Bool?
    var depositSettings: String?

    /// Column names spelled out: decoding with `.convertFromSnakeCase` converts every key on every row.
    enum CodingKeys: String, CodingKey {
        case id
        case name
        case username
        case fileId = "file_id"
        case runEveryMinutes = "run_every_minutes"
        case syncStartDate = "sync_start_date"
        case readOnly = "read_only"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case qbProduct = "qb_product"
        case qbVersion = "qb_version"
        case qbCountry = "qb_country"
        case qbFileMode = "qb_file_mode"
        case qbxmlSupported = "qbxml_supported"
        case qbxmlVersion = "qbxml_version"
        case companyFile = "company_file"
        case qbCompanyName = "qb_company_name"
        case autoApplyPayments = "auto_apply_payments"
        case hcpAt = "hcp_at"
        case fileVerifiedAt = "file_verified_at"
        case lastSessionAt = "last_session_at"
        case lastSyncAt = "last_sync_at"
        case lastSessionSummary = "last_session_summary"
        case connectionProblem = "connection_problem"
        case pullInvoicesEverySync = "pull_invoices_every_sync"
        case depositSettings = "deposit_settings"
    }
}
