public import Domain
import Foundation
import SQLKit

/// The latest snapshot of every invoice and customer a pull returned. A pull page is written in the same
/// transaction as its job's progress, so a crash between pages loses nothing and repeats nothing that
/// matters (the rows are keyed by QuickBooks id and overwritten).
public struct Snapshots: Sendable {
    let database: Database

    /// Rows per INSERT statement: well under SQLite's 32,766 bound parameters at 18 columns.
    static let rowsPerStatement = 400

    /// What a finished full pull removes: stored rows its scope covers that QuickBooks no longer returned.
    public struct UnseenScope: Sendable {
        /// Invoices dated on or after this day (nil: all).
        public var fromTxnDate: String?
        /// Only rows that were open when stored (an open-only pull says nothing about paid invoices).
        public var openOnly: Bool

        /// Creates a scope.
        public init(fromTxnDate: String?, openOnly: Bool) {
            self.fromTxnDate = fromTxnDate
            self.openOnly = openOnly
        }
    }

    /// A page of records from one pull.
    public enum Page: Sendable {
        case invoices([StoredInvoice])
        case customers([StoredCustomer])

        /// Rows on the page.
        public var count: Int {
            switch self {
            case .invoices(let rows): rows.count
            case .customers(let rows): rows.count
            }
        }
    }

    /// How a pull ends with its last page.
    public struct Finish: Sendable {
        /// For a full pull: remove stored rows in this scope that the pull did not see.
        public var unseen: UnseenScope?
        /// The job's `result`, given how many rows were removed.
        public var result: @Sendable (_ removed: Int) -> String
        /// The activity entry (the removed count is added to it).
        public var activity: NewActivity

        /// Creates the finish.
        public init(unseen: UnseenScope?, result: @escaping @Sendable (_ removed: Int) -> String, activity: NewActivity) {
            self.unseen = unseen
            self.result = result
            self.activity = activity
        }
    }

    /// A page with its pull job's progress, and the pull's end when it is the last page: written together
    /// (`store(_:job:finish:)`, or with the session in `SessionCommit.pages`).
    public struct PageWrite: Sendable {
        public var page: Page
        public var job: Job
        public var finish: Finish?

        /// Creates the write.
        public init(_ page: Page, job: Job, finish: Finish? = nil) {
            self.page = page
            self.job = job
            self.finish = finish
        }
    }

    /// Stores a page and the pull job's progress in one transaction; with `finish`, also removes what a
    /// full pull no longer saw and records the job's result. Returns the rows removed.
    @discardableResult
    public func store(_ page: Page, job: Job, finish: Finish? = nil, now: Timestamp = .now) async throws -> Int {
        try await database.transaction { sql in try await Self.write(PageWrite(page, job: job, finish: finish), on: sql, now: now) }
    }

    /// `store(_:job:finish:)` inside a caller's transaction. Returns the rows removed.
    @discardableResult
    static func write(_ write: PageWrite, on sql: any SQLDatabase, now: Timestamp) async throws -> Int {
        switch write.page {
        case .invoices(let rows):
            for chunk in rows.chunked(Self.rowsPerStatement) { try await Self.upsert(Array(chunk), on: sql) }
        case .customers(let rows):
            for chunk in rows.chunked(Self.rowsPerStatement) { try await Self.upsert(Array(chunk), on: sql) }
        }
        var job = write.job
        var removed = 0
        if let finish = write.finish {
            if let unseen = finish.unseen { removed = try await Self.removeUnseen(job, unseen, on: sql) }
            job.result = finish.result(removed)
        }
        try await Jobs.save(job, on: sql, now: now)
        if var entry = write.finish?.activity {
            if removed > 0 { entry.detail["removed"] = String(removed) }
            try await ActivityLog.append(entry, on: sql, at: now)
        }
        return removed
    }

