import Foundation
import QBXML
import Domain
import Store
import Triage

extension PaymentRun {
    /// QuickBooks' responses of one document, by request id.
    typealias Responses = [String: QBXMLResponse]

    /// Reads the preflight answers: payments found by their marker are posted; every application is
    /// checked against its invoice as QuickBooks shows it now (amounts already planned in this batch for
    /// the same invoice are taken off its balance).
    func afterPreflight(_ responses: Responses) -> (PaymentBatch, [JobID: JobOutcome]) {
        var batch = self.batch
        var outcomes: [JobID: JobOutcome] = [:]
        var planned: [String: Money] = [:]
        let shared = sharedQueries()
        for (index, entry) in batch.jobs.enumerated() where !entry.done && entry.kind == .paymentPost {
            guard let payment = work[entry.id]?.payment else {
                outcomes[entry.id] = .failed(Self.unreadablePayload())
                continue
            }
            if entry.needsLookup {
                guard let lookup = responses[BatchRequestID.lookup(shared.lookup[index] ?? index).text] else {
                    outcomes[entry.id] = .requeued(reason: "QuickBooks did not answer the look-up", mayExist: true)
                    continue
                }
                let found = lookup.records.compactMap { record -> ReceivePayment? in
                    if case .receivePayment(let payment) = record { return payment }
                    return nil
                }.first { PaymentMarker.matches($0, job: entry.id) }
                if let found, let txnID = found.txnID?.rawValue {
                    outcomes[entry.id] = .posted(txnID: txnID, note: "Found in QuickBooks by its marker after a lost answer; not sent again.")
                    continue
                }
                batch.jobs[index].needsLookup = false
            }
            // After the look-up (a payment QuickBooks already has is posted, whatever its date), before the
            // invoice check: a payment in the closed period is refused whatever its invoices say.
            if let dating = dating(payment), case .fail(let draft) = Classifier.preflight(dating) {
                outcomes[entry.id] = .failed(draft)
                continue
            }
            let decision = payment.applications.isEmpty
                ? autoMatch(index: shared.openInvoices[index] ?? index, payment: payment, responses: responses, planned: planned)
                : check(index: index, payment: payment, responses: responses, planned: planned)
            switch decision {
            case .plan(let plan):
                batch.jobs[index].plan = plan
                batch.jobs[index].customerName = Self.customerName(index: index, payment: payment, responses: responses)
                    ?? batch.jobs[index].customerName
                for application in plan {
                    planned[application.txnID] = Money(cents: (planned[application.txnID]?.cents ?? 0) + application.amount.cents) ?? application.amount
                }
            case .missing(let missing):
                batch.jobs[index].missing = missing
            case .otherCustomer(let invoice):
                batch.jobs[index].otherCustomer = invoice
            case .outcome(let outcome):
                outcomes[entry.id] = outcome
            }
        }
        batch.stage = .post
        return (batch, outcomes)
    }

    private enum Decision {
        case plan([PaymentBatch.PlannedApplication])
        case missing(PaymentBatch.MissingInvoice)
        case otherCustomer(PaymentBatch.OtherCustomerInvoice)
        case outcome(JobOutcome)
    }

