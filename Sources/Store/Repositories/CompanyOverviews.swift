public import Domain
import SQLKit

extension Companies {
    /// A page of companies with the figures the dashboard shows, in one statement whatever the page's length.
    ///
    /// Each figure is a correlated look-up served by an index: open failure records and the newest open connection
    /// failure by `failures_company_status`, waiting jobs by `jobs_queue` and counted only up to
    /// `CompanyOverview.waitingHorizon`, so a company with a million queued jobs costs what one with ten
    /// thousand does. `attentionOnly` keeps the companies that need a person; `search` matches name or user name.
    public func overview(search: String? = nil, attentionOnly: Bool = false, order: CompanyOverviewOrder = .name,
                         limit: Int = 50, offset: Int = 0, now: Timestamp = .now) async throws -> CompanyOverviewPage {
        let dayAgo = now.milliseconds - 86_400_000
        let pattern = search.map(LikePattern.containing)
        let rows = try await database.read { sql in
            var statement = SQLQueryString("""
                SELECT a.*, COUNT(*) OVER () AS matching FROM (
                  SELECT o.*,
                    CASE WHEN o.connection_failure_id IS NOT NULL OR o.connection_problem IS NOT NULL THEN 3
                         WHEN o.last_sync_at < \(bind: dayAgo) OR (o.last_sync_at IS NULL AND o.created_at < \(bind: dayAgo)) THEN 2
                         WHEN o.open_failures > 0 THEN 1 ELSE 0 END AS attention
                  FROM (
                    SELECT c.*,
                      (SELECT COUNT(*) FROM failures f WHERE f.company_id = c.id AND f.status = 'open') AS open_failures,
                      (SELECT f.id FROM failures f WHERE f.company_id = c.id AND f.status = 'open' AND f.is_connection = \(bind: true)
                       ORDER BY f.created_at DESC LIMIT 1) AS connection_failure_id,
                      (SELECT f.title FROM failures f WHERE f.company_id = c.id AND f.status = 'open' AND f.is_connection = \(bind: true)
                       ORDER BY f.created_at DESC LIMIT 1) AS connection_failure_title,
                      (SELECT COUNT(*) FROM (SELECT 1 FROM jobs j WHERE j.company_id = c.id AND j.status IN ('queued', 'uncertain', 'in_flight')
                       LIMIT \(unsafeRaw: String(CompanyOverview.waitingHorizon + 1))) AS w) AS waiting
                    FROM companies c
                """)
            if let pattern {
                statement.appendInterpolation(SQLQueryString(
                    " WHERE (LOWER(c.name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.username) LIKE \(bind: pattern) ESCAPE '\\')"))
            }
            statement.appendInterpolation(unsafeRaw: ") AS o) AS a")
            if attentionOnly {
                statement.appendInterpolation(unsafeRaw: " WHERE a.attention > 0")
            }
            statement.appendInterpolation(unsafeRaw: " ORDER BY " + Self.orderClause(order))
            statement.appendInterpolation(SQLQueryString(" LIMIT \(bind: max(1, min(limit, 500))) OFFSET \(bind: max(0, offset))"))
            return try await sql.raw(statement).all()
        }
        var total = 0
        let overviews = try rows.map { row in
            total = try row.decode(column: "matching", as: Int.self)
            let connectionID = try row.decode(column: "connection_failure_id", as: String?.self)
            let connectionTitle = try row.decode(column: "connection_failure_title", as: String?.self)
            return CompanyOverview(
                company: try Self.company(row), openFailures: try row.decode(column: "open_failures", as: Int.self),
                waiting: try row.decode(column: "waiting", as: Int.self),
                connectionFailure: connectionID.map { (FailureID($0), connectionTitle ?? "") },
                attention: CompanyOverview.Attention(rawValue: try row.decode(column: "attention", as: Int.self)) ?? .none
            )
        }
        if overviews.isEmpty, offset > 0 {
            // Past the last page: still say how many match, so the page can offer the way back.
            return CompanyOverviewPage(rows: [], total: try await overview(search: search, attentionOnly: attentionOnly, order: order,
                                                                            limit: 1, offset: 0, now: now).total)
        }
        return CompanyOverviewPage(rows: overviews, total: total)
    }

    private static func orderClause(_ order: CompanyOverviewOrder) -> String {
        switch order {
        case .name: "a.name, a.id"
        case .lastSync: "CASE WHEN a.last_sync_at IS NULL THEN 0 ELSE 1 END, a.last_sync_at, a.name, a.id"
        case .waiting: "a.waiting DESC, a.name, a.id"
        case .failures: "a.open_failures DESC, a.name, a.id"
        case .attention: "a.attention DESC, a.open_failures DESC, a.name, a.id"
        }
    }
}
