import Foundation
import Logging
public import Domain
public import Store

/// Enqueueing and reading payments and refunds: shared by the JSON API and the CLI.
public struct PaymentService: Sendable {
    let store: Store

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// Validates and enqueues a payment. The same `externalId` with the same body returns the existing job
    /// (also after it posted, and under concurrent identical requests); a different body is a conflict.
    public func enqueue(_ input: PaymentInput, companyID: CompanyID, actor: String) async throws -> EnqueueResult {
        guard let company = try await store.companies.find(companyID) else { throw BridgeError.notFound("company", companyID.rawValue) }
        if company.readOnly {
            throw BridgeError.conflict("Company \(company.name) is a read-only connection; payments cannot be posted through it.")
        }
        var payload = try input.validated(syncStartDate: company.syncStartDate)
        // The idempotency hash covers the body as sent, before the customer id is resolved: a replay stays
        // a replay even if the mapping changed since.
        let bodyHash = payload.bodyHash
        if let external = payload.customer.externalId {
            guard let mapping = try await store.customerMappings.find(companyID: companyID, externalID: external) else {
                throw BridgeError.invalidInput(["customer.externalId": "\"\(external)\" is not mapped to a QuickBooks customer of \(company.name); map it first with POST /api/v1/companies/\(companyID)/customer-mappings"])
            }
            payload.customer.listId = mapping.listID
            payload.customer.fullName = mapping.fullName
        }
        do {
            return try await store.jobs.enqueue(
                NewJob(companyID: companyID, kind: .paymentPost, externalID: payload.externalId, bodyHash: bodyHash, payload: payload.canonicalJSON),
                actor: actor, detail: ["externalId": payload.externalId, "amount": payload.amount]
            )
        } catch StoreError.conflict {
            throw BridgeError.conflict("externalId \"\(payload.externalId)\" was already used for a different payment; use a new externalId for a new payment, or send exactly the same body to read the existing one.")
        }
    }

    /// A payment job and its open failure record.
    public func payment(_ id: JobID) async throws -> (job: Job, failure: FailureRecord?) {
        guard let job = try await store.jobs.find(id), job.kind == .paymentPost else { throw BridgeError.notFound("payment", id.rawValue) }
        return (job, try await store.failures.open(forJob: id))
    }

    /// Queues the reversal (refund) of a posted payment: a TxnDel of its ReceivePayment, so its invoices reopen.
    public func reverse(_ id: JobID, actor: String) async throws -> Job {
        var job = try await payment(id).job
        switch job.status {
        case .posted:
            break
        case .reversing, .reversed:
            return job
        default:
            throw BridgeError.conflict("Payment \(id) is \(job.status.rawValue), not posted; only a posted payment can be reversed. Dismiss it instead if it should never post.")
        }
        guard let txnID = job.txnID else { throw BridgeError.conflict("Payment \(id) has no QuickBooks TxnID to reverse.") }
        let payload = #"{"paymentJob":"\#(job.id.rawValue)","txnId":"\#(txnID)"}"#
        _ = try await store.jobs.enqueue(
            NewJob(companyID: job.companyID, kind: .paymentReverse, priority: 1, externalID: "reverse:" + job.id.rawValue,
                   bodyHash: payload, payload: payload, dependsOn: job.id),
            actor: actor, detail: ["payment": job.id.rawValue, "txnId": txnID]
        )
        job.status = .reversing
        try await store.jobs.save(job, activity: NewActivity(
            actor: actor, companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "payment.reversal_queued",
            detail: ["txnId": txnID]
        ))
        return try await payment(id).job
    }
}
