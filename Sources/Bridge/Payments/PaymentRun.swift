import Foundation
import QBXML
import Domain
import Store
import Triage

/// The payment pipeline's decisions, as pure functions over a batch and QuickBooks' responses: which
/// requests to send next, and what each response means for each job (docs/architecture.md, "Payment posting"). No I/O here; the
/// session handler loads and saves.
struct PaymentRun {
    /// A job of the batch with its decoded input.
    struct Work {
        var job: Job
        var payment: PaymentPayload?
        var reversalTxnID: String?
    }

    let batch: PaymentBatch
    let work: [JobID: Work]
    /// The company's closing date from this session's host report, nil when unknown: payments dated on or
    /// before it are not sent (docs/failure-catalogue.md, "The closing date").
    var closingDate: LedgerDate?

    // MARK: Building documents

    /// The preflight requests: look-ups for payments sent before, and the invoices each payment applies to.
    func preflightRequests() -> [any QBXMLRequest] {
        var requests: [any QBXMLRequest] = []
        let shared = sharedQueries()
        for (index, entry) in batch.jobs.enumerated() where !entry.done && entry.kind == .paymentPost {
            guard let payment = work[entry.id]?.payment, let date = payment.qbDate else { continue }
            let entity = Self.entity(payment)
            if entry.needsLookup, shared.lookup[index] == index {
                requests.append(ReceivePaymentQueryRq(
                    requestID: BatchRequestID.lookup(index).text,
                    selection: .filter(TxnFilter(dateRange: .txnDate(from: date.adding(days: -1), to: date.adding(days: 1)), entity: entity)),
                    includeLineItems: true
                ))
            }
            if payment.applications.isEmpty, shared.openInvoices[index] == index {
                requests.append(InvoiceQueryRq(requestID: BatchRequestID.openInvoices(index).text,
                                               selection: .filter(TxnFilter(entity: entity)), paidStatus: .notPaidOnly, includeLinkedTxns: true))
            }
            for (number, application) in payment.applications.enumerated() {
                let selection: TxnQuerySelection = application.invoice.txnId.map { .txnIDs([TxnID($0)]) }
                    ?? .refNumbers([application.invoice.refNumber ?? ""])
                requests.append(InvoiceQueryRq(requestID: BatchRequestID.invoice(index, number).text, selection: selection, includeLinkedTxns: true))
            }
        }
        return requests
    }

    /// The post requests: ReceivePaymentAdd for planned payments, TxnDel for reversals, the search for a
    /// recreated invoice for payments whose invoice is gone, and the customer query for payments whose invoice
    /// belongs to another customer now.
    func postRequests() -> (requests: [any QBXMLRequest], sent: [JobID]) {
        var requests: [any QBXMLRequest] = []
        var sent: [JobID] = []
        for (index, entry) in batch.jobs.enumerated() where !entry.done {
            guard let work = work[entry.id] else { continue }
            if entry.kind == .paymentReverse, let txnID = work.reversalTxnID {
                requests.append(TxnDelRq(requestID: BatchRequestID.delete(index).text, txnDelType: .receivePayment, txnID: TxnID(txnID)))
                sent.append(entry.id)
            } else if let plan = entry.plan, let payment = work.payment, let date = payment.qbDate {
                requests.append(ReceivePaymentAddRq(
                    requestID: BatchRequestID.post(index).text,
                    customer: payment.customerRef,
                    txnDate: date,
                    refNumber: payment.refNumber,
                    totalAmount: payment.money,
                    paymentMethod: payment.paymentMethod.map { .fullName($0) },
                    memo: PaymentMarker.memo(payment.memo, job: entry.id),
                    depositToAccount: payment.depositToAccount.map { .fullName($0) },
                    externalGUID: PaymentMarker.externalGUID(for: entry.id),
                    appliedTo: plan.map { AppliedToTxnAdd(txnID: TxnID($0.txnID), paymentAmount: $0.amount) }
                ))
                sent.append(entry.id)
            } else if entry.otherCustomer != nil, let payment = work.payment {
                // Does the payment's customer still exist? A merge removes it; a moved invoice does not.
                requests.append(CustomerQueryRq(requestID: BatchRequestID.customer(index).text, selection: Self.customerSelection(payment)))
            } else if entry.missing != nil, let payment = work.payment {
                requests.append(InvoiceQueryRq(requestID: BatchRequestID.candidates(index).text,
                                               selection: .filter(TxnFilter(entity: Self.entity(payment))), paidStatus: .notPaidOnly))
            }
        }
        return (requests, sent)
    }

    /// The follow-up requests: the invoices of rejected adds that Triage needs read again to classify them.
    func followUpRequests() -> [any QBXMLRequest] {
        var requests: [any QBXMLRequest] = []
        for (index, entry) in batch.jobs.enumerated() where !entry.done {
            guard let rejection = entry.rejection, let plan = entry.plan, let payment = work[entry.id]?.payment else { continue }
            for (number, application) in Self.recheckedApplications(rejection, plan: plan, payment: payment) {
                requests.append(InvoiceQueryRq(requestID: BatchRequestID.followUp(index, number).text,
                                               selection: .txnIDs([TxnID(application.txnID)]), includeLinkedTxns: true))
            }
        }
        return requests
    }

    /// For each payment of the batch, the index of the payment whose query answers for it. Uncertain
    /// payments of one customer and day share one look-up, and payments without invoices of one customer
    /// share one open-invoice query: QuickBooks answers each such query with every payment (or invoice)
    /// of that customer, so one query per payment would make the answer grow with the square of the batch
    /// (200 uncertain payments of one customer came to more than 10 MB, past libxml2's text limit).
    func sharedQueries() -> (lookup: [Int: Int], openInvoices: [Int: Int]) {
        struct LookupKey: Hashable { var entity: EntityFilter; var date: QBDate }
        var lookupLeaders: [LookupKey: Int] = [:]
        var invoiceLeaders: [EntityFilter: Int] = [:]
        var lookup: [Int: Int] = [:]
        var openInvoices: [Int: Int] = [:]
        for (index, entry) in batch.jobs.enumerated() where !entry.done && entry.kind == .paymentPost {
            guard let payment = work[entry.id]?.payment, let date = payment.qbDate else { continue }
            let entity = Self.entity(payment)
            if entry.needsLookup {
                let key = LookupKey(entity: entity, date: date)
                lookup[index] = lookupLeaders[key] ?? index
                if lookupLeaders[key] == nil { lookupLeaders[key] = index }
            }
            if payment.applications.isEmpty {
                openInvoices[index] = invoiceLeaders[entity] ?? index
                if invoiceLeaders[entity] == nil { invoiceLeaders[entity] = index }
            }
        }
        return (lookup, openInvoices)
    }

    /// The payment's customer as a customer query names it: by ListID when the job has one, else by full name.
    static func customerSelection(_ payment: PaymentPayload) -> CustomerQuerySelection {
        if let listID = payment.customer.listId { return .listIDs([ListID(listID)]) }
        return .fullNames([payment.customer.fullName ?? ""])
    }

    static func entity(_ payment: PaymentPayload) -> EntityFilter {
        if let listID = payment.customer.listId { return .listIDs([ListID(listID)]) }
        return .fullNames([payment.customer.fullName ?? ""])
    }
}
