import Bridge
import Domain
import Foundation

/// The dashboard (docs/architecture.md, "The JSON API and the web UI"): first the companies that need a person,
/// each with why and what to do, then every company in a compact table to search, sort and page.
struct DashboardView {
    struct CategoryCount {
        var label: String
        var count: Int
        var href: String
    }

    /// A company that needs a person.
    struct AttentionRow {
        var id: String
        var name: String
        var href: String
        var reason: String
        var reasonClass: String
        var connectionProblem: String?
        var connectionHref: String?
        var lastSync: String
        var waiting: String
        var waitingHref: String
        var openFailures: [CategoryCount]
        var hasOpenFailures: Bool
        var rateAlert: String?
        var whatToCheck: [String]
        var hasChecks: Bool

        init(_ row: Dashboard.Row, now: Date) {
            let overview = row.overview
            let company = overview.company
            id = company.id.rawValue
            name = company.name
            href = "/companies/\(company.id.rawValue)"
            (reason, reasonClass) = DashboardView.reason(overview, now: now)
            connectionProblem = overview.connectionFailure?.title ?? company.connectionProblem
            connectionHref = overview.connectionFailure.map { "/failures/\($0.id.rawValue)" }
            lastSync = UIFormat.timeAndAge(company.lastSyncAt)
            waiting = DashboardView.count(overview.waiting)
            waitingHref = "/payments?companyId=\(company.id.rawValue)&status=queued"
            openFailures = row.openByCategory.map {
                CategoryCount(label: UIFormat.label($0.category), count: $0.count,
                              href: "/failures?companyId=\(company.id.rawValue)&category=\(UIFormat.query($0.category))&status=open")
            }
            hasOpenFailures = !openFailures.isEmpty
            if row.rateAlert, let rate = row.failureRate {
                rateAlert = "Failure rate \(Int((Double(rate.failed) / Double(rate.payments) * 100).rounded()))%: "
                    + "\(rate.failed) of \(rate.payments) payments failed in 30 days, at or above the 10% alert level."
            } else {
                rateAlert = nil
            }
            whatToCheck = row.whatToCheck
            hasChecks = !whatToCheck.isEmpty
        }
    }

    /// A company in the table.
    struct TableRow {
        var name: String
        var href: String
        var username: String
        var stateLabel: String
        var stateClass: String
        var lastSync: String
        var waiting: String
        var openFailures: Int
        var hasOpenFailures: Bool
        var failuresHref: String

        init(_ row: Dashboard.Row, now: Date) {
            let overview = row.overview
            let company = overview.company
            name = company.name
            href = "/companies/\(company.id.rawValue)"
            username = company.username
            (stateLabel, stateClass) = DashboardView.reason(overview, now: now)
            lastSync = UIFormat.timeAndAge(company.lastSyncAt)
            waiting = DashboardView.count(overview.waiting)
            openFailures = overview.openFailures
            hasOpenFailures = overview.openFailures > 0
            failuresHref = "/failures?companyId=\(company.id.rawValue)&status=open"
        }
    }

    /// A sortable column heading: a link that sorts by it.
    struct SortLink {
        var label: String
        var href: String
        var current: Bool
        var numeric: Bool
    }

    var chrome: Chrome
    var hasCompanies: Bool
    var summary: String
    /// Webhook endpoints QBBridge disabled (410, three days of failures): upstream apps no longer hear anything.
    var disabledWebhooks: [DisabledWebhookView]
    var hasDisabledWebhooks: Bool
    var attention: [AttentionRow]
    var hasAttention: Bool
    var moreAttention: String?
    var search: String
    var sortOptions: [OptionView]
    var columns: [SortLink]
    var rows: [TableRow]
    var hasRows: Bool
    var range: String
    var previousHref: String?
    var nextHref: String?

    init(chrome: Chrome, dashboard: Dashboard, search: String, order: CompanyOverviewOrder, page: Int, pageSize: Int,
         disabledWebhooks: [DisabledWebhookView], now: Date = Date()) {
        self.chrome = chrome
        hasCompanies = dashboard.companiesTotal > 0
        let total = dashboard.companiesTotal
        summary = dashboard.attentionTotal == 0
            ? "All \(total) compan\(total == 1 ? "y is" : "ies are") in order."
            : "\(dashboard.attentionTotal) of \(total) compan\(total == 1 ? "y needs" : "ies need") attention."
        self.disabledWebhooks = disabledWebhooks
        hasDisabledWebhooks = !disabledWebhooks.isEmpty
        attention = dashboard.attention.map { AttentionRow($0, now: now) }
        hasAttention = !attention.isEmpty
        moreAttention = dashboard.attentionTotal > dashboard.attention.count
            ? "All \(dashboard.attentionTotal) companies that need attention, most urgent first" : nil
        self.search = search
        sortOptions = CompanyOverviewOrder.allCases.map { OptionView(value: $0.rawValue, label: Self.label(order: $0), selected: $0 == order) }
        columns = [(CompanyOverviewOrder.name, "Company", false), (.attention, "State", false), (.lastSync, "Last sync", false),
                   (.waiting, "Waiting to send", true), (.failures, "Open failures", true)].map { column, label, numeric in
            SortLink(label: label, href: Self.href(search: search, order: column, page: 0), current: column == order, numeric: numeric)
        }
        rows = dashboard.table.map { TableRow($0, now: now) }
        hasRows = !rows.isEmpty
        let first = page * pageSize + 1
        range = rows.isEmpty ? "No company matches." : "\(first)–\(first + rows.count - 1) of \(dashboard.tableTotal)"
        previousHref = page > 0 ? Self.href(search: search, order: order, page: page - 1) : nil
        nextHref = (page + 1) * pageSize < dashboard.tableTotal ? Self.href(search: search, order: order, page: page + 1) : nil
    }

    /// The dashboard's own address for a search, order and page (defaults left out).
    static func href(search: String, order: CompanyOverviewOrder, page: Int) -> String {
        var parts: [String] = []
        if !search.isEmpty { parts.append("q=" + UIFormat.query(search)) }
        if order != .name { parts.append("sort=" + order.rawValue) }
        if page > 0 { parts.append("page=\(page + 1)") }
        return parts.isEmpty ? "/#companies" : "/?" + parts.joined(separator: "&") + "#companies"
    }

    static func label(order: CompanyOverviewOrder) -> String {
        switch order {
        case .name: "Name"
        case .lastSync: "Longest without a sync"
        case .waiting: "Most waiting to send"
        case .failures: "Most open failures"
        case .attention: "Most urgent"
        }
    }

    /// Why a company needs a person, in words, and the badge class.
    static func reason(_ overview: CompanyOverview, now: Date) -> (String, String) {
        switch overview.attention {
        case .connection:
            return ("Connection problem", "attention")
        case .notSynced:
            guard let last = overview.company.lastSyncAt else { return ("Never synced", "attention") }
            let hours = Int(now.timeIntervalSince(last.date) / 3600)
            return (hours >= 48 ? "No sync for \(hours / 24) days" : "No sync for \(hours) h", "attention")
        case .openFailures:
            return ("\(overview.openFailures) open failure\(overview.openFailures == 1 ? "" : "s")", "attention")
        case .none:
            return overview.company.lastSyncAt == nil ? ("Waiting for first sync", "waiting") : ("Healthy", "ok")
        }
    }

    /// A waiting count, with the horizon it was counted to: `10,000+`.
    static func count(_ value: Int) -> String {
        value > CompanyOverview.waitingHorizon ? grouped(CompanyOverview.waitingHorizon) + "+" : grouped(value)
    }

    /// `12345` → `12,345`, the same on every server whatever its locale.
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
