import Foundation
import Logging
import Metrics
import QBXML
import Domain
import Store
import Triage

/// Runs one pull at a time inside a Web Connector session: asks QuickBooks for a page with an iterator,
/// stores the page and the pull's progress together, and asks for the next page on the next round trip.
///
/// An iterator lives only as long as QuickBooks' session (docs/qbxml-messages.md, "Iterators"): a pull picked up by a
/// later session, or answered with 3391, starts a new iterator over the same filter. Rows are keyed by
/// QuickBooks id, so the repeated ones are simply overwritten.
struct PullSessionDriver: SessionDriver {
    let store: Store
    let logger: Logger

    /// A pull that keeps losing its iterator is stopped rather than looped forever.
    static let maximumRestarts = 20

    /// The next page request of the session's pull, or nil when no pull is waiting.
    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String? {
        let session = step.session
        while true {
            if step.work.pull == nil {
                guard let job = try await store.jobs.claim(companyID: session.companyID, sessionID: session.id, limit: 1, kinds: JobKind.pulls).first else {
                    return nil
                }
                step.work.pull = PullCursor(job: job.id, requestID: nil)
            }
            guard let cursor = step.work.pull, var job = try await store.jobs.find(cursor.job), job.status == .inFlight, job.sessionID == session.id,
                  let payload = try? PullPayload(json: job.payload) else {
                step.work.pull = nil
                continue
            }
            var progress = PullProgress(json: job.state)
            if !progress.started {
                progress.started = true
                progress.startedAt = .now
                if let since = payload.modifiedSince {
                    progress.fromModified = since
                } else if payload.incremental {
                    progress.fromModified = try await store.snapshots.watermark(companyID: job.companyID, kind: job.kind)
                }
            }
            let iterator: IteratorRequest?
            if version < QBXMLVersion(major: 5, minor: 0) {
                iterator = nil
            } else if let id = progress.iteratorID, progress.iteratorSession == session.id {
                iterator = .continue(iteratorID: id)
            } else {
                if progress.iteratorID != nil {
                    progress.restarts += 1
                    progress.iteratorID = nil
                    logger.info("pull iterator restarted: its QuickBooks session ended", metadata: ["pull": "\(job.id)", "restarts": "\(progress.restarts)"])
                }
                iterator = .start
            }
            let requestID = "pull-\(job.sequence)-\(progress.pages + 1)"
            let request = try Self.request(payload, progress: progress, requestID: requestID, iterator: iterator)
            let document = try QBXMLMessageSet(version: version, onError: .stopOnError, requests: [request]).render()
            job.state = progress.json
            step.commit.changes.append(JobChange(job, activity: nil))
            step.work.pull = PullCursor(job: job.id, requestID: requestID,
                                        pagesLeft: step.work.pull?.pagesLeft ?? (progress.remaining.map { ($0 + payload.pageSize - 1) / payload.pageSize } ?? 1))
            return document
        }
    }

    static func request(_ payload: PullPayload, progress: PullProgress, requestID: String, iterator: IteratorRequest?) throws -> any QBXMLRequest {
        let pageSize = iterator == nil ? nil : payload.pageSize
        let modified = progress.fromModified.flatMap(QBDateTime.init)
        switch payload.kind {
        case .invoices:
            let range: DateRangeFilter?
            if let modified {
                range = .modified(from: modified, to: nil)
            } else {
                range = payload.fromDate.flatMap(QBDate.init).map { .txnDate(from: $0, to: nil) }
            }
            // An incremental pull must also see invoices paid since, to update their balance.
            let paid: PaidStatus? = modified == nil && payload.openOnly ? .notPaidOnly : nil
            let filter = TxnFilter(maxReturned: pageSize, dateRange: range)
            return InvoiceQueryRq(requestID: requestID, selection: .filter(filter), paidStatus: paid, includeLineItems: false,
                                  includeLinkedTxns: false, iterator: iterator)
        case .customers:
            let filter = CustomerListFilter(maxReturned: pageSize, activeStatus: .all, fromModifiedDate: modified)
            return CustomerQueryRq(requestID: requestID, selection: .filter(filter), iterator: iterator)
        }
    }