    static func removeUnseen(_ job: Job, _ unseen: UnseenScope, on sql: any SQLDatabase) async throws -> Int {
        let table = job.kind == .customerPull ? "customer_snapshots" : "invoice_snapshots"
        var count = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
        var delete = sql.delete(from: table)
        count = count.where("company_id", .equal, SQLBind(job.companyID.rawValue)).where("pull_id", .notEqual, SQLBind(job.id.rawValue))
        delete = delete.where("company_id", .equal, SQLBind(job.companyID.rawValue)).where("pull_id", .notEqual, SQLBind(job.id.rawValue))
        if job.kind == .invoicePull {
            if let from = unseen.fromTxnDate {
                count = count.where("txn_date", .greaterThanOrEqual, SQLBind(from))
                delete = delete.where("txn_date", .greaterThanOrEqual, SQLBind(from))
            }
            if unseen.openOnly {
                count = count.where("balance_cents", .greaterThan, SQLBind(0))
                delete = delete.where("balance_cents", .greaterThan, SQLBind(0))
            }
        }
        let removed = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        if removed > 0 { try await delete.run() }
        return removed
    }

    /// The newest TimeModified stored for a company (host wall clock), the next incremental pull's start.
    public func watermark(companyID: CompanyID, kind: JobKind) async throws -> String? {
        let table = kind == .customerPull ? "customer_snapshots" : "invoice_snapshots"
        return try await database.read { sql in
            try await sql.select().column(SQLFunction("MAX", args: SQLColumn("modified_key")), as: "m").from(table)
                .where("company_id", .equal, SQLBind(companyID.rawValue)).first()?.decode(column: "m", as: String?.self)
        }
    }

    /// Stored invoices of a company, in TxnID order, a page at a time.
    public func invoices(companyID: CompanyID, _ query: InvoiceQuery) async throws -> [StoredInvoice] {
        try await database.read { sql in
            var select = sql.select().column(SQLLiteral.all).from("invoice_snapshots").where("company_id", .equal, SQLBind(companyID.rawValue))
            if let listID = query.customerListID { select = select.where("customer_list_id", .equal, SQLBind(listID)) }
            if let name = query.customerName {
                select = select.where(SQLFunction("LOWER", args: SQLColumn("customer_name")), .equal, SQLBind(name.lowercased()))
            }
            if let customer = query.customer {
                select = select.where {
                    $0.where("customer_list_id", .equal, SQLBind(customer))
                        .orWhere(SQLFunction("LOWER", args: SQLColumn("customer_name")), .equal, SQLBind(customer.lowercased()))
                }
            }
            switch query.open {
            case true?: select = select.where("balance_cents", .greaterThan, SQLBind(0)).where("is_paid", .equal, SQLBind(false))
            case false?: select = select.where { $0.where("balance_cents", .lessThanOrEqual, SQLBind(0)).orWhere("is_paid", .equal, SQLBind(true)) }
            case nil: break
            }
            if let after = query.after { select = select.where("txn_id", .greaterThan, SQLBind(after)) }
            return try await select.orderBy("txn_id").limit(max(1, min(query.limit, 1000))).all().map(Self.invoice)
        }
    }

    /// Stored customers of a company in ListID order; `search` matches name, full name, company name or
    /// email (case-insensitive substring).
    public func customers(companyID: CompanyID, search: String? = nil, activeOnly: Bool = false, limit: Int = 100,
                          after: String? = nil) async throws -> [StoredCustomer] {
        try await database.read { sql in
            var select = sql.select().column(SQLLiteral.all).from("customer_snapshots").where("company_id", .equal, SQLBind(companyID.rawValue))
            if activeOnly { select = select.where("is_active", .equal, SQLBind(true)) }
            if let search, !search.isEmpty {
                let pattern = "%" + search.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
                select = select.where { group in
                    group.where(SQLFunction("LOWER", args: SQLColumn("full_name")), .like, SQLBind(pattern))
                        .orWhere(SQLFunction("LOWER", args: SQLColumn("company_name")), .like, SQLBind(pattern))
                        .orWhere(SQLFunction("LOWER", args: SQLColumn("email")), .like, SQLBind(pattern))
                }
            }
            if let after { select = select.where("list_id", .greaterThan, SQLBind(after)) }
            return try await select.orderBy("list_id").limit(max(1, min(limit, 1000))).all().map(Self.customer)
        }
    }

