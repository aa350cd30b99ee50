import Bridge
import QBXML
import Domain

/// The company page's "QuickBooks data" section: what the pulls stored, the latest pulls, and the switch
/// for a pull at every sync.
struct CompanyDataView {
    struct PullRow {
        var kind: String
        var status: String
        var statusClass: String
        var detail: String
        var updated: String
    }

    var invoices: String
    var openInvoices: String
    var customers: String
    var pulls: [PullRow]
    var hasPulls: Bool
    var pullEverySync: Bool
    var mappings: String

    init(counts: (invoices: Int, openInvoices: Int, customers: Int), pulls: [Job], mappings: Int, company: Company) {
        invoices = UIFormat.count(counts.invoices)
        openInvoices = UIFormat.count(counts.openInvoices)
        customers = UIFormat.count(counts.customers)
        self.mappings = UIFormat.count(mappings)
        pullEverySync = company.pullInvoicesEverySync
        self.pulls = pulls.map { job in
            let view = PullView(job)
            var detail = "\(UIFormat.count(view.progress.stored)) stored in \(view.progress.pages) page\(view.progress.pages == 1 ? "" : "s")"
            if let percent = view.percent, view.status == "running" { detail += " · \(percent) %" }
            if view.progress.restarts > 0 { detail += " · iterator restarted \(view.progress.restarts)×" }
            if let removed = view.outcome?.removed, removed > 0 { detail += " · \(removed) no longer in QuickBooks removed" }
            if let error = view.outcome?.error { detail += " · " + error }
            let mode = view.outcome?.mode ?? (view.payload?.incremental == true ? "incremental" : "full")
            return PullRow(kind: "\(view.payload?.kind.rawValue.capitalized ?? "Pull") (\(mode))", status: view.status,
                           statusClass: view.status == "failed" ? "failed" : (view.status == "done" ? "ok" : "waiting"),
                           detail: detail, updated: UIFormat.timeAndAge(job.updatedAt))
        }
        hasPulls = !self.pulls.isEmpty
    }
}

/// `/companies/{id}/deposits`: posted payments grouped into the deposits a bookkeeper should find in the bank.
struct DepositPageView {
    struct Deposit {
        var expected: String
        var latest: String?
        var channel: String
        var batch: String
        var count: String
        var total: String
        var payments: [Payment]
    }

    struct Payment {
        var href: String
        var ref: String
        var customer: String
        var amount: String
        var method: String
        var date: String
        var txnID: String
    }

    var chrome: Chrome
    var companyName: String
    var companyHref: String
    var from: String
    var to: String
    var deposits: [Deposit]
    var hasDeposits: Bool
    var totalCard: String
    var totalACH: String
    var totalOther: String
    var totalAll: String
    var cardDays: String
    var achDays: String
    var achLatestDays: String
    var holidays: String
    var hasHolidays: Bool
    var cardMethods: String
    var achMethods: String
    var settingsError: String?

    init(chrome: Chrome, company: Company, report: DepositReport) {
        self.chrome = chrome
        companyName = company.name
        companyHref = "/companies/\(company.id.rawValue)"
        from = report.from.description
        to = report.to.description
        deposits = report.deposits.map { deposit in
            Deposit(
                expected: Self.day(deposit.expectedDate),
                latest: deposit.latestDate == deposit.expectedDate ? nil : Self.day(deposit.latestDate),
                channel: Self.channel(deposit.channel), batch: Self.day(deposit.batchDate),
                count: "\(deposit.payments.count) payment\(deposit.payments.count == 1 ? "" : "s")",
                total: UIFormat.money(deposit.total.description),
                payments: deposit.payments.map {
                    Payment(href: "/payments/\($0.id)", ref: $0.refNumber ?? $0.externalId, customer: $0.customer ?? "", amount: UIFormat.money($0.amount.description),
                            method: $0.paymentMethod ?? "—", date: $0.date.description, txnID: $0.txnId ?? "—")
                }
            )
        }
        hasDeposits = !deposits.isEmpty
        totalCard = UIFormat.money(report.total(.card).description)
        totalACH = UIFormat.money(report.total(.ach).description)
        totalOther = UIFormat.money(report.total(.other).description)
        totalAll = UIFormat.money(report.total().description)
        let settings = report.settings
        cardDays = String(settings.cardBusinessDays)
        achDays = String(settings.achBusinessDays)
        achLatestDays = String(settings.achLatestBusinessDays)
        holidays = settings.holidays.joined(separator: ", ")
        hasHolidays = !settings.holidays.isEmpty
        cardMethods = settings.cardMethods.joined(separator: ", ")
        achMethods = settings.achMethods.joined(separator: ", ")
    }

    static func channel(_ channel: DepositChannel) -> String {
        switch channel {
        case .card: "Card batch"
        case .ach: "ACH / bank transfer"
        case .other: "Checks and cash (deposited by hand)"
        }
    }

    /// "Fri 2026-11-20": the weekday helps when matching a bank statement.
    static func day(_ date: QBDate) -> String {
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        return names[BusinessCalendar.weekdayIndex(date)] + " " + date.description
    }
}
