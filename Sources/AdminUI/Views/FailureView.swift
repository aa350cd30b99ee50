import Foundation
import Domain
import Triage

/// One failure record as support staff read it: what happened, the evidence QuickBooks gave, the numbered
/// steps, and the actions its status and category allow.
struct FailureView {
    struct LinkedView {
        var type: String
        var number: String
        var date: String
        var amount: String
        var txnID: String
        var isCause: Bool
    }

    struct Rows {
        var rows: [PairView]
    }

    var chrome: Chrome
    var href: String
    var title: String
    var category: String
    var categoryLabel: String
    var status: String
    var company: String
    var companyHref: String
    var created: String
    var paymentHref: String?
    var hasJob: Bool
    var reason: String?
    var autoRecheck: Bool
    var summary: String
    var steps: [String]
    var hasSteps: Bool
    var canRetry: Bool
    var canDismiss: Bool
    var canDelete: Bool
    var unavailable: String?
    var actionError: String?
    var dismissError: String?
    var dismissOpen: Bool
    var facts: [PairView]
    var hasFacts: Bool
    var invoice: Rows?
    var linked: [LinkedView]
    var hasLinked: Bool
    var candidate: Rows?
    /// The QuickBooks customers an upstream id matched (`mapping_conflict`).
    var customerCandidates: [CustomerCandidateView]
    var hasCustomerCandidates: Bool
    var hasEvidence: Bool

    struct CustomerCandidateView {
        var name: String
        var listID: String
        var email: String
        var matchedBy: String
        var inactive: Bool
    }

