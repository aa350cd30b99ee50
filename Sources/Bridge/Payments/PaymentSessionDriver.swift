import Foundation
import Logging
import Metrics
import QBXML
import Domain
import Store
import Triage

/// Drives payment batches inside a Web Connector session: claims jobs, asks `PaymentRun` what to send and
/// what the answers mean, and saves every outcome before the session answers the Web Connector.
struct PaymentSessionDriver: SessionDriver {
    let store: Store
    let logger: Logger
    /// Jobs per batch: 200 payments fit comfortably in one message set and keep 1,000 payments to about
    /// ten round trips (issue "Payment posting": ≤ 25 per 1,000).
    static let batchSize = 200

    /// The next request document of the session's payment work, or nil when there is nothing left.
    /// The sent marks go into the step's commit, saved with the session before the document goes out.
    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String? {
        while true {
            if step.work.batch == nil || step.work.batch?.isFinished == true {
                step.work.batch = nil
                let claimed = try await store.jobs.claim(companyID: step.session.companyID, sessionID: step.session.id, limit: Self.batchSize,
                                                         kinds: JobKind.payments)
                guard !claimed.isEmpty else { return nil }
                var batch = PaymentBatch(
                    stage: .preflight,
                    jobs: claimed.map { .init(id: $0.id, kind: $0.kind, needsLookup: $0.sentAt != nil && $0.kind == .paymentPost, done: false) },
                    outstanding: []
                )
                try await nameCustomers(&batch, jobs: claimed, companyID: step.session.companyID)
                step.work.batch = batch
            }
            guard var batch = step.work.batch else { return nil }
            let run = try await self.run(batch, closingDate: step.work.closingDate)
            let requests: [any QBXMLRequest]
            var sent: [JobID] = []
            switch batch.stage {
            case .preflight:
                requests = run.preflightRequests()
                if requests.isEmpty { batch.stage = .post }
            case .post:
                (requests, sent) = run.postRequests()
                if requests.isEmpty { batch.stage = .followUp }
            case .followUp:
                requests = run.followUpRequests()
                if requests.isEmpty {
                    // Nothing to read again: what is left is settled as it stands, without a round trip.
                    let (settled, changes) = Self.settle(batch, run: run, answers: [:], reversedPayments: [:], counts: &step.work.counts)
                    step.commit.changes.append(contentsOf: changes)
                    batch = settled
                    for index in batch.jobs.indices { batch.jobs[index].done = true }
                }
            }
            guard !requests.isEmpty else {
                step.work.batch = batch
                continue
            }
            let document = try QBXMLMessageSet(version: version, onError: .continueOnError, requests: requests).render()
            batch.outstanding = requests.map(\.requestID)
            step.work.batch = batch
            step.commit.sent.append(contentsOf: sent)
            return document
        }
    }

