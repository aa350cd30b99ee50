import Bridge
import Hummingbird
import Domain

/// `GET /`: first the companies that need a person, then every company as a table to search, sort and page
/// (issue 26 item 4). A handful of statements whatever the number of companies.
extension UIRoutes {
    /// Companies per page of the dashboard's table.
    static let dashboardPageSize = 50

    func registerDashboard(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/") { request, context -> Response in
            let query = FormData(queryOf: request)
            let search = query.get("q")?.trimmingCharacters(in: .whitespaces) ?? ""
            let order = query.get("sort").flatMap(CompanyOverviewOrder.init(rawValue:)) ?? .name
            let pageIndex = max(1, min(query.get("page").flatMap { Int($0) } ?? 1, 100_000)) - 1
            let dashboard = try await records.dashboard(search: search.isEmpty ? nil : search, order: order, page: pageIndex,
                                                        pageSize: Self.dashboardPageSize)
            let disabled = try await services.webhooks.disabledByBridge().map {
                DisabledWebhookView(href: "/webhooks/\($0.id.rawValue)", url: $0.url, reason: $0.disabledReason ?? "")
            }
            let view = DashboardView(chrome: try await chrome("Dashboard", .dashboard, context: context), dashboard: dashboard,
                                     search: search, order: order, page: pageIndex, pageSize: Self.dashboardPageSize,
                                     disabledWebhooks: disabled)
            return page("dashboard", view, context: context)
        }
    }
}
