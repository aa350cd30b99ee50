import Foundation
import Logging
import QBXML
import Domain
import Store
import Triage

/// Sends raw requests, one per round trip so that each answer document belongs to exactly one request
/// (upstream apps choose their own requestIDs, which may collide between requests), and stores the answer.
///
/// A request whose answer was lost is sent again only when it is a query. A write (an add, a delete) may
/// already have happened in QuickBooks, so it becomes a failure record for a person to check first;
/// Retry on that record sends it again.
struct RawRequestDriver: SessionDriver {
    let store: Store
    let logger: Logger

    /// The next raw request document, or nil when none is waiting.
    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String? {
        while true {
            guard var job = try await store.jobs.claim(companyID: step.session.companyID, sessionID: step.session.id, limit: 1,
                                                       kinds: [.rawRequest]).first else {
                return nil
            }
            var state = RawRunState(json: job.state)
            guard let payload = RawRequestPayload(json: job.payload), let request = try? payload.request() else {
                fail(&job, draft: Self.unreadable(job), answer: nil, step: &step)
                continue
            }
            if job.sentAt != nil, !payload.isQuery, !state.lostAnswerReported {
                state.lostAnswerReported = true
                job.state = state.json
                fail(&job, draft: Self.lostAnswer(payload), answer: RawRequestAnswer(
                    statusCode: nil, statusSeverity: nil, statusMessage: nil, response: nil,
                    error: "The answer to this request never came back; QuickBooks may have applied it."), step: &step)
                continue
            }
            guard version >= request.minimumVersion else {
                fail(&job, draft: nil, answer: RawRequestAnswer(
                    statusCode: nil, statusSeverity: nil, statusMessage: nil, response: nil,
                    error: "This QuickBooks speaks qbXML \(version); the request was queued for qbXML \(request.minimumVersion) or newer."), step: &step)
                continue
            }
            let document = try QBXMLMessageSet(version: version, onError: .stopOnError, requests: [request]).render()
            state.lostAnswerReported = false
            job.state = state.json
            step.commit.changes.append(JobChange(job, activity: nil))
            step.commit.sent.append(job.id)
            step.work.raw = RawCursor(job: job.id, requestID: request.requestID)
            return document
        }
    }