    /// Applies QuickBooks' answers to the current batch; returns false when they were not for it
    /// (a repeated or stale delivery, ignored).
    /// The outcomes go into the step's commit, saved with the session in one transaction before the call is answered.
    ///
    /// The reading happens here and the deciding in `settle`, which is synchronous and never inlined: a
    /// Web Connector connection's task keeps the largest async frames it ever needed for as long as the
    /// connection lives, so the work between the awaits stays out of them.
    func receive(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool {
        guard let batch = step.work.batch, !batch.outstanding.isEmpty else { return false }
        let answers = Self.answers(in: responses, for: batch)
        guard !answers.isEmpty else { return false }
        let run = try await self.run(batch, closingDate: step.work.closingDate)
        let reversedPayments = try await paymentsReversed(in: run)
        let (settled, changes) = Self.settle(batch, run: run, answers: answers, reversedPayments: reversedPayments, counts: &step.work.counts)
        step.commit.changes.append(contentsOf: changes)
        step.work.batch = settled.isFinished ? nil : settled
        return true
    }

    /// The responses that answer the batch's outstanding requests, by request id.
    @inline(never)
    private static func answers(in responses: [QBXMLResponse], for batch: PaymentBatch) -> PaymentRun.Responses {
        var byID: PaymentRun.Responses = [:]
        for response in responses {
            if let id = response.header.requestID, batch.outstanding.contains(id) { byID[id] = response }
        }
        return byID
    }

    /// The batch after QuickBooks' answers, and the job changes they make.
    @inline(never)
    private static func settle(_ original: PaymentBatch, run: PaymentRun, answers: PaymentRun.Responses, reversedPayments: [JobID: Job],
                               counts: inout SessionWork.Counts) -> (PaymentBatch, [JobChange]) {
        let (next, outcomes): (PaymentBatch, [JobID: JobOutcome])
        switch original.stage {
        case .preflight: (next, outcomes) = run.afterPreflight(answers)
        case .post: (next, outcomes) = run.afterPost(answers)
        case .followUp: (next, outcomes) = run.afterFollowUp(answers)
        }
        var batch = next
        batch.outstanding = []
        var changes: [JobChange] = []
        for (index, entry) in batch.jobs.enumerated() {
            guard let outcome = outcomes[entry.id], let job = run.work[entry.id]?.job else { continue }
            changes.append(contentsOf: Self.changes(for: outcome, to: job, reversedPayment: reversedPayments[job.id], counts: &counts))
            batch.jobs[index].done = true
        }
        if batch.stage == .followUp, !batch.jobs.contains(where: { !$0.done && $0.rejection != nil }) {
            for index in batch.jobs.indices { batch.jobs[index].done = true }
        }
        return (batch, changes)
    }

    /// QuickBooks refused the whole set: the batch's jobs go back to the queue (those that may have reached
    /// QuickBooks as `uncertain`).
    func abandon(_ step: inout SessionStep) async throws {
        step.work.batch = nil
        step.commit.releaseHeldJobs = true
    }

    /// QuickBooks refused the batch's set because of the set itself: each open payment of the batch fails with
    /// its record (nothing reached QuickBooks). A payment that an earlier session may already have posted keeps
    /// that doubt instead (`uncertain`): failing it would let a Retry post it twice.
    func refuse(_ record: (String) -> FailureRecordDraft, _ step: inout SessionStep) async throws -> Int {
        guard let batch = step.work.batch else { return 0 }
        step.work.batch = nil
        step.commit.releaseHeldJobs = true
        let open = batch.jobs.filter { !$0.done }
        let jobs = Dictionary(uniqueKeysWithValues: try await store.jobs.find(open.map(\.id)).map { ($0.id, $0) })
        var failed = 0
        for entry in open {
            guard let job = jobs[entry.id], job.status == .inFlight, job.sessionID == step.session.id else { continue }
            let outcome: JobOutcome
            if entry.needsLookup {
                outcome = .requeued(reason: "QuickBooks refused the request set before running it; the payment may exist from an earlier session", mayExist: true)
            } else {
                outcome = .failed(record(Self.element(of: entry, in: batch.stage)))
                failed += 1
            }
            step.commit.changes.append(contentsOf: Self.changes(for: outcome, to: job, reversedPayment: nil, counts: &step.work.counts))
        }
        return failed
    }

    /// The request a batch entry had in the refused set.
    private static func element(of entry: PaymentBatch.Entry, in stage: PaymentBatch.Stage) -> String {
        switch stage {
        case .post: entry.kind == .paymentReverse ? "TxnDelRq" : "ReceivePaymentAddRq"
        case .preflight, .followUp: "InvoiceQueryRq"
        }
    }

    /// Names the customers the claimed payments give by ListID only, from the pulled customer snapshot, so that
    /// their failure texts name them (docs/failure-catalogue.md, "The record"); the invoice check may later name
    /// them from QuickBooks itself. One look-up per ListID, once per batch.
    private func nameCustomers(_ batch: inout PaymentBatch, jobs: [Job], companyID: CompanyID) async throws {
        var names: [String: String?] = [:]
        for (index, job) in jobs.enumerated() where job.kind == .paymentPost {
            guard let payment = try? PaymentPayload(json: job.payload), payment.customer.fullName == nil,
                  let listID = payment.customer.listId else { continue }
            if names[listID] == nil {
                names[listID] = .some(try await store.snapshots.customer(companyID: companyID, listID: listID)?.fullName)
            }
            batch.jobs[index].customerName = names[listID] ?? nil
        }
    }

    private func run(_ batch: PaymentBatch, closingDate: QBDate?) async throws -> PaymentRun {
        Self.run(batch, jobs: try await store.jobs.find(batch.jobs.map(\.id)), closingDate: closingDate)
    }

    /// The batch's jobs with their decoded payloads (synchronous, out of the async frames, see `receive`).
    @inline(never)
    private static func run(_ batch: PaymentBatch, jobs: [Job], closingDate: QBDate?) -> PaymentRun {
        var work: [JobID: PaymentRun.Work] = [:]
        for job in jobs {
            switch job.kind {
            case .paymentPost:
                work[job.id] = .init(job: job, payment: try? PaymentPayload(json: job.payload))
            case .paymentReverse:
                let reversal = try? JSONDecoder().decode(ReversalPayload.self, from: Data(job.payload.utf8))
                work[job.id] = .init(job: job, payment: nil, reversalTxnID: reversal?.txnId)
            case .invoicePull, .customerPull, .rawRequest:
                continue
            }
        }
        return PaymentRun(batch: batch, work: work, closingDate: closingDate.flatMap { LedgerDate($0.description) })
    }

    /// The payments the batch's reversal jobs undo, by reversal job id (a payment that is gone is left out).
    private func paymentsReversed(in run: PaymentRun) async throws -> [JobID: Job] {
        var payments: [JobID: Job] = [:]
        for (id, work) in run.work where work.job.kind == .paymentReverse {
            guard let payload = try? JSONDecoder().decode(ReversalPayload.self, from: Data(work.job.payload.utf8)) else { continue }
            payments[id] = try await store.jobs.find(JobID(payload.paymentJob))
        }
        return payments
    }

    /// The job changes an outcome makes (saved by the caller, all outcomes of an answer in one transaction).
    ///
    /// Synchronous and never inlined on purpose: inlined into the async loop that calls it, its temporaries
    /// became part of that loop's async frame (23 KB), which a task keeps for as long as it lives, and a
    /// Web Connector's connection task lives as long as the connection.
    @inline(never)
    private static func changes(for outcome: JobOutcome, to original: Job, reversedPayment: Job?, counts: inout SessionWork.Counts) -> [JobChange] {
        var job = original
        var runState = JobRunState(json: job.state)
        let now = Timestamp.now
        switch outcome {
        case .posted(let txnID, let note):
            job.status = .posted
            job.txnID = txnID
            job.nextAttemptAt = nil
            job.result = JobResult(txnId: txnID, note: note).json
            runState.rechecks = 0
            job.state = runState.json
            counts.posted += 1
            Counter(label: "qbbridge_payments_total", dimensions: [("outcome", "posted")]).increment()
            return [JobChange(job, activity: NewActivity(
                actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "payment.posted",
                detail: ["txnId": txnID, "note": note ?? ""]
            ), failure: .resolve(reason: "Posted to QuickBooks as TxnID \(txnID)."))]
        case .reversed(let note):
            job.status = .posted
            job.result = JobResult(txnId: nil, note: note).json
            counts.reversed += 1
            var changes = [JobChange(job, activity: nil, failure: .resolve(reason: note))]
            if let reversal = try? JSONDecoder().decode(ReversalPayload.self, from: Data(job.payload.utf8)),
               var payment = reversedPayment {
                payment.status = .reversed
                changes.append(JobChange(payment, activity: NewActivity(
                    actor: "web-connector", companyID: payment.companyID, subject: "job", subjectID: payment.id.rawValue,
                    action: "payment.reversed", detail: ["txnId": reversal.txnId, "note": note]
                )))
            }
            return changes
        case .failed(let draft):
            job.status = .failed
            job.sentAt = nil
            let delay = draft.retryPolicy?.delay(afterAttempts: runState.rechecks)
            job.nextAttemptAt = delay.map { now.adding(seconds: Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) }
            if delay != nil { runState.rechecks += 1 }
            job.state = runState.json
            counts.failed += 1
            Counter(label: "qbbridge_payments_total", dimensions: [("outcome", "failed")]).increment()
            Counter(label: "qbbridge_failures_total", dimensions: [("category", draft.category.rawValue)]).increment()
            return [JobChange(job, activity: NewActivity(
                actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "job.failed",
                detail: ["category": draft.category.rawValue, "title": draft.title]
            ), failure: .open(NewFailure(draft, companyID: job.companyID, jobID: job.id)))]
        case .requeued(let reason, let mayExist):
            if !mayExist { job.sentAt = nil }
            job.status = job.sentAt == nil ? .queued : .uncertain
            counts.requeued += 1
            return [JobChange(job, activity: NewActivity(
                actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue,
                action: job.status == .uncertain ? "job.uncertain" : "job.requeued", detail: ["reason": reason]
            ))]
        }
    }
}

/// The input of a reversal job.
struct ReversalPayload: Codable {
    var paymentJob: String
    var txnId: String
}

/// What a job's `result` column holds.
struct JobResult: Codable {
    var txnId: String?
    var note: String?

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Bookkeeping the bridge keeps on a job between sessions.
struct JobRunState: Codable {
    /// Automatic re-checks so far (drives the retry policy's backoff).
    var rechecks = 0

    init(json: String?) {
        self = json.flatMap { try? JSONDecoder().decode(JobRunState.self, from: Data($0.utf8)) } ?? JobRunState()
    }

    init() {}

    var json: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
