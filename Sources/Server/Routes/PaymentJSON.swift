import Bridge
import Foundation
import Store
import Triage

/// A payment as the JSON API shows it (design.md §6): its state, QuickBooks TxnID once posted and the
/// open failure record embedded.
struct PaymentJSON: Encodable {
    var id: String
    var externalId: String?
    var companyId: String
    var status: String
    var txnId: String?
    var failure: FailureJSON?
    var customer: PaymentPayload.CustomerSelector?
    var amount: String?
    var date: String?
    var paymentMethod: String?
    var refNumber: String?
    var memo: String?
    var depositToAccount: String?
    var applications: [PaymentPayload.Application]?
    var attempts: Int
    var note: String?
    var nextCheckAt: String?
    var createdAt: String
    var updatedAt: String

    init(_ job: Job, failure: FailureRecord?) {
        let payload = try? PaymentPayload(json: job.payload)
        id = job.id.rawValue
        externalId = job.externalID
        companyId = job.companyID.rawValue
        status = job.status.rawValue
        txnId = job.txnID
        self.failure = failure.map(FailureJSON.init)
        customer = payload?.customer
        amount = payload?.amount
        date = payload?.date
        paymentMethod = payload?.paymentMethod
        refNumber = payload?.refNumber
        memo = payload?.memo
        depositToAccount = payload?.depositToAccount
        applications = payload?.applications
        attempts = job.attempts
        note = job.result.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["note"] as? String
        nextCheckAt = job.status == .failed ? job.nextAttemptAt?.iso8601 : nil
        createdAt = job.createdAt.iso8601
        updatedAt = job.updatedAt.iso8601
    }
}

/// A failure record as JSON (design.md §6).
struct FailureJSON: Encodable {
    var id: String
    var companyId: String
    var jobId: String?
    var category: String
    var title: String
    var summary: String
    var evidence: FailureEvidence
    var statusCode: Int?
    var statusMessage: String?
    var hresult: String?
    var resolution: [String]
    var actions: [String]
    var autoRecheck: Bool
    var status: String
    var reason: String?
    var createdAt: String
    var updatedAt: String

    init(_ record: FailureRecord) {
        id = record.id.rawValue
        companyId = record.companyID.rawValue
        jobId = record.jobID?.rawValue
        category = record.category
        title = record.title
        summary = record.summary
        evidence = (try? JSONDecoder().decode(FailureEvidence.self, from: Data(record.evidence.utf8))) ?? FailureEvidence()
        statusCode = record.statusCode
        statusMessage = record.statusMessage
        hresult = record.hresult
        resolution = record.resolutionSteps
        actions = record.availableActions
        autoRecheck = record.autoRecheck && record.status == .open
        status = record.status.rawValue
        reason = record.reason
        createdAt = record.createdAt.iso8601
        updatedAt = record.updatedAt.iso8601
    }
}