    /// One stored customer.
    public func customer(companyID: CompanyID, listID: String) async throws -> StoredCustomer? {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("customer_snapshots").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where("list_id", .equal, SQLBind(listID)).first().map(Self.customer)
        }
    }

    /// Stored customers whose email, or whose name, full name or company name, equals `text`
    /// (trimmed, case-insensitive): the candidates of a mapping by match.
    public func customers(companyID: CompanyID, email: String) async throws -> [StoredCustomer] {
        try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("customer_snapshots").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where(SQLFunction("LOWER", args: SQLColumn("email")), .equal, SQLBind(email.trimmed.lowercased()))
                .orderBy("list_id").limit(50).all().map(Self.customer)
        }
    }

    /// Stored customers whose name, full name or company name equals `name` (trimmed, case-insensitive).
    public func customers(companyID: CompanyID, named name: String) async throws -> [StoredCustomer] {
        let wanted = name.trimmed.lowercased()
        return try await database.read { sql in
            try await sql.select().column(SQLLiteral.all).from("customer_snapshots").where("company_id", .equal, SQLBind(companyID.rawValue))
                .where { group in
                    group.where(SQLFunction("LOWER", args: SQLColumn("full_name")), .equal, SQLBind(wanted))
                        .orWhere(SQLFunction("LOWER", args: SQLColumn("name")), .equal, SQLBind(wanted))
                        .orWhere(SQLFunction("LOWER", args: SQLColumn("company_name")), .equal, SQLBind(wanted))
                }
                .orderBy("list_id").limit(50).all().map(Self.customer)
        }
    }

    /// How many invoices (and how many open) and customers are stored for a company.
    public func counts(companyID: CompanyID) async throws -> (invoices: Int, openInvoices: Int, customers: Int) {
        try await database.read { sql in
            let invoices = try await sql.raw("""
                SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN balance_cents > 0 THEN 1 ELSE 0 END), 0) AS o
                FROM invoice_snapshots WHERE company_id = \(bind: companyID.rawValue)
                """).first()
            let customers = try await sql.raw("SELECT COUNT(*) AS n FROM customer_snapshots WHERE company_id = \(bind: companyID.rawValue)").first()
            return (try invoices?.decode(column: "n", as: Int.self) ?? 0, try invoices?.decode(column: "o", as: Int.self) ?? 0,
                    try customers?.decode(column: "n", as: Int.self) ?? 0)
        }
    }

    // MARK: rows

    static let invoiceColumns = ["company_id", "txn_id", "ref_number", "customer_list_id", "customer_name", "txn_date", "due_date",
                                 "subtotal_cents", "tax_cents", "applied_cents", "balance_cents", "is_paid", "memo", "edit_sequence",
                                 "time_modified", "modified_key", "pull_id", "pulled_at"]
    static let customerColumns = ["company_id", "list_id", "name", "full_name", "company_name", "email", "phone", "is_active",
                                  "balance_cents", "total_balance_cents", "edit_sequence", "time_modified", "modified_key", "pull_id", "pulled_at"]

    static func upsert(_ rows: [StoredInvoice], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: "invoice_snapshots").columns(invoiceColumns)
        for row in rows {
            insert = insert.values([
                SQLBind(row.companyID.rawValue), SQLBind(row.txnID), SQLBind(row.refNumber), SQLBind(row.customerListID),
                SQLBind(row.customerName), SQLBind(row.txnDate), SQLBind(row.dueDate), SQLBind(row.subtotalCents), SQLBind(row.taxCents),
                SQLBind(row.appliedCents), SQLBind(row.balanceCents), SQLBind(row.isPaid), SQLBind(row.memo), SQLBind(row.editSequence),
                SQLBind(row.timeModified), SQLBind(row.modifiedKey), SQLBind(row.pullID.rawValue), SQLBind(row.pulledAt.milliseconds),
            ] as [any SQLExpression])
        }
        try await insert.onConflict(with: ["company_id", "txn_id"]) { update in
            var update = update
            for column in invoiceColumns.dropFirst(2) { update = update.set(excludedValueOf: column) }
            return update
        }.run()
    }

    static func upsert(_ rows: [StoredCustomer], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: "customer_snapshots").columns(customerColumns)
        for row in rows {
            insert = insert.values([
                SQLBind(row.companyID.rawValue), SQLBind(row.listID), SQLBind(row.name), SQLBind(row.fullName), SQLBind(row.companyName),
                SQLBind(row.email), SQLBind(row.phone), SQLBind(row.isActive), SQLBind(row.balanceCents), SQLBind(row.totalBalanceCents),
                SQLBind(row.editSequence), SQLBind(row.timeModified), SQLBind(row.modifiedKey), SQLBind(row.pullID.rawValue),
                SQLBind(row.pulledAt.milliseconds),
            ] as [any SQLExpression])
        }
        try await insert.onConflict(with: ["company_id", "list_id"]) { update in
            var update = update
            for column in customerColumns.dropFirst(2) { update = update.set(excludedValueOf: column) }
            return update
        }.run()
    }

    static func invoice(_ row: any SQLRow) throws -> StoredInvoice {
        StoredInvoice(
            companyID: CompanyID(try row.decode(column: "company_id", as: String.self)), txnID: try row.decode(column: "txn_id", as: String.self),
            refNumber: try row.decode(column: "ref_number", as: String?.self), customerListID: try row.decode(column: "customer_list_id", as: String?.self),
            customerName: try row.decode(column: "customer_name", as: String?.self), txnDate: try row.decode(column: "txn_date", as: String?.self),
            dueDate: try row.decode(column: "due_date", as: String?.self), subtotalCents: try row.decode(column: "subtotal_cents", as: Int64?.self),
            taxCents: try row.decode(column: "tax_cents", as: Int64?.self), appliedCents: try row.decode(column: "applied_cents", as: Int64?.self),
            balanceCents: try row.decode(column: "balance_cents", as: Int64.self), isPaid: try row.decode(column: "is_paid", as: Bool.self),
            memo: try row.decode(column: "memo", as: String?.self), editSequence: try row.decode(column: "edit_sequence", as: String?.self),
            timeModified: try row.decode(column: "time_modified", as: String?.self), modifiedKey: try row.decode(column: "modified_key", as: String?.self),
            pullID: JobID(try row.decode(column: "pull_id", as: String.self)), pulledAt: Timestamp(milliseconds: try row.decode(column: "pulled_at", as: Int64.self))
        )
    }

    static func customer(_ row: any SQLRow) throws -> StoredCustomer {
        StoredCustomer(
            companyID: CompanyID(try row.decode(column: "company_id", as: String.self)), listID: try row.decode(column: "list_id", as: String.self),
            name: try row.decode(column: "name", as: String?.self), fullName: try row.decode(column: "full_name", as: String?.self),
            companyName: try row.decode(column: "company_name", as: String?.self), email: try row.decode(column: "email", as: String?.self),
            phone: try row.decode(column: "phone", as: String?.self), isActive: try row.decode(column: "is_active", as: Bool.self),
            balanceCents: try row.decode(column: "balance_cents", as: Int64?.self),
            totalBalanceCents: try row.decode(column: "total_balance_cents", as: Int64?.self),
            editSequence: try row.decode(column: "edit_sequence", as: String?.self), timeModified: try row.decode(column: "time_modified", as: String?.self),
            modifiedKey: try row.decode(column: "modified_key", as: String?.self), pullID: JobID(try row.decode(column: "pull_id", as: String.self)),
            pulledAt: Timestamp(milliseconds: try row.decode(column: "pulled_at", as: Int64.self))
        )
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
