public import Domain
import SQLKit

extension Failures {
    /// Figures for one company since a time.
    public func statistics(companyID: CompanyID, since: Timestamp) async throws -> FailureStatistics {
        try await database.read { sql in
            let totals = try await sql.raw("""
                SELECT COUNT(*) AS total,
                       COUNT(DISTINCT f.job_id) AS failed
                FROM jobs j LEFT JOIN failures f ON f.job_id = j.id
                WHERE j.company_id = \(bind: companyID.rawValue) AND j.kind = 'payment_post' AND j.created_at >= \(bind: since.milliseconds)
                """).first()
            let payments = try await sql.raw("""
                SELECT COUNT(*) AS n FROM jobs WHERE company_id = \(bind: companyID.rawValue) AND kind = 'payment_post'
                AND created_at >= \(bind: since.milliseconds)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            let failed = try totals?.decode(column: "failed", as: Int.self) ?? 0
            let rows = try await sql.raw("""
                SELECT f.category AS category, COUNT(*) AS n FROM failures f JOIN jobs j ON j.id = f.job_id
                WHERE j.company_id = \(bind: companyID.rawValue) AND j.kind = 'payment_post' AND j.created_at >= \(bind: since.milliseconds)
                GROUP BY f.category ORDER BY n DESC, f.category
                """).all()
            let categories = try rows.map { (try $0.decode(column: "category", as: String.self), try $0.decode(column: "n", as: Int.self)) }
            return FailureStatistics(payments: payments, failedPayments: failed, categories: categories)
        }
    }
}

extension Jobs {
    /// Jobs by status across all companies (for metrics).
    public func countsByStatus() async throws -> [String: Int] {
        try await database.read { sql in
            let rows = try await sql.raw("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status").all()
            return try Dictionary(uniqueKeysWithValues: rows.map { (try $0.decode(column: "status", as: String.self), try $0.decode(column: "n", as: Int.self)) })
        }
    }
}

extension Failures {
    /// Open failure records by category across all companies (for metrics).
    public func openCountsByCategory() async throws -> [String: Int] {
        try await database.read { sql in
            let rows = try await sql.raw("SELECT category, COUNT(*) AS n FROM failures WHERE status = 'open' GROUP BY category").all()
            return try Dictionary(uniqueKeysWithValues: rows.map { (try $0.decode(column: "category", as: String.self), try $0.decode(column: "n", as: Int.self)) })
        }
    }
}

extension Failures {
    /// Payments changed since `since` and how many payments had a failure record opened since then, for several
    /// companies (the dashboard's failure rate beside each company that needs attention). Two index reads whatever
    /// the history: the payments are counted in `jobs_company_kind_updated` alone, the failed ones from the
    /// companies' recent failure records (`failures_company_created`) and their jobs by id. Companies without
    /// payments in the window are left out.
    public func paymentFailureRates(companyIDs: [CompanyID], since: Timestamp) async throws -> [CompanyID: (payments: Int, failed: Int)] {
        guard !companyIDs.isEmpty else { return [:] }
        return try await database.read { sql in
            let companies = SQLBind.group(companyIDs.map(\.rawValue))
            let payments = try await sql.raw("""
                SELECT company_id, COUNT(*) AS n FROM jobs
                WHERE company_id IN \(companies) AND kind = 'payment_post' AND updated_at >= \(bind: since.milliseconds)
                GROUP BY company_id
                """).all()
            let failed = try await sql.raw("""
                SELECT f.company_id AS company_id, COUNT(DISTINCT f.job_id) AS n FROM failures f JOIN jobs j ON j.id = f.job_id
                WHERE f.company_id IN \(companies) AND f.created_at >= \(bind: since.milliseconds) AND j.kind = 'payment_post'
                GROUP BY f.company_id
                """).all()
            var failedBy: [String: Int] = [:]
            for row in failed { failedBy[try row.decode(column: "company_id", as: String.self)] = try row.decode(column: "n", as: Int.self) }
            var rates: [CompanyID: (payments: Int, failed: Int)] = [:]
            for row in payments {
                let company = try row.decode(column: "company_id", as: String.self)
                let count = try row.decode(column: "n", as: Int.self)
                rates[CompanyID(company)] = (count, min(count, failedBy[company] ?? 0))
            }
            return rates
        }
    }
}

extension Failures {
    /// Open failure records by category for several companies in one statement, most frequent first.
    public func openCountsByCategory(companyIDs: [CompanyID]) async throws -> [CompanyID: [(category: String, count: Int)]] {
        guard !companyIDs.isEmpty else { return [:] }
        return try await database.read { sql in
            let rows = try await sql.raw("""
                SELECT company_id, category, COUNT(*) AS n FROM failures
                WHERE company_id IN \(SQLBind.group(companyIDs.map(\.rawValue))) AND status = 'open'
                GROUP BY company_id, category ORDER BY company_id, n DESC, category
                """).all()
            var counts: [CompanyID: [(category: String, count: Int)]] = [:]
            for row in rows {
                counts[CompanyID(try row.decode(column: "company_id", as: String.self)), default: []]
                    .append((try row.decode(column: "category", as: String.self), try row.decode(column: "n", as: Int.self)))
            }
            return counts
        }
    }
}
