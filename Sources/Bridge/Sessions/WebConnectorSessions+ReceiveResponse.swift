import Foundation
import Logging
import Metrics
import QBXML
import Triage
import Domain
import Store
public import WebConnector

/// receiveResponseXML: QuickBooks' answers (or a processor HRESULT) and the session's progress.
extension WebConnectorSessions {
    // MARK: receiveResponseXML

    public func receiveResponseXML(_ response: ReceiveResponseXML) async -> ReceiveResponseOutcome {
        do {
            guard var session = try await liveSession(response.ticket) else { return .failed }
            session.responsesReceived += 1
            var work = SessionWork(json: session.work)
            if !response.hresult.isEmpty {
                try await requestSetRejected(response, session: &session, work: &work)
                return .failed
            }
            let responses: [QBXMLResponse]
            do {
                responses = try QBXMLResponseReader.readAll(response.response)
            } catch {
                session.lastError = "QBBridge could not read QuickBooks' response: \(error)"
                session.work = work.json
                try await store.sessions.save(session)
                return .failed
            }
            work.exchangedData = true
            var step = SessionStep(session: session, work: work)
            if try await !settle(responses, document: response.response, &step) {
                logger.notice("response for no outstanding request ignored (repeated or stale delivery)")
            }
            session = step.session
            work = step.work
            session.work = work.json
            if session.lastError != nil {
                try await store.sessions.save(session, with: step.commit)
                return .failed
            }
            // Counted up to a horizon: beyond it the figure is a lower bound, and the count costs the same
            // however deep the queue is (docs/operations.md, "Queue depth").
            let waiting = work.batch == nil
                ? try await store.jobs.pendingCount(companyID: session.companyID, excludingSession: session.id, upTo: SessionWork.progressHorizon) : 0
            let progress = work.progress(waitingJobs: waiting, pullPagesLeft: work.pull?.pagesLeft ?? 0)
            try await store.sessions.save(session, with: step.commit)
            return .progress(progress)
        } catch StoreError.sessionEnded(let id) {
            // A newer session took the company over during this call: nothing of it was saved, and jobs it
            // claimed go back to the queue (no request of theirs left QBBridge).
            logger.notice("receiveResponseXML for a session taken over meanwhile; nothing saved", metadata: ["session": "\(id)"])
            _ = try? await store.jobs.release(sessionID: id)
            return .failed
        } catch {
            logger.error("receiveResponseXML failed inside the bridge", metadata: ["error": "\(error)"])
            try? await saveError(ticket: response.ticket, "QBBridge could not store QuickBooks' response: \(error)")
            return .failed
        }
    }

    /// Hands QuickBooks' answers to the drivers in their order until one settles them; false when none
    /// was waiting for them.
    func settle(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool {
        for driver in drivers {
            if try await driver.receive(responses, document: document, &step) { return true }
        }
        return false
    }

    /// QuickBooks refused the whole request set: every driver gives back the work it holds, and the
    /// connection failure is recorded.
    ///
    /// Not inlined, so that this rare path adds nothing to the async frame of every receiveResponseXML
    /// (a connection's task keeps its deepest frames for as long as the connection lives).
    @inline(never)
    func requestSetRejected(_ response: ReceiveResponseXML, session: inout SessionRecord, work: inout SessionWork) async throws {
        let text = "QuickBooks rejected the request set (\(response.hresult)): \(response.message)"
        session.lastError = text
        work.notes.append(text)
        var step = SessionStep(session: session, work: work)
        if RequestSetRefusal(hresult: response.hresult, message: response.message) == .requestFault {
            // The set itself was at fault: its jobs fail with their own records rather than wait to be refused
            // again at every sync. Work that is no job (the host report, the file check) is a company matter.
            let companyFile = session.companyFile
            let record = { (element: String) in
                Classifier.refusedSet(hresult: response.hresult, message: response.message, element: element, companyFilePath: companyFile)
            }
            var failed = 0
            for driver in drivers { failed += try await driver.refuse(record, &step) }
            if failed > 0 {
                work = step.work
                session.work = work.json
                step.commit.activities.append(NewActivity(
                    actor: "web-connector", companyID: session.companyID, subject: "session", subjectID: session.id,
                    action: "session.request_set_rejected",
                    detail: ["hresult": response.hresult, "message": String(response.message.prefix(500)), "failedJobs": String(failed)]
                ))
                try await store.sessions.save(session, with: step.commit)
                return
            }
        } else {
            for driver in drivers { try await driver.abandon(&step) }
        }
        work = step.work
        session.work = work.json
        step.commit.company.append(.connectionProblem(text))
        step.commit.activities.append(NewActivity(
            actor: "web-connector", companyID: session.companyID, subject: "session", subjectID: session.id,
            action: "session.request_set_rejected", detail: ["hresult": response.hresult, "message": String(response.message.prefix(500))]
        ))
        try await recordConnectionFailure(.receiveResponseXML, hresult: response.hresult, message: response.message, session: session)
        try await store.sessions.save(session, with: step.commit)
    }
}