    init(_ record: FailureRecord, companyName: String, chrome: Chrome) {
        self.chrome = chrome
        href = "/failures/\(record.id.rawValue)"
        title = record.title
        category = record.category.rawValue
        categoryLabel = UIFormat.label(record.category.rawValue)
        status = record.status.rawValue
        company = companyName
        companyHref = "/companies/\(record.companyID.rawValue)"
        created = UIFormat.timeAndAge(record.createdAt)
        paymentHref = record.jobID.map { "/payments/\($0.rawValue)" }
        hasJob = record.jobID != nil
        reason = record.reason
        autoRecheck = record.autoRecheck && record.status == .open
        summary = record.summary
        steps = record.resolution
        hasSteps = !steps.isEmpty
        let allowed = record.availableActions
        let isOpen = record.status == .open
        canRetry = isOpen && allowed.contains(.retry)
        canDismiss = isOpen && allowed.contains(.dismiss)
        canDelete = record.status != .deleted
        switch record.status {
        case .open:
            unavailable = canRetry ? nil : "Retry is not offered: sending the same request again would fail the same way."
        case .resolved, .dismissed:
            unavailable = "This failure is \(record.status.rawValue); only Delete is left."
        case .deleted:
            unavailable = "This failure is deleted; it is kept for the activity log only."
        }
        actionError = nil
        dismissError = nil
        dismissOpen = false

        let evidence = record.evidence
        var facts: [PairView] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(PairView(label: label, value: value)) }
        }
        add("Invoice number", evidence.invoiceRefNumber)
        add("Invoice TxnID", evidence.invoiceTxnID)
        add("Customer", evidence.customerName)
        add("Your customer id", evidence.externalCustomerID)
        // The evidence shows both names and identifiers; the texts above name only.
        func reference(_ ref: ListReference?) -> String? {
            guard let ref else { return nil }
            let parts = [ref.fullName, ref.listID.map { "ListID \($0)" }].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        add("Customer named in the payment", reference(evidence.paymentCustomer))
        add("Invoice's customer now", reference(evidence.invoiceCustomer))
        add("Payment's customer still in QuickBooks", evidence.paymentCustomerExists.map { $0 ? "yes" : "no (merged away or deleted)" })
        add("Amount to apply", evidence.amountToApply?.displayText)
        add("Transaction date", evidence.transactionDate)
        add("Closing date", evidence.closingDate)
        add("Request", evidence.requestKind)
        add("QuickBooks status code", record.statusCode.map(String.init))
        add("QuickBooks said", evidence.quickBooksMessage ?? record.statusMessage ?? evidence.message)
        add("HRESULT", record.hresult)
        add("HRESULT meaning", evidence.hresultText)
        add("Object", [evidence.objectType, evidence.objectName, evidence.objectID].compactMap { $0 }.joined(separator: " "))
        add("Field", [evidence.field, evidence.value].compactMap { $0 }.joined(separator: " = "))
        add("Company file", evidence.companyFilePath)
        add("Web Connector user", evidence.userName)
        add("Web Connector version", evidence.clientVersion)
        add("Lowest version accepted", evidence.minimumClientVersion)
        add("Last session", evidence.lastSessionAt)
        add("Minutes since then", evidence.minutesSinceLastSession.map(String.init))
        add("Schedule (minutes)", evidence.runEveryMinutes.map(String.init))
        add("Already paid by our own earlier post", evidence.ownDuplicate.map { $0 ? "yes" : "no" })
        self.facts = facts
        hasFacts = !facts.isEmpty

        let causes = Set((evidence.causes ?? []).map(\.txnID))
        var linked = (evidence.invoice?.linkedTransactions ?? []).map { Self.linked($0, isCause: causes.contains($0.txnID)) }
        for cause in evidence.causes ?? [] where !linked.contains(where: { $0.txnID == cause.txnID }) {
            linked.append(Self.linked(cause, isCause: true))
        }
        self.linked = linked
        hasLinked = !linked.isEmpty
        invoice = evidence.invoice.map { snapshot in
            var rows = [PairView(label: "Invoice", value: snapshot.refNumber ?? "—"), PairView(label: "TxnID", value: snapshot.txnID)]
            if let customer = snapshot.customer?.fullName ?? snapshot.customer?.listID { rows.append(PairView(label: "Customer", value: customer)) }
            if let date = snapshot.txnDate { rows.append(PairView(label: "Date", value: date)) }
            if let subtotal = snapshot.subtotal { rows.append(PairView(label: "Subtotal", value: subtotal.displayText)) }
            if let tax = snapshot.salesTaxTotal { rows.append(PairView(label: "Sales tax", value: tax.displayText)) }
            if let applied = snapshot.appliedAmount { rows.append(PairView(label: "Paid or credited so far", value: applied.magnitude.displayText)) }
            rows.append(PairView(label: "Open balance", value: snapshot.balanceRemaining.displayText))
            rows.append(PairView(label: "Paid in full", value: snapshot.isPaid ? "yes" : "no"))
            if let modified = snapshot.timeModified { rows.append(PairView(label: "Last changed in QuickBooks", value: modified)) }
            return Rows(rows: rows)
        }
        candidate = evidence.candidate.map { found in
            var rows = [PairView(label: "Invoice", value: found.refNumber ?? "—"), PairView(label: "TxnID", value: found.txnID)]
            if let amount = found.amount { rows.append(PairView(label: "Amount", value: amount.displayText)) }
            if let date = found.txnDate { rows.append(PairView(label: "Date", value: date)) }
            return Rows(rows: rows)
        }
        customerCandidates = (evidence.customerCandidates ?? []).map {
            CustomerCandidateView(name: $0.fullName ?? "—", listID: $0.listID, email: $0.email ?? "—", matchedBy: $0.matchedBy, inactive: !$0.isActive)
        }
        hasCustomerCandidates = !customerCandidates.isEmpty
        hasEvidence = hasFacts || invoice != nil || hasLinked || candidate != nil || hasCustomerCandidates
    }

    private static func linked(_ transaction: LinkedTransaction, isCause: Bool) -> LinkedView {
        LinkedView(type: UIFormat.label(transaction.txnType == "ReceivePayment" ? "payment" : transaction.txnType == "CreditMemo" ? "credit memo" : transaction.txnType),
                   number: transaction.refNumber ?? "—", date: transaction.txnDate ?? "—", amount: transaction.amount.magnitude.displayText,
                   txnID: transaction.txnID, isCause: isCause)
    }
}

/// The failures list with its filter form.
struct FailureListView {
    struct Row {
        var href: String
        var title: String
        var category: String
        var company: String
        var status: String
        var created: String
    }

    var chrome: Chrome
    var companyOptions: [OptionView]
    var categoryOptions: [OptionView]
    var statusOptions: [OptionView]
    var rows: [Row]
    var hasRows: Bool
    /// The next (older) page, keeping the filter.
    var nextHref: String?
    /// The first (newest) page with the same filter, on a later page.
    var firstHref: String?
    var emptyHint: String
}