    /// Stores the answer to the outstanding raw request; false when the responses were not for it.
    func receive(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool {
        guard let cursor = step.work.raw, let response = responses.first(where: { $0.header.requestID == cursor.requestID }) else { return false }
        step.work.raw = nil
        guard var job = try await store.jobs.find(cursor.job), job.status == .inFlight, job.sessionID == step.session.id else { return true }
        let status = response.header.status
        let answer = RawRequestAnswer(statusCode: status.code, statusSeverity: status.severity, statusMessage: status.message,
                                      response: document, error: nil)
        // QuickBooks answered: the outcome is known, so a later Retry is an ordinary re-send, not a lost answer.
        job.sentAt = nil
        let element = RawRequestPayload(json: job.payload)?.element ?? response.header.name
        if status.code >= 1000, let draft = Classifier.classify(RequestFailureInput(
            requestKind: String(element.dropLast(2)), statusCode: status.code, statusSeverity: status.severity, statusMessage: status.message
        )) {
            fail(&job, draft: draft, answer: answer, step: &step)
            return true
        }
        job.status = .posted
        job.sessionID = nil
        job.result = answer.json
        step.commit.changes.append(JobChange(job, activity: NewActivity(
            actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "request.answered",
            detail: ["element": element, "statusCode": String(status.code)]
        ), failure: .resolve(reason: "QuickBooks answered \(status.code).")))
        step.work.counts.answered += 1
        return true
    }

    /// QuickBooks turned the whole request set away (an HRESULT): it never ran the request, so it goes back
    /// to the queue as never sent.
    func abandon(_ step: inout SessionStep) async throws {
        guard let cursor = step.work.raw else { return }
        step.work.raw = nil
        guard var job = try await store.jobs.find(cursor.job), job.status == .inFlight, job.sessionID == step.session.id else { return }
        job.status = .queued
        job.sentAt = nil
        job.sessionID = nil
        job.claimedAt = nil
        step.commit.changes.append(JobChange(job, activity: NewActivity(
            actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "job.requeued",
            detail: ["reason": "QuickBooks refused the request set before running it"]
        )))
    }

    /// QuickBooks refused the set the raw request was in because of the set itself (it could not read it, or
    /// does not know its version): the request fails with its record and QuickBooks' HRESULT as its answer.
    func refuse(_ record: (String) -> FailureRecordDraft, _ step: inout SessionStep) async throws -> Int {
        guard let cursor = step.work.raw else { return 0 }
        step.work.raw = nil
        guard var job = try await store.jobs.find(cursor.job), job.status == .inFlight, job.sessionID == step.session.id else { return 0 }
        let element = RawRequestPayload(json: job.payload)?.element ?? "the request"
        let draft = record(element)
        fail(&job, draft: draft, answer: RawRequestAnswer(statusCode: nil, statusSeverity: nil, statusMessage: nil, response: nil,
                                                         error: "QuickBooks refused the request set (\(draft.hresult ?? "HRESULT")): \(draft.statusMessage ?? "")"),
             step: &step)
        return 1
    }

    private func fail(_ job: inout Job, draft: FailureRecordDraft?, answer: RawRequestAnswer?, step: inout SessionStep) {
        job.status = .failed
        job.sessionID = nil
        job.nextAttemptAt = nil
        if let answer { job.result = answer.json }
        step.commit.changes.append(JobChange(job, activity: NewActivity(
            actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: job.id.rawValue, action: "request.failed",
            detail: ["category": draft?.category.rawValue ?? "", "error": answer?.error ?? answer?.statusMessage ?? ""]
        ), failure: draft.map { .open(NewFailure($0, companyID: job.companyID, jobID: job.id)) } ?? .none))
        step.work.counts.failed += 1
    }

    static func lostAnswer(_ payload: RawRequestPayload) -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = "raw_request"
        evidence.requestKind = String(payload.element.dropLast(2))
        return FailureRecordDraft(
            category: .unknown,
            title: "The answer to a \(payload.element) never came back",
            summary: "QBBridge handed this \(payload.element) (requestID \(payload.requestId)) to the Web Connector, but the session ended before QuickBooks' answer arrived. QuickBooks may already have applied it, so QBBridge will not send it again by itself.",
            evidence: evidence,
            resolution: [
                "Look in QuickBooks for what the request would have created or changed.",
                "If it is not there, click Retry: QBBridge sends the request again at the next sync.",
                "If it is there, click Dismiss syncing with a short reason, so it is never sent twice.",
            ],
            actions: [.retry, .dismiss, .delete],
            retryPolicy: nil
        )
    }

    static func unreadable(_ job: Job) -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = "raw_request"
        return FailureRecordDraft(
            category: .invalidRequest,
            title: "A queued raw request no longer passes QBBridge's schema check",
            summary: "Raw request \(job.id) was checked when it was queued, but it does not pass the check of this QBBridge version, so it was not sent.",
            evidence: evidence,
            resolution: ["Send the request again through POST /api/v1/companies/{id}/requests to see the check's message.", "Dismiss this record."],
            actions: [.dismiss, .delete],
            retryPolicy: nil
        )
    }
}

/// The raw request the session waits for.
struct RawCursor: Codable, Sendable, Equatable {
    var job: JobID
    var requestID: String
}

/// Bookkeeping on a raw-request job between sessions.
struct RawRunState: Codable {
    /// A lost answer was reported as a failure record; a later claim comes from a person's Retry.
    var lostAnswerReported = false

    init(json: String?) {
        self = json.flatMap { try? JSONDecoder().decode(RawRunState.self, from: Data($0.utf8)) } ?? RawRunState()
    }

    init() {}

    var json: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
