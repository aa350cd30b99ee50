public import Foundation
public import Domain
import Store
import Triage

/// What the dashboard shows: first the companies that need a person, most urgent first, then every company as
/// a table a person can search, sort and page. A fixed handful of statements whatever the number of companies
/// (docs/operations.md, "Lists at scale").
public struct Dashboard: Sendable {
    /// A company with its failure rate over the health window, when it had payments in it.
    public struct Row: Sendable {
        /// The company and its figures.
        public var overview: CompanyOverview
        /// Payments created in the window and how many had a failure record (nil: no payments, or not read).
        public var failureRate: (payments: Int, failed: Int)?
        /// Open failure records by category, most frequent first (read for the attention rows only).
        public var openByCategory: [(category: String, count: Int)] = []

        /// What to look at first, from the most common open category of payment failures (attention rows only);
        /// a connection problem has its own steps, one click away on its failure record.
        public var whatToCheck: [String] {
            let top = openByCategory.first { FailureCategory(rawValue: $0.category)?.isConnection != true }
            guard rateAlert || top != nil else { return [] }
            return HealthService.checks(for: top?.category)
        }

        /// Whether the failure rate is at or above the alert level with enough payments to mean something.
        public var rateAlert: Bool {
            guard let failureRate, failureRate.payments >= CompanyHealth.minimumPayments else { return false }
            return Double(failureRate.failed) / Double(failureRate.payments) >= CompanyHealth.alertRate
        }
    }

    /// The companies that need a person, most urgent first (at most `attentionLimit`).
    public var attention: [Row]
    /// How many companies need a person in all.
    public var attentionTotal: Int
    /// One page of the company table.
    public var table: [Row]
    /// Companies matching the table's search, over every page.
    public var tableTotal: Int
    /// Companies in the installation.
    public var companiesTotal: Int

    /// Companies shown in the attention section; the rest are one click away (the table sorted by urgency).
    public static let attentionLimit = 20
}

extension Records {
    /// The dashboard: the attention list and one page of the company table (`page` counts from 0).
    public func dashboard(search: String?, order: CompanyOverviewOrder, page: Int, pageSize: Int = 50,
                          now: Date = Date(), windowDays: Int = 30) async throws -> Dashboard {
        let time = Timestamp(now)
        let attention = try await store.companies.overview(attentionOnly: true, order: .attention, limit: Dashboard.attentionLimit, now: time)
        let table = try await store.companies.overview(search: search, order: order, limit: pageSize, offset: max(0, page) * pageSize, now: time)
        let total = search == nil ? table.total : try await store.companies.count()
        let since = Timestamp(now.addingTimeInterval(-Double(windowDays) * 86_400))
        let ids = attention.rows.map(\.company.id)
        let rates = try await store.failures.paymentFailureRates(companyIDs: ids, since: since)
        let categories = try await store.failures.openCountsByCategory(companyIDs: ids)
        return Dashboard(
            attention: attention.rows.map {
                Dashboard.Row(overview: $0, failureRate: rates[$0.company.id], openByCategory: categories[$0.company.id] ?? [])
            },
            attentionTotal: attention.total,
            table: table.rows.map { Dashboard.Row(overview: $0, failureRate: nil) },
            tableTotal: table.total, companiesTotal: total
        )
    }
}