    /// Stores the answer to the outstanding page request (the page goes into the step's commit with the
    /// pull's progress); false when the responses were not for it.
    func receive(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool {
        guard let cursor = step.work.pull, let requestID = cursor.requestID,
              let response = responses.first(where: { $0.header.requestID == requestID }) else { return false }
        step.work.pull?.requestID = nil
        guard var job = try await store.jobs.find(cursor.job), job.status == .inFlight, job.sessionID == step.session.id,
              let payload = try? PullPayload(json: job.payload) else {
            step.work.pull = nil
            return true
        }
        var progress = PullProgress(json: job.state)
        let status = response.header.status
        if Classifier.meansIteratorLost(statusCode: status.code, message: status.message) {
            progress.iteratorID = nil
            progress.restarts += 1
            job.state = progress.json
            if progress.restarts > Self.maximumRestarts {
                fail(job, progress: progress, payload: payload, status: status, step: &step)
            } else {
                step.commit.changes.append(JobChange(job, activity: nil))
            }
            return true
        }
        guard status.code < 1000 else {
            fail(job, progress: progress, payload: payload, status: status, step: &step)
            return true
        }
        let now = Timestamp.now
        let page: Snapshots.Page
        switch payload.kind {
        case .invoices:
            let from = payload.fromDate.flatMap(QBDate.init)
            let rows = response.records.compactMap { record -> StoredInvoice? in
                guard case .invoice(let invoice) = record else { return nil }
                if let from, let date = invoice.txnDate, date < from { return nil }
                return SnapshotRows.invoice(invoice, companyID: job.companyID, pullID: job.id, at: now)
            }
            page = .invoices(rows)
        case .customers:
            page = .customers(response.records.compactMap { record in
                guard case .customer(let customer) = record else { return nil }
                return SnapshotRows.customer(customer, companyID: job.companyID, pullID: job.id, at: now)
            })
        }
        progress.received += response.records.count
        progress.stored += page.count
        progress.pages += 1
        progress.remaining = response.header.iteratorRemainingCount ?? 0
        progress.iteratorID = response.header.iteratorID
        progress.iteratorSession = step.session.id
        step.work.counts.pulled += page.count
        step.work.counts.pages += 1
        Counter(label: "qbbridge_pulled_records_total", dimensions: [("kind", payload.kind.rawValue)]).increment(by: page.count)
        let finished = (progress.remaining ?? 0) == 0 || progress.iteratorID == nil
        if finished {
            progress.iteratorID = nil
            job.status = .posted
            job.sessionID = nil
            job.state = progress.json
            let full = progress.fromModified == nil
            let snapshot = progress
            let unseen = full ? Snapshots.UnseenScope(fromTxnDate: payload.fromDate, openOnly: payload.openOnly) : nil
            step.commit.pages.append(Snapshots.PageWrite(page, job: job, finish: Snapshots.Finish(
                unseen: unseen,
                result: { removed in
                    PullOutcome(received: snapshot.received, stored: snapshot.stored, removed: removed, pages: snapshot.pages,
                                restarts: snapshot.restarts, mode: full ? "full" : "incremental", fromModified: snapshot.fromModified, error: nil).json
                },
                activity: NewActivity(actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "pull.done",
                                      detail: ["kind": payload.kind.rawValue, "stored": String(progress.stored), "pages": String(progress.pages),
                                               "mode": full ? "full" : "incremental"])
            )))
            step.work.counts.pulls += 1
            step.work.pull = nil
            logger.info("pull done", metadata: ["pull": "\(job.id)", "stored": "\(progress.stored)", "pages": "\(progress.pages)"])
        } else {
            job.state = progress.json
            step.commit.pages.append(Snapshots.PageWrite(page, job: job))
            let remaining = progress.remaining ?? 0
            step.work.pull?.pagesLeft = (remaining + payload.pageSize - 1) / max(1, payload.pageSize)
        }
        return true
    }

    /// QuickBooks refused the whole request set: the pull's job goes back to the queue with the session's
    /// other held jobs, and a later session starts a new iterator.
    func abandon(_ step: inout SessionStep) async throws {
        guard step.work.pull != nil else { return }
        step.work.pull = nil
        step.commit.releaseHeldJobs = true
    }

    /// QuickBooks refused the set with the pull's page query because of the set itself: the pull fails with its
    /// record, keeping what it stored so far.
    func refuse(_ record: (String) -> FailureRecordDraft, _ step: inout SessionStep) async throws -> Int {
        guard let cursor = step.work.pull else { return 0 }
        step.work.pull = nil
        step.commit.releaseHeldJobs = true
        guard var job = try await store.jobs.find(cursor.job), job.status == .inFlight, job.sessionID == step.session.id,
              let payload = try? PullPayload(json: job.payload) else { return 0 }
        let progress = PullProgress(json: job.state)
        let draft = record(payload.kind == .invoices ? "InvoiceQueryRq" : "CustomerQueryRq")
        job.status = .failed
        job.sessionID = nil
        job.result = PullOutcome(received: progress.received, stored: progress.stored, removed: 0, pages: progress.pages, restarts: progress.restarts,
                                 mode: progress.fromModified == nil ? "full" : "incremental", fromModified: progress.fromModified,
                                 error: "QuickBooks refused the request set (\(draft.hresult ?? "HRESULT")): \(draft.statusMessage ?? "")").json
        step.commit.changes.append(JobChange(job, activity: NewActivity(
            actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "pull.failed",
            detail: ["hresult": draft.hresult ?? "", "message": String((draft.statusMessage ?? "").prefix(300))]
        ), failure: .open(NewFailure(draft, companyID: job.companyID, jobID: job.id))))
        step.work.counts.failed += 1
        return 1
    }

    private func fail(_ original: Job, progress: PullProgress, payload: PullPayload, status: QBXMLStatus, step: inout SessionStep) {
        var job = original
        let requestKind = payload.kind == .invoices ? "InvoiceQuery" : "CustomerQuery"
        let draft = Classifier.classify(RequestFailureInput(requestKind: requestKind, statusCode: status.code, statusSeverity: status.severity,
                                                            statusMessage: status.message))
        job.status = .failed
        job.sessionID = nil
        job.result = PullOutcome(received: progress.received, stored: progress.stored, removed: 0, pages: progress.pages, restarts: progress.restarts,
                                 mode: progress.fromModified == nil ? "full" : "incremental", fromModified: progress.fromModified,
                                 error: "QuickBooks answered \(status.code): \(status.message)").json
        let failure: FailureChange = draft.map { .open(NewFailure($0, companyID: job.companyID, jobID: job.id)) } ?? .none
        step.commit.changes.append(JobChange(job, activity: NewActivity(
            actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "pull.failed",
            detail: ["statusCode": String(status.code), "message": String(status.message.prefix(300))]
        ), failure: failure))
        step.work.counts.failed += 1
        step.work.pull = nil
    }
}

/// The pull the session is running and the page request it is waiting for.
struct PullCursor: Codable, Sendable, Equatable {
    var job: JobID
    var requestID: String?
    /// Pages still to come after the last one, for the session's progress.
    var pagesLeft: Int?
}

/// QuickBooks records to snapshot rows.
enum SnapshotRows {
    static func invoice(_ invoice: Invoice, companyID: CompanyID, pullID: JobID, at now: Timestamp) -> StoredInvoice? {
        guard let txnID = invoice.txnID?.rawValue else { return nil }
        return StoredInvoice(
            companyID: companyID, txnID: txnID, refNumber: invoice.refNumber, customerListID: invoice.customer?.listID?.rawValue,
            customerName: invoice.customer?.fullName, txnDate: invoice.txnDate?.description, dueDate: invoice.dueDate?.description,
            subtotalCents: invoice.subtotal?.cents, taxCents: invoice.salesTaxTotal?.cents, appliedCents: invoice.appliedAmount?.cents,
            balanceCents: invoice.balanceRemaining?.cents ?? 0, isPaid: invoice.isPaid ?? ((invoice.balanceRemaining?.cents ?? 0) <= 0),
            memo: invoice.memo, editSequence: invoice.editSequence, timeModified: invoice.timeModified?.description,
            modifiedKey: invoice.timeModified?.localString, pullID: pullID, pulledAt: now
        )
    }

    static func customer(_ customer: Customer, companyID: CompanyID, pullID: JobID, at now: Timestamp) -> StoredCustomer? {
        guard let listID = customer.listID?.rawValue else { return nil }
        return StoredCustomer(
            companyID: companyID, listID: listID, name: customer.name, fullName: customer.fullName, companyName: customer.companyName,
            email: customer.email, phone: customer.phone, isActive: customer.isActive ?? true, balanceCents: customer.balance?.cents,
            totalBalanceCents: customer.totalBalance?.cents, editSequence: customer.editSequence, timeModified: customer.timeModified?.description,
            modifiedKey: customer.timeModified?.localString, pullID: pullID, pulledAt: now
        )
    }
}
