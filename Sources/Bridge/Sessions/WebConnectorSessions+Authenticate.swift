import Foundation
import Logging
import Metrics
import QBXML
import Triage
import Domain
import Store
public import WebConnector

/// authenticate: credentials, throttling, and whether a session has anything to do.
extension WebConnectorSessions {
    // MARK: authenticate

    public func authenticate(username: String, password: String) async -> AuthenticationOutcome {
        let outcome = await decideAuthentication(username: username, password: password)
        let verdict: String
        switch outcome {
        case .session: verdict = "session"
        case .noWork: verdict = "none"
        case .invalidUser: verdict = "nvu"
        case .busy: verdict = "busy"
        }
        Counter(label: "qbbridge_sessions_total", dimensions: [("verdict", verdict)]).increment()
        return outcome
    }

    func decideAuthentication(username: String, password: String) async -> AuthenticationOutcome {
        let throttleKey = "qbwc:" + username.lowercased()
        do {
            let throttle = try await store.throttle.state(throttleKey)
            if throttle.locked {
                logger.notice("Web Connector login refused: too many failures", metadata: ["username": "\(username.prefix(64))"])
                return .invalidUser
            }
            guard let (company, hash) = try await store.companies.credentials(username: username) else {
                await passwords.verifyDecoy(password)
                try await recordFailedLogin(throttleKey, username: username, companyID: nil)
                return .invalidUser
            }
            guard await passwords.verify(password, hash: hash, cacheKey: company.id.rawValue) else {
                try await recordFailedLogin(throttleKey, username: username, companyID: company.id)
                return .invalidUser
            }
            if throttle.hasFailures { try await store.throttle.recordSuccess(throttleKey) }
            try await PullService(store: store).scheduleIfDue(company)
            let work = try await plannedWork(for: company)
            guard try await hasWork(company, work: work) else {
                // Its work may be in the hands of a live session still waiting for QuickBooks' answer: that is
                // busy, not "nothing to do".
                if let holder = try await store.sessions.openSession(companyID: company.id),
                   holder.lastSeenAt.adding(seconds: configuration.sessionOutstandingGraceSeconds) > .now,
                   holder.requestsSent > holder.responsesReceived {
                    logger.notice("Web Connector busy: a session waits for QuickBooks", metadata: ["company": "\(company.id)", "session": "\(holder.id)"])
                    return .busy(postponeSeconds: 60)
                }
                logger.debug("no work", metadata: ["company": "\(company.id)"])
                return .noWork(postponeSeconds: nil, minimumRunEverySeconds: nil)
            }
            let ticket = Ticket.random()
            switch try await store.sessions.open(companyID: company.id, ticket: ticket.value,
                                                 staleAfterSeconds: configuration.sessionStaleAfterSeconds,
                                                 outstandingGraceSeconds: configuration.sessionOutstandingGraceSeconds, work: work.json) {
            case .busy(let existing):
                logger.notice("Web Connector busy: a session is live", metadata: ["company": "\(company.id)", "session": "\(existing.id)"])
                return .busy(postponeSeconds: 60)
            case .opened(let session, let replaced):
                logger.info("session opened", metadata: ["company": "\(company.id)", "session": "\(session.id)", "replaced": "\(replaced ?? "-")"])
                return .session(ticket: ticket.value, companyFile: "")
            }
        } catch {
            logger.error("authenticate failed inside the bridge", metadata: ["error": "\(error)"])
            return .busy(postponeSeconds: 60)
        }
    }

    func recordFailedLogin(_ key: String, username: String, companyID: CompanyID?) async throws {
        let locked = try await store.throttle.recordFailure(key)
        if locked, let companyID {
            let draft = Classifier.classify(ConnectionFailureInput.authenticationFailed(userName: String(username.prefix(64))))
            try await store.failures.recordConnection(NewFailure(draft, companyID: companyID, jobID: nil))
        }
        try await store.activity.append(NewActivity(
            actor: "web-connector", companyID: companyID, subject: "company", subjectID: companyID?.rawValue,
            action: locked ? "login.locked" : "login.failed", detail: ["username": String(username.prefix(64))]
        ))
        logger.notice("Web Connector login failed", metadata: ["username": "\(username.prefix(64))", "locked": "\(locked)"])
    }

    /// The work a new session of this company would do now.
    func plannedWork(for company: Company, now: Timestamp = .now) async throws -> SessionWork {
        var steps: [SessionWork.Step] = []
        let info = company.quickBooks
        let stale = info.reportedAt.map { $0.adding(seconds: configuration.hostInfoRefreshSeconds) < now } ?? true
        // A file found without our stamp counts as checked too: otherwise it would be checked in every
        // session, and such a company would open a session at every scheduled run.
        if stale || info.fileStamp == .unchecked {
            steps.append(.verifyCompanyFile)
        }
        return SessionWork(steps: steps, outstanding: [], notes: [], exchangedData: false)
    }

    /// Whether a session would have anything to do: host facts to refresh, or jobs waiting (including
    /// failures the bridge re-checks by itself, docs/failure-catalogue.md, "Automatic re-checks").
    func hasWork(_ company: Company, work: SessionWork) async throws -> Bool {
        if !work.steps.isEmpty { return true }
        if try await store.jobs.pendingCount(companyID: company.id, upTo: 1) > 0 { return true }
        // Jobs held by a session that is gone or went silent (the Web Connector or a server died): a new
        // session takes them over and looks them up before anything is sent again.
        let now = Timestamp.now
        return try await store.jobs.abandonedCount(companyID: company.id, staleBefore: now.adding(seconds: -configuration.sessionStaleAfterSeconds),
                                                   graceBefore: now.adding(seconds: -configuration.sessionOutstandingGraceSeconds)) > 0
    }
}
