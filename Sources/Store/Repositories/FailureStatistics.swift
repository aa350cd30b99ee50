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
