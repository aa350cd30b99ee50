public import Domain
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

    /// A page of companies by name after `cursor` (see `listCursor(after:)`), optionally only those whose name
    /// or Web Connector user name contains `search` (ignoring case): one statement, in `companies_name` order.
    public func page(search: String? = nil, after cursor: PageCursor? = nil, limit: Int = 100) async throws -> [Company] {
        let position = try cursor.map { cursor throws(StoreError) -> (name: String, id: String) in
            guard let name = cursor.text else { throw .invalidCursor }
            return (name, cursor.tieBreaker)
        }
        let pattern = search.map(LikePattern.containing)
        return try await database.read { sql in
            var query = sql.select().column(SQLLiteral.all).from("companies")
            if let pattern {
                query = query.where(SQLQueryString(
                    "(LOWER(name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(username) LIKE \(bind: pattern) ESCAPE '\\')"))
            }
            if let position { query = query.where(SQLQueryString("(name, id) > (\(bind: position.name), \(bind: position.id))")) }
            return try await query.orderBy("name").orderBy("id").limit(max(1, min(limit, 1000))).all().map(Self.company)
        }
    }

    /// The cursor of the page after `company` in `page`'s order.
    public static func listCursor(after company: Company) -> PageCursor {
        PageCursor(key: .text(company.name), tieBreaker: company.id.rawValue)
    }

    /// How many companies there are.
    public func count() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM companies").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// One company.
    public func find(_ id: CompanyID) async throws -> Company? {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM companies WHERE id = \(bind: id.rawValue)").first().map(Self.company)
        }
    }

    /// A company and its password hash by Web Connector user name (case-insensitive, as Windows users type it).
    public func credentials(username: String) async throws -> (company: Company, passwordHash: String)? {
        try await database.read { sql in
            // Served by the expression index `companies_username_lower` (migration 5).
            guard let row = try await sql.raw("SELECT * FROM companies WHERE LOWER(username) = \(bind: username.lowercased())").first()
            else { return nil }
            return (try Self.company(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    /// Stores what QuickBooks reported about itself (the HCP response of a session), with an activity entry.
    public func recordQuickBooksInfo(_ id: CompanyID, _ info: QuickBooksInfo) async throws {
        try await database.transaction { sql in try await Self.apply(.quickBooksReported(info, changed: true), to: id, on: sql) }
    }

    /// Records that the company file carries our FileID stamp.
    public func recordFileVerified(_ id: CompanyID, at time: Timestamp) async throws {
        try await database.withConnection { sql in try await Self.apply(.fileVerified(at: time), to: id, on: sql) }
    }

    /// Sets or clears the company's current connection problem.
    public func setConnectionProblem(_ id: CompanyID, _ problem: String?) async throws {
        try await database.withConnection { sql in try await Self.apply(.connectionProblem(problem), to: id, on: sql) }
    }

    /// Writes one fact about a company inside the caller's transaction. SQL text: this runs in most Web
    /// Connector sessions (see `Sessions.save(_:with:)`).
    static func apply(_ write: CompanyWrite, to id: CompanyID, on sql: any SQLDatabase, now: Timestamp = .now) async throws {
        switch write {
        case .quickBooksReported(let info, let changed):
            try await sql.raw("""
                UPDATE companies SET qb_product = \(bind: info.product), qb_version = \(bind: info.version),
                qb_country = \(bind: info.country), qb_file_mode = \(bind: info.fileMode),
                qbxml_supported = \(bind: info.supportedQBXMLVersions.joined(separator: ",")), qbxml_version = \(bind: info.qbxmlVersion),
                company_file = \(bind: info.companyFile), qb_company_name = \(bind: info.companyName),
                auto_apply_payments = \(bind: info.autoApplyPayments), hcp_at = \(bind: info.reportedAt?.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            guard changed else { return }
            try await ActivityLog.append(
                NewActivity(actor: "web-connector", companyID: id, subject: "company", subjectID: id.rawValue, action: "company.quickbooks_reported",
                            detail: ["product": info.product ?? "", "qbxmlVersion": info.qbxmlVersion ?? "", "country": info.country ?? "",
                                     "companyFile": info.companyFile ?? ""]),
                on: sql, at: now
            )
        case .fileVerified(let time):
            try await sql.raw("UPDATE companies SET file_verified_at = \(bind: time.milliseconds), file_unstamped_at = NULL WHERE id = \(bind: id.rawValue)").run()
        case .fileUnstamped(let time):
            // A stamp removed from a verified file: the file is no longer verified.
            try await sql.raw("UPDATE companies SET file_unstamped_at = \(bind: time.milliseconds), file_verified_at = NULL WHERE id = \(bind: id.rawValue)").run()
        case .connectionProblem(let problem?):
            try await sql.raw("UPDATE companies SET connection_problem = \(bind: problem) WHERE id = \(bind: id.rawValue)").run()
        case .connectionProblem(nil):
            try await sql.raw("UPDATE companies SET connection_problem = NULL WHERE id = \(bind: id.rawValue) AND connection_problem IS NOT NULL").run()
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

    /// A company from its row, column by column (read on every Web Connector call: a `Decodable` row model
    /// went through SQLKit's keyed decoder for each of its 26 columns).
    static func company(_ row: any SQLRow) throws -> Company {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func time(_ column: String) throws -> Timestamp? { try row.decode(column: column, as: Int64?.self).map(Timestamp.init(milliseconds:)) }
        return Company(
            id: CompanyID(try row.decode(column: "id", as: String.self)), name: try row.decode(column: "name", as: String.self),
            username: try row.decode(column: "username", as: String.self), fileID: try row.decode(column: "file_id", as: String.self),
            runEveryMinutes: try row.decode(column: "run_every_minutes", as: Int.self), syncStartDate: try text("sync_start_date"),
            readOnly: try row.decode(column: "read_only", as: Bool.self),
            createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Timestamp(milliseconds: try row.decode(column: "updated_at", as: Int64.self)),
            quickBooks: QuickBooksInfo(
                product: try text("qb_product"), version: try text("qb_version"), country: try text("qb_country"), fileMode: try text("qb_file_mode"),
                supportedQBXMLVersions: try text("qbxml_supported").map { $0.split(separator: ",").map(String.init) } ?? [],
                qbxmlVersion: try text("qbxml_version"), companyFile: try text("company_file"), companyName: try text("qb_company_name"),
                autoApplyPayments: try row.decode(column: "auto_apply_payments", as: Bool?.self), reportedAt: try time("hcp_at"),
                fileVerifiedAt: try time("file_verified_at"), fileUnstampedAt: try time("file_unstamped_at")
            ),
            lastSessionAt: try time("last_session_at"), lastSyncAt: try time("last_sync_at"),
            lastSessionSummary: try text("last_session_summary"), connectionProblem: try text("connection_problem"),
            pullInvoicesEverySync: try row.decode(column: "pull_invoices_every_sync", as: Bool?.self) ?? false,
            depositSettings: try text("deposit_settings")
        )
    }
}
