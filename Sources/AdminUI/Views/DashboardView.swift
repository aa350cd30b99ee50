import Bridge
import Domain

/// The dashboard (docs/architecture.md, "The JSON API and the web UI"): one card per company with what a person needs at a glance.
struct DashboardView {
    struct CategoryCount {
        var label: String
        var count: Int
        var href: String
    }

    struct Card {
        var id: String
        var name: String
        var href: String
        var paymentsHref: String
        var needsAttention: Bool
        var stateLabel: String
        var stateClass: String
        var lastSync: String
        var ageText: String?
        var connectionProblem: String?
        var connectionHref: String?
        var connectionText: String
        var queueDepth: Int
        var postedToday: Int
        var openFailures: [CategoryCount]
        var hasOpenFailures: Bool
        var failureRate: String
        var rateDetail: String
        var rateAlert: Bool
        var alertMessage: String?
        var whatToCheck: [String]
        var hasChecks: Bool

        init(health: CompanyHealth, open: [FailureRecord], counts: [JobStatus: Int], postedToday: Int) {
            let company = health.company
            id = company.id.rawValue
            name = company.name
            href = "/companies/\(company.id.rawValue)"
            paymentsHref = "/payments?companyId=\(company.id.rawValue)"
            lastSync = UIFormat.timeAndAge(company.lastSyncAt)
            switch health.ageAlert {
            case "warning": ageText = "later than its schedule"
            case "critical": ageText = "over a day without a sync"
            case "severe": ageText = "over two days without a sync"
            default: ageText = nil
            }
            connectionProblem = health.connectionFailure?.title ?? company.connectionProblem
            connectionHref = health.connectionFailure.map { "/failures/\($0.id.rawValue)" }
            connectionText = company.lastSyncAt == nil ? "Not connected yet: add the .qwc in the Web Connector" : "OK"
            queueDepth = (counts[.queued] ?? 0) + (counts[.uncertain] ?? 0) + (counts[.inFlight] ?? 0)
            self.postedToday = postedToday
            var byCategory: [String: Int] = [:]
            for record in open { byCategory[record.category.rawValue, default: 0] += 1 }
            openFailures = byCategory.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                CategoryCount(label: UIFormat.label($0.key), count: $0.value,
                              href: "/failures?companyId=\(company.id.rawValue)&category=\(UIFormat.query($0.key))&status=open")
            }
            hasOpenFailures = !open.isEmpty
            let statistics = health.statistics
            failureRate = statistics.payments == 0 ? "—" : "\(Int((statistics.rate * 100).rounded()))%"
            if statistics.payments == 0 {
                rateDetail = "no payments in \(health.windowDays) days"
            } else if statistics.payments < CompanyHealth.minimumPayments {
                rateDetail = "\(statistics.failedPayments) of \(statistics.payments) payments failed; the 10% alert starts at \(CompanyHealth.minimumPayments) payments"
            } else {
                rateDetail = "\(statistics.failedPayments) of \(statistics.payments) payments failed"
            }
            rateAlert = health.rateAlert
            alertMessage = health.alertMessage
            whatToCheck = health.whatToCheck
            hasChecks = !health.whatToCheck.isEmpty
            needsAttention = health.rateAlert || ageText != nil || connectionProblem != nil || !open.isEmpty
            if needsAttention {
                (stateLabel, stateClass) = ("Needs attention", "attention")
            } else if company.lastSyncAt == nil {
                (stateLabel, stateClass) = ("Waiting for first sync", "waiting")
            } else {
                (stateLabel, stateClass) = ("Healthy", "ok")
            }
        }
    }

    var chrome: Chrome
    var companies: [Card]
    var hasCompanies: Bool
    var summary: String
    /// Webhook endpoints QBBridge disabled (410, three days of failures): upstream apps no longer hear anything.
    var disabledWebhooks: [DisabledWebhookView]
    var hasDisabledWebhooks: Bool
}
