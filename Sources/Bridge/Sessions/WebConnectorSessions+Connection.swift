import Foundation
import Logging
import Metrics
import QBXML
import Triage
import Domain
import Store
public import WebConnector

/// connectionError, getLastError and closeConnection: the end of a run, well or badly.
extension WebConnectorSessions {
    // MARK: connectionError, getLastError, closeConnection

    public func connectionError(ticket: String, hresult: String, message: String) async -> ConnectionErrorOutcome {
        do {
            guard var session = try await liveSession(ticket) else { return .done }
            let text = "QuickBooks could not be opened (\(hresult)): \(message)"
            session.lastError = text
            var work = SessionWork(json: session.work)
            work.notes.append(text)
            session.work = work.json
            try await store.companies.setConnectionProblem(session.companyID, text)
            try await recordConnectionFailure(.connectionError, hresult: hresult, message: message, session: session)
            try await store.sessions.save(session, activity: NewActivity(
                actor: "web-connector", companyID: session.companyID, subject: "session", subjectID: session.id,
                action: "session.connection_error", detail: ["hresult": hresult, "message": String(message.prefix(500))]
            ))
        } catch {
            logger.error("connectionError failed inside the bridge", metadata: ["error": "\(error)"])
        }
        return .done
    }

    public func lastError(ticket: String) async -> LastErrorOutcome {
        do {
            guard let session = try await store.sessions.find(ticket: ticket), Ticket(ticket).isWellFormed else {
                return .message(Self.unknownTicketMessage)
            }
            if let error = session.lastError { return .message(error) }
            if session.state != .open { return .message(Self.unknownTicketMessage) }
            return .message("QBBridge reported no error for this session.")
        } catch {
            return .message("QBBridge could not read the session: \(error)")
        }
    }

    public func closeConnection(ticket: String) async -> String {
        do {
            guard let session = try await store.sessions.find(ticket: ticket), session.state == .open else {
                return "QBBridge: this session had already ended."
            }
            let work = SessionWork(json: session.work)
            let summary = Self.summary(session: session, work: work)
            let synced = work.exchangedData && session.lastError == nil
            try await store.sessions.close(session, summary: summary, synced: synced)
            try await store.jobs.release(sessionID: session.id)
            if synced {
                try await store.failures.resolveConnection(companyID: session.companyID, reason: "The Web Connector synced successfully.")
            }
            logger.info("session closed", metadata: ["company": "\(session.companyID)", "session": "\(session.id)", "summary": "\(summary)"])
            return summary
        } catch {
            logger.error("closeConnection failed inside the bridge", metadata: ["error": "\(error)"])
            return "QBBridge could not close the session cleanly: \(error)"
        }
    }

    static let unknownTicketMessage =
        "QBBridge does not know this session (the ticket is unknown, closed or expired). Run Update Selected again in the Web Connector."

    static func summary(session: SessionRecord, work: SessionWork) -> String {
        var parts: [String] = []
        let counts = work.counts
        if counts.posted + counts.failed + counts.reversed > 0 {
            var line = "Posted \(counts.posted) payment\(counts.posted == 1 ? "" : "s")"
            if counts.reversed > 0 { line += "; reversed \(counts.reversed)" }
            if counts.failed > 0 { line += "; \(counts.failed) need\(counts.failed == 1 ? "s" : "") attention" }
            parts.append(line + ".")
        }
        if counts.pulls > 0 || counts.pulled > 0 {
            parts.append("Pulled \(counts.pulled) record\(counts.pulled == 1 ? "" : "s") from QuickBooks\(counts.pulls > 0 ? " (\(counts.pulls) pull\(counts.pulls == 1 ? "" : "s") finished)" : "").")
        }
        if counts.answered > 0 { parts.append("Answered \(counts.answered) raw request\(counts.answered == 1 ? "" : "s").") }
        if let error = session.lastError { parts.append("Ended with a problem: \(error)") }
        if session.lastError == nil, let version = session.qbxmlVersion, parts.isEmpty { parts.append("Connected (qbXML \(version)).") }
        parts.append(contentsOf: work.notes)
        return parts.isEmpty ? "OK" : parts.joined(separator: " ")
    }

    /// A connection-level failure record (issue "Failure triage" §4), classified from the HRESULT.
    func recordConnectionFailure(_ source: ConnectionFailureInput.Source, hresult: String, message: String, session: SessionRecord) async throws {
        let draft = Classifier.classify(ConnectionFailureInput(source: source, hresult: hresult, message: message, companyFilePath: session.companyFile))
        try await store.failures.recordConnection(NewFailure(draft, companyID: session.companyID, jobID: nil))
    }
}
