import Bridge
import Foundation
import Domain

/// The payments list with its search form.
struct PaymentListView {
    struct Row {
        var href: String
        var externalID: String
        var customer: String
        var amount: String
        var status: String
        var statusLabel: String
        var txnID: String?
        var company: String
        var updated: String
    }

    var chrome: Chrome
    var query: String
    var statusOptions: [OptionView]
    var companyOptions: [OptionView]
    var rows: [Row]
    var hasRows: Bool
    var nextHref: String?
    var emptyHint: String

    static func row(_ job: Job, companyName: String) -> Row {
        let payload = try? PaymentPayload(json: job.payload)
        return Row(href: "/payments/\(job.id.rawValue)", externalID: job.externalID ?? job.id.rawValue,
                   customer: payload?.customer.fullName ?? payload?.customer.listId ?? "—", amount: UIFormat.money(payload?.amount),
                   status: job.status.rawValue, statusLabel: UIFormat.status(job.status), txnID: job.txnID, company: companyName,
                   updated: UIFormat.timeAndAge(job.updatedAt))
    }
}

/// One payment: what the upstream app asked for, where it is, its failure and its history.
struct PaymentView {
    struct FailureLink {
        var href: String
        var title: String
        var summary: String
        var status: String
        var isOpen: Bool
        var reason: String?
    }

    struct HistoryEntry {
        var time: String
        var action: String
        var actor: String
        var detail: String?
    }

    var chrome: Chrome
    var externalID: String
    var status: String
    var statusLabel: String
    var company: String
    var companyHref: String
    var txnID: String?
    var note: String?
    var failure: FailureLink?
    var details: [PairView]
    var applications: [String]
    var hasApplications: Bool
    var history: [HistoryEntry]
    var hasHistory: Bool

    init(_ job: Job, failure: FailureRecord?, companyName: String, history: [ActivityEntry], chrome: Chrome) {
        self.chrome = chrome
        let payload = try? PaymentPayload(json: job.payload)
        externalID = job.externalID ?? job.id.rawValue
        status = job.status.rawValue
        statusLabel = UIFormat.status(job.status)
        company = companyName
        companyHref = "/companies/\(job.companyID.rawValue)"
        txnID = job.txnID
        note = job.result.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["note"] as? String
        self.failure = failure.map {
            FailureLink(href: "/failures/\($0.id.rawValue)", title: $0.title, summary: $0.summary, status: $0.status.rawValue,
                        isOpen: $0.status == .open, reason: $0.reason)
        }
        var details = [PairView(label: "QBBridge id", value: job.id.rawValue)]
        if let payload {
            details.append(PairView(label: "Customer", value: payload.customer.fullName ?? payload.customer.listId ?? "—"))
            details.append(PairView(label: "Amount", value: UIFormat.money(payload.amount)))
            details.append(PairView(label: "Date", value: payload.date))
            if let method = payload.paymentMethod { details.append(PairView(label: "Payment method", value: method)) }
            if let ref = payload.refNumber { details.append(PairView(label: "Reference", value: ref)) }
            if let memo = payload.memo { details.append(PairView(label: "Memo", value: memo)) }
            if let account = payload.depositToAccount { details.append(PairView(label: "Deposit to", value: account)) }
        }
        details.append(PairView(label: "Attempts", value: String(job.attempts)))
        details.append(PairView(label: "Created", value: UIFormat.time(job.createdAt)))
        details.append(PairView(label: "Last change", value: UIFormat.timeAndAge(job.updatedAt)))
        self.details = details
        applications = (payload?.applications ?? []).map { application in
            let invoice = application.invoice.refNumber.map { "invoice \($0)" } ?? application.invoice.txnId.map { "invoice TxnID \($0)" } ?? "an invoice"
            return "\(UIFormat.money(application.amount)) to \(invoice)"
        }
        hasApplications = !applications.isEmpty
        self.history = history.map {
            HistoryEntry(time: UIFormat.time($0.at), action: ActivityWording.phrase(for: $0.action),
                         actor: $0.actor, detail: UIFormat.detail($0.detail))
        }
        hasHistory = !history.isEmpty
    }
}

/// The activity log page.
struct ActivityView {
    struct Row {
        var time: String
        var actor: String
        /// What happened, in words (`ActivityWording`).
        var action: String
        /// The event's code, for the tooltip and for searching the API.
        var code: String
        var href: String?
        var company: String
        var detail: String
    }

    var chrome: Chrome
    var companyOptions: [OptionView]
    var rows: [Row]
    var hasRows: Bool
    var nextHref: String?
}
