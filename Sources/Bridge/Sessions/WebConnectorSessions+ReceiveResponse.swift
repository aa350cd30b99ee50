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
            var commit = SessionCommit()
            for item in responses where item.header.requestID == Self.verifyRequestID && work.outstanding.contains(Self.verifyRequestID) {
                work.outstanding.removeAll { $0 == Self.verifyRequestID }
                try await checkFileStamp(item, session: session, work: &work, commit: &commit)
                work.steps.removeAll { $0 == .verifyCompanyFile }
            }
            var handled = try await payments.receive(responses, work: &work, session: session, commit: &commit)
            if !handled {
                handled = try await rawRequests.receive(responses, document: response.response, work: &work, session: session, commit: &commit)
            }
            if !handled { handled = try await pulls.receive(responses, work: &work, session: session) }
            if !handled, work.outstanding.isEmpty,
               !responses.contains(where: { $0.header.requestID == Self.verifyRequestID }) {
                logger.notice("response for no outstanding request ignored (repeated or stale delivery)")
            }
            session.work = work.json
            let waiting = work.batch == nil ? try await store.jobs.pendingCount(companyID: session.companyID, excludingSession: session.id) : 0
            let progress = work.progress(waitingJobs: waiting, pullPagesLeft: work.pull?.pagesLeft ?? 0)
            try await store.sessions.save(session, with: commit)
            return .progress(progress)
        } catch {
            logger.error("receiveResponseXML failed inside the bridge", metadata: ["error": "\(error)"])
            try? await saveError(ticket: response.ticket, "QBBridge could not store QuickBooks' response: \(error)")
            return .failed
        }
    }

    /// QuickBooks refused the whole request set: the work in flight goes back to the queue and the
    /// connection failure is recorded.
    ///
    /// Not inlined, so that this rare path adds nothing to the async frame of every receiveResponseXML
    /// (a connection's task keeps its deepest frames for as long as the connection lives).
    @inline(never)
    func requestSetRejected(_ response: ReceiveResponseXML, session: inout SessionRecord, work: inout SessionWork) async throws {
        let text = "QuickBooks rejected the request set (\(response.hresult)): \(response.message)"
        session.lastError = text
        work.outstanding = []
        work.notes.append(text)
        try await rawRequests.abandon(work: &work, session: session)
        work.pull = nil
        try await payments.abandonBatch(work: &work, session: session)
        session.work = work.json
        try await store.companies.setConnectionProblem(session.companyID, text)
        try await recordConnectionFailure(.receiveResponseXML, hresult: response.hresult, message: response.message, session: session)
        try await store.sessions.save(session, activity: NewActivity(
            actor: "web-connector", companyID: session.companyID, subject: "session", subjectID: session.id,
            action: "session.request_set_rejected", detail: ["hresult": response.hresult, "message": String(response.message.prefix(500))]
        ))
    }

    /// Compares the company file's FileID stamp with this connection's; the outcome goes onto the company with
    /// the session (`commit`).
    func checkFileStamp(_ response: QBXMLResponse, session: SessionRecord, work: inout SessionWork, commit: inout SessionCommit) async throws {
        guard response.header.status.code == 0 else {
            work.notes.append("QuickBooks did not return the company record (\(response.header.status.code): \(response.header.status.message)).")
            return
        }
        guard let company = try await store.companies.find(session.companyID) else { return }
        let ownerID = try await store.installation.ownerID()
        let stamps = response.records.flatMap { record -> [DataExtension] in
            if case .company(let info) = record { return info.dataExtensions }
            return []
        }
        let fileID = stamps.first { $0.name == "FileID" && ($0.ownerID ?? "").caseInsensitiveCompare(ownerID) == .orderedSame }?.value
        guard let fileID else {
            work.notes.append("The company file carries no QBBridge FileID stamp yet.")
            return
        }
        if fileID.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(company.fileID) == .orderedSame {
            commit.company.append(.fileVerified(at: .now))
            if company.connectionProblem != nil { commit.company.append(.connectionProblem(nil)) }
            work.notes.append("Company file verified.")
        } else {
            let text = "The Web Connector opened a company file stamped for another QBBridge connection (FileID \(fileID), expected \(company.fileID)). Open the right company file in QuickBooks, or re-add this connection's .qwc."
            commit.company.append(.connectionProblem(text))
            work.notes.append(text)
        }
    }
}