    private func check(index: Int, payment: PaymentPayload, responses: Responses, planned: [String: Money]) -> Decision {
        let customer = InvoiceEvidence.customer(payment, knownName: batch.jobs[index].customerName)
        var plan: [PaymentBatch.PlannedApplication] = []
        for (number, application) in payment.applications.enumerated() {
            let amount = Money(application.amount) ?? .zero
            guard let response = responses[BatchRequestID.invoice(index, number).text] else {
                return .outcome(.requeued(reason: "QuickBooks did not answer the invoice check", mayExist: true))
            }
            let status = response.header.status
            if status.code >= 1000 && !Classifier.meansNotFound(statusCode: status.code) {
                let draft = Classifier.classify(RequestFailureInput(
                    requestKind: "InvoiceQuery", statusCode: status.code, statusSeverity: status.severity, statusMessage: status.message,
                    applications: [Self.applied(application)], customer: customer
                ))
                return .outcome(draft.map(JobOutcome.failed) ?? .requeued(reason: "invoice check answered \(status.code)", mayExist: true))
            }
            let all = Self.invoices(response)
            let invoices = all.filter { InvoiceEvidence.belongs($0, to: payment) }
            let found = status.code == 0 ? Self.pick(invoices, application) : nil
            // A TxnID names one invoice: found under another customer, it was moved or its customer merged
            // away, which the customer query of the post round trip tells apart. (A RefNumber may be used by
            // several customers, so an invoice number found only under others still reads as not found.)
            if found == nil, status.code == 0, let txnID = application.invoice.txnId,
               let elsewhere = all.first(where: { $0.txnID?.rawValue == txnID }),
               let snapshot = InvoiceEvidence.snapshot(elsewhere) {
                return .otherCustomer(.init(invoice: snapshot, expectedRefNumber: application.invoice.refNumber, amount: amount))
            }
            let namedID = found?.txnID?.rawValue ?? application.invoice.txnId ?? "#" + (application.invoice.refNumber ?? "")
            var snapshot: InvoiceSnapshot?
            if let found {
                let balance = found.balanceRemaining ?? .zero
                let available = Money(cents: balance.cents - (planned[namedID]?.cents ?? 0)) ?? balance
                snapshot = InvoiceEvidence.snapshot(found, balanceOverride: available)
            }
            let evidence = PreflightEvidence(
                invoiceTxnID: namedID, expectedRefNumber: application.invoice.refNumber ?? found?.refNumber, invoice: snapshot,
                amountToApply: InvoiceEvidence.amount(amount), paymentCustomer: customer
            )
            switch Classifier.preflight(evidence) {
            case .post:
                guard let found, let txnID = found.txnID?.rawValue else { return .outcome(.requeued(reason: "invoice without TxnID", mayExist: true)) }
                plan.append(.init(txnID: txnID, refNumber: found.refNumber, amount: amount))
            case .fail(let draft):
                if draft.category == .invoiceMissing {
                    return .missing(.init(txnID: namedID, refNumber: application.invoice.refNumber, amount: amount))
                }
                return .outcome(.failed(draft))
            }
        }
        return .plan(plan)
    }

    /// No invoice named: one open invoice of exactly the amount, else open invoices oldest first (docs/architecture.md, "Payment posting").
    /// `index` is the payment whose open-invoice query answers for this one (see `sharedQueries`).
    private func autoMatch(index: Int, payment: PaymentPayload, responses: Responses, planned: [String: Money]) -> Decision {
        guard let response = responses[BatchRequestID.openInvoices(index).text] else {
            return .outcome(.requeued(reason: "QuickBooks did not answer the open-invoice query", mayExist: true))
        }
        let amount = payment.money
        let status = response.header.status
        // 500 (a name) or 3120 (a ListID): QuickBooks no longer knows the customer the filter names, most
        // likely merged away. 1 only means the customer has no open invoice.
        if status.code != 1, Classifier.meansNotFound(statusCode: status.code) {
            return .outcome(.failed(Classifier.paymentCustomerNotFound(
                InvoiceEvidence.customer(payment, knownName: batch.jobs[index].customerName), amount: InvoiceEvidence.amount(amount),
                statusCode: status.code, statusMessage: status.message)))
        }
        let open: [(invoice: Invoice, available: Money)] = Self.invoices(response)
            .filter { InvoiceEvidence.belongs($0, to: payment) }
            .compactMap { invoice in
                guard let id = invoice.txnID?.rawValue, let balance = invoice.balanceRemaining else { return nil }
                let available = balance.cents - (planned[id]?.cents ?? 0)
                return available > 0 ? (invoice, Money(cents: available) ?? balance) : nil
            }
            .sorted { ($0.invoice.txnDate ?? QBDate(year: 9999, month: 12, day: 31)!, $0.invoice.refNumber ?? "")
                < ($1.invoice.txnDate ?? QBDate(year: 9999, month: 12, day: 31)!, $1.invoice.refNumber ?? "") }
        let exact = open.filter { $0.available == amount }
        if exact.count == 1, let only = exact.first, let id = only.invoice.txnID?.rawValue {
            return .plan([.init(txnID: id, refNumber: only.invoice.refNumber, amount: amount)])
        }
        var remaining = amount.cents
        var plan: [PaymentBatch.PlannedApplication] = []
        for candidate in open where remaining > 0 {
            guard let id = candidate.invoice.txnID?.rawValue else { continue }
            let take = min(candidate.available.cents, remaining)
            remaining -= take
            plan.append(.init(txnID: id, refNumber: candidate.invoice.refNumber, amount: Money(cents: take) ?? .zero))
        }
        guard remaining == 0, !plan.isEmpty else {
            return .outcome(.failed(Self.notEnoughOpenInvoices(payment: payment, knownName: batch.jobs[index].customerName,
                                                               open: open.map(\.available), short: Money(cents: remaining) ?? .zero)))
        }
        return .plan(plan)
    }

