import Bridge
import Hummingbird
import Domain

/// `GET /`: every company's health on one page (issue 8 §2).
extension UIRoutes {
    func registerDashboard(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/") { _, context -> Response in
            var cards: [DashboardView.Card] = []
            let today = UIFormat.startOfToday()
            for company in try await records.companies() {
                let value = try await health.health(company.id)
                let open = try await records.failures(companyID: company.id, statuses: [.open], limit: 1000)
                let counts = try await records.jobCounts(companyID: company.id)
                let posted = try await records.jobCounts(companyID: company.id, kind: .paymentPost, updatedSince: today)[.posted] ?? 0
                cards.append(DashboardView.Card(health: value, open: open, counts: counts, postedToday: posted))
            }
            let attention = cards.filter(\.needsAttention).count
            let summary = attention == 0 ? "All \(cards.count) compan\(cards.count == 1 ? "y is" : "ies are") in order."
                : "\(attention) of \(cards.count) compan\(cards.count == 1 ? "y needs" : "ies need") attention."
            let disabled = try await services.webhooks.disabledByBridge().map {
                DisabledWebhookView(href: "/webhooks/\($0.id.rawValue)", url: $0.url, reason: $0.disabledReason ?? "")
            }
            let view = DashboardView(chrome: try await chrome("Dashboard", .dashboard, context: context), companies: cards,
                                     hasCompanies: !cards.isEmpty, summary: summary, disabledWebhooks: disabled,
                                     hasDisabledWebhooks: !disabled.isEmpty)
            return page("dashboard", view, context: context)
        }
    }
}