    /// Reads the post answers: TxnIDs for posted payments, reversals done, rejections queued for the
    /// follow-up check, candidates for missing invoices.
    func afterPost(_ responses: Responses) -> (PaymentBatch, [JobID: JobOutcome]) {
        var batch = self.batch
        var outcomes: [JobID: JobOutcome] = [:]
        for (index, entry) in batch.jobs.enumerated() where !entry.done {
            guard let payment = work[entry.id]?.payment ?? (entry.kind == .paymentReverse ? PaymentPayload.empty : nil) else { continue }
            if entry.kind == .paymentReverse {
                outcomes[entry.id] = reversal(responses[BatchRequestID.delete(index).text])
            } else if let plan = entry.plan {
                guard let response = responses[BatchRequestID.post(index).text] else {
                    outcomes[entry.id] = .requeued(reason: "QuickBooks returned no answer for the payment", mayExist: true)
                    continue
                }
                let status = response.header.status
                let added = response.records.compactMap { record -> ReceivePayment? in
                    if case .receivePayment(let payment) = record { return payment }
                    return nil
                }.first
                if let added, let txnID = added.txnID?.rawValue {
                    outcomes[entry.id] = .posted(txnID: txnID, note: Self.note(added, plan: plan, status: status))
                } else if Classifier.meansNotProcessed(statusCode: status.code) {
                    outcomes[entry.id] = .requeued(reason: "QuickBooks did not process it (\(status.code)) because an earlier request failed", mayExist: false)
                } else {
                    let rejection = PaymentBatch.Rejection(statusCode: status.code, severity: status.severity, message: status.message)
                    let input = Self.rejectedAdd(rejection, plan: plan, payment: payment, customerName: entry.customerName, closingDate: closingDate)
                    if Classifier.invoicesToRecheck(after: input).isEmpty {
                        // The classification does not read the invoice: no round trip is spent re-reading it.
                        let draft = Classifier.classify(input)
                        outcomes[entry.id] = draft.map(JobOutcome.failed) ?? .requeued(reason: "QuickBooks answered \(status.code) without a payment", mayExist: true)
                    } else {
                        batch.jobs[index].rejection = rejection
                    }
                }
            } else if let other = entry.otherCustomer {
                outcomes[entry.id] = Self.otherCustomer(other, payment: payment, knownName: entry.customerName,
                                                        answer: responses[BatchRequestID.customer(index).text])
            } else if let missing = entry.missing {
                let candidates = responses[BatchRequestID.candidates(index).text].map(Self.invoices) ?? []
                let candidate = Self.candidate(for: missing, among: candidates.filter { InvoiceEvidence.belongs($0, to: payment) })
                let evidence = PreflightEvidence(
                    invoiceTxnID: missing.txnID, expectedRefNumber: missing.refNumber, invoice: nil,
                    amountToApply: InvoiceEvidence.amount(missing.amount), paymentCustomer: InvoiceEvidence.customer(payment, knownName: entry.customerName),
                    candidate: candidate
                )
                if case .fail(let draft) = Classifier.preflight(evidence) { outcomes[entry.id] = .failed(draft) }
            }
        }
        batch.stage = .followUp
        return (batch, outcomes)
    }

    /// The outcome for a payment whose invoice belongs to another customer, from the customer query's answer:
    /// not found means the payment's customer is gone (merged into the invoice's customer); found means the
    /// invoice was moved. Without an answer the job goes back to the queue and is checked again.
    static func otherCustomer(_ other: PaymentBatch.OtherCustomerInvoice, payment: PaymentPayload, knownName: String?,
                              answer: QBXMLResponse?) -> JobOutcome {
        guard let answer else { return .requeued(reason: "QuickBooks did not answer the customer query", mayExist: false) }
        let status = answer.header.status
        let exists: Bool
        if Classifier.meansNotFound(statusCode: status.code) {
            exists = false
        } else if status.code == 0 {
            exists = true
        } else {
            return .requeued(reason: "the customer query answered \(status.code)", mayExist: false)
        }
        let evidence = PreflightEvidence(
            invoiceTxnID: other.invoice.txnID, expectedRefNumber: other.expectedRefNumber ?? other.invoice.refNumber,
            invoice: other.invoice, amountToApply: InvoiceEvidence.amount(other.amount),
            paymentCustomer: InvoiceEvidence.customer(payment, knownName: knownName), paymentCustomerExists: exists
        )
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            return .requeued(reason: "the invoice belongs to the payment's customer again", mayExist: false)
        }
        return .failed(draft)
    }

    private func reversal(_ response: QBXMLResponse?) -> JobOutcome {
        guard let response else { return .requeued(reason: "QuickBooks returned no answer for the reversal", mayExist: true) }
        let status = response.header.status
        if status.isSuccess { return .reversed(note: "Deleted the ReceivePayment in QuickBooks; its invoices are open again.") }
        if Classifier.meansNotFound(statusCode: status.code) { return .reversed(note: "The ReceivePayment was already gone from QuickBooks.") }
        let draft = Classifier.classify(RequestFailureInput(requestKind: "TxnDel", statusCode: status.code, statusSeverity: status.severity,
                                                            statusMessage: status.message))
        return draft.map(JobOutcome.failed) ?? .requeued(reason: "reversal answered \(status.code)", mayExist: true)
    }

    /// Classifies rejected adds with the invoices Triage asked to read again, as QuickBooks shows them after
    /// the rejection (a rejection that needs no re-read is classified without them).
    func afterFollowUp(_ responses: Responses) -> (PaymentBatch, [JobID: JobOutcome]) {
        var outcomes: [JobID: JobOutcome] = [:]
        for (index, entry) in batch.jobs.enumerated() where !entry.done {
            guard let rejection = entry.rejection, let plan = entry.plan, let payment = work[entry.id]?.payment else { continue }
            var evidence: PreflightEvidence?
            for (number, application) in Self.recheckedApplications(rejection, plan: plan, payment: payment) {
                let response = responses[BatchRequestID.followUp(index, number).text]
                let found = response.flatMap { $0.header.status.code == 0 ? Self.invoices($0).first : nil }
                let candidate = PreflightEvidence(
                    invoiceTxnID: application.txnID, expectedRefNumber: application.refNumber,
                    invoice: found.flatMap { InvoiceEvidence.snapshot($0) }, amountToApply: InvoiceEvidence.amount(application.amount),
                    paymentCustomer: InvoiceEvidence.customer(payment, knownName: entry.customerName)
                )
                evidence = candidate
                // The first application that would not pass now is the one QuickBooks refused.
                if case .fail = Classifier.preflight(candidate) { break }
            }
            var input = Self.rejectedAdd(rejection, plan: plan, payment: payment, customerName: entry.customerName, closingDate: closingDate)
            input.preflight = evidence
            let draft = Classifier.classify(input)
            outcomes[entry.id] = draft.map(JobOutcome.failed) ?? .requeued(reason: "rejected with \(rejection.statusCode) but the invoice now fits", mayExist: false)
        }
        var batch = self.batch
        for index in batch.jobs.indices { batch.jobs[index].rejection = nil }
        return (batch, outcomes)
    }

    // MARK: helpers

    /// A rejected ReceivePaymentAdd as Triage reads it (without the invoices read again). `customerName` is the
    /// customer's name the invoice check saw, so texts name a customer the job gave by ListID only; `closingDate`
    /// is the one this session's host report named, for the texts of a 3171.
    static func rejectedAdd(_ rejection: PaymentBatch.Rejection, plan: [PaymentBatch.PlannedApplication], payment: PaymentPayload,
                            customerName: String? = nil, closingDate: LedgerDate? = nil) -> RequestFailureInput {
        RequestFailureInput(
            requestKind: "ReceivePaymentAdd", statusCode: rejection.statusCode, statusSeverity: rejection.severity,
            statusMessage: rejection.message, applications: plan.map(Self.applied),
            customer: InvoiceEvidence.customer(payment, knownName: customerName),
            references: Self.references(payment), transactionDate: LedgerDate(payment.date), closingDate: closingDate
        )
    }

    /// The payment's date beside the session's closing date, for the pre-flight check; nil for a stored date
    /// that does not read (the enqueue check makes that impossible, and QuickBooks would then judge it).
    func dating(_ payment: PaymentPayload) -> PaymentDating? {
        guard let date = LedgerDate(payment.date) else { return nil }
        return PaymentDating(paymentDate: date, closingDate: closingDate, customer: InvoiceEvidence.customer(payment),
                             amount: InvoiceEvidence.amount(payment.money))
    }

    /// The planned applications whose invoices a rejection needs read again, with their place in the plan
    /// (which names their follow-up request). Triage decides which (`Classifier.invoicesToRecheck`).
    static func recheckedApplications(_ rejection: PaymentBatch.Rejection, plan: [PaymentBatch.PlannedApplication],
                                      payment: PaymentPayload) -> [(number: Int, application: PaymentBatch.PlannedApplication)] {
        let recheck = Set(Classifier.invoicesToRecheck(after: rejectedAdd(rejection, plan: plan, payment: payment)))
        return plan.enumerated().filter { recheck.contains($0.element.txnID) }.map { ($0.offset, $0.element) }
    }

    /// The customer's full name on the payment's own invoices as the check read them, when the job names its
    /// customer by ListID only; nil when the job has a name or no invoice was read (a payment without invoices).
    static func customerName(index: Int, payment: PaymentPayload, responses: Responses) -> String? {
        guard payment.customer.fullName == nil else { return nil }
        let read = payment.applications.indices.flatMap { number in
            responses[BatchRequestID.invoice(index, number).text].map(Self.invoices) ?? []
        }
        return read.first { InvoiceEvidence.belongs($0, to: payment) && $0.customer?.fullName != nil }?.customer?.fullName
    }

    static func invoices(_ response: QBXMLResponse) -> [Invoice] {
        response.records.compactMap { record in
            if case .invoice(let invoice) = record { return invoice }
            return nil
        }
    }

    /// For a RefNumber look-up several invoices may match: prefer the open one.
    static func pick(_ invoices: [Invoice], _ application: PaymentPayload.Application) -> Invoice? {
        if let txnID = application.invoice.txnId { return invoices.first { $0.txnID?.rawValue == txnID } ?? invoices.first }
        return invoices.first { ($0.balanceRemaining ?? .zero) > .zero } ?? invoices.first
    }

    static func candidate(for missing: PaymentBatch.MissingInvoice, among invoices: [Invoice]) -> CandidateInvoice? {
        let byRef = missing.refNumber.flatMap { ref in invoices.first { $0.refNumber == ref } }
        let byAmount = invoices.first { $0.balanceRemaining == missing.amount || $0.subtotal == missing.amount }
        guard let match = byRef ?? byAmount, let txnID = match.txnID?.rawValue else { return nil }
        return CandidateInvoice(txnID: txnID, refNumber: match.refNumber,
                                amount: (match.balanceRemaining ?? match.subtotal).map(InvoiceEvidence.amount), txnDate: match.txnDate?.description)
    }

    static func applied(_ application: PaymentPayload.Application) -> AppliedInvoice {
        AppliedInvoice(txnID: application.invoice.txnId ?? "", refNumber: application.invoice.refNumber,
                       amount: Money(application.amount).map(InvoiceEvidence.amount))
    }

    static func applied(_ application: PaymentBatch.PlannedApplication) -> AppliedInvoice {
        AppliedInvoice(txnID: application.txnID, refNumber: application.refNumber, amount: InvoiceEvidence.amount(application.amount))
    }

    static func references(_ payment: PaymentPayload) -> [RequestReference] {
        var references: [RequestReference] = []
        if let method = payment.paymentMethod { references.append(RequestReference(kind: .paymentMethod, fullName: method)) }
        if let account = payment.depositToAccount { references.append(RequestReference(kind: .account, fullName: account)) }
        return references
    }

    static func note(_ added: ReceivePayment, plan: [PaymentBatch.PlannedApplication], status: QBXMLStatus) -> String? {
        var notes: [String] = []
        if status.code != 0 { notes.append("QuickBooks warned \(status.code): \(status.message)") }
        if let unused = added.unusedPayment, unused > .zero {
            notes.append("QuickBooks left \(unused) unapplied (a customer credit); check the payment's applications.")
        }
        let appliedIDs = Set(added.appliedTo.compactMap { $0.txnID?.rawValue })
        let missing = plan.filter { !appliedIDs.contains($0.txnID) }
        if !added.appliedTo.isEmpty, !missing.isEmpty {
            notes.append("Not applied to: \(missing.map { $0.refNumber ?? $0.txnID }.joined(separator: ", ")).")
        }
        return notes.isEmpty ? nil : notes.joined(separator: " ")
    }

    static func unreadablePayload() -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = "bridge"
        return FailureRecordDraft(
            category: .invalidRequest, title: "The stored payment could not be read",
            summary: "QBBridge could not read this payment's stored data, so it was not sent. This is a QBBridge problem, not a bookkeeping one.",
            evidence: evidence, resolution: ["Send the payment again from the upstream application with a new externalId.", "Dismiss this one."],
            actions: [.dismiss, .delete], retryPolicy: nil
        )
    }

    static func notEnoughOpenInvoices(payment: PaymentPayload, knownName: String? = nil, open: [Money], short: Money) -> FailureRecordDraft {
        let total = open.reduce(0) { $0 + $1.cents }
        // Texts name the customer, never its bare ListID (which stays in the evidence).
        let customer = payment.customer.fullName ?? knownName ?? "the customer"
        var evidence = FailureEvidence()
        evidence.source = "preflight"
        evidence.customerName = payment.customer.fullName ?? payment.customer.listId
        evidence.amountToApply = InvoiceEvidence.amount(payment.money)
        return FailureRecordDraft(
            category: .amountChanged,
            title: open.isEmpty ? "No open invoice to apply the payment to" : "Open invoices do not cover the payment",
            summary: open.isEmpty
                ? "The payment of \(payment.money) from \(customer) names no invoice, and \(customer) has no open invoice in QuickBooks to apply it to."
                : "The payment of \(payment.money) from \(customer) names no invoice; \(customer)'s open invoices total \(Money(cents: Int64(total)) ?? .zero), \(short) short.",
            evidence: evidence,
            resolution: [
                "Check in QuickBooks (Customers → Customer Center → \(customer)) which invoices this payment is for.",
                "Ask the upstream application to send the payment again naming the invoices, or create the missing invoice in QuickBooks.",
                "QBBridge re-checks at every sync and posts the payment once open invoices cover it; dismiss it if it was recorded another way.",
            ],
            actions: [.retry, .dismiss, .delete], retryPolicy: .everySync
        )
    }
}

extension PaymentPayload {
    static let empty = PaymentPayload(externalId: "", customer: .init(), amount: "0.00", date: "1970-01-01", paymentMethod: nil,
                                      refNumber: nil, memo: nil, depositToAccount: nil, applications: [])
}
