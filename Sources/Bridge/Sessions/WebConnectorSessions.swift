import Foundation
public import Logging
import Metrics
import QBXML
import Triage
public import Store
public import WebConnector

/// The bridge's side of the Web Connector protocol: credentials, tickets, the per-session run state and
/// what QuickBooks reports, all kept in the store (qbwc-protocol.md §2, §6).
///
/// Every method saves its state change before it returns, because the SOAP reply goes out right after.
public struct WebConnectorSessions: WebConnectorBackend {
    let store: Store
    let configuration: BridgeConfiguration
    let passwords: PasswordHasher
    let logger: Logger

    /// Creates the backend.
    public init(store: Store, configuration: BridgeConfiguration, passwords: PasswordHasher, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.passwords = passwords
        self.logger = logger
    }

    // MARK: serverVersion / clientVersion

    public func serverVersion() -> String {
        configuration.serverVersion
    }

    public func clientVersion(_ version: String) async -> ClientVersionVerdict {
        guard let client = ClientVersion(version) else {
            return .warn("QBBridge could not read the Web Connector version \"\(version.prefix(40))\"; updates may fail. Install the current Web Connector from Intuit.")
        }
        if let minimum = configuration.minimumClientVersion, let required = ClientVersion(minimum), client < required {
            logger.warning("Web Connector too old", metadata: ["clientVersion": "\(version)", "minimum": "\(minimum)"])
            return .requireVersion(minimum)
        }
        if let recommended = configuration.recommendedClientVersion, let wanted = ClientVersion(recommended), client < wanted {
            return .warn("This Web Connector (\(version)) is older than \(recommended); please update it from Intuit's site when convenient.")
        }
        return .proceed
    }

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

    private func decideAuthentication(username: String, password: String) async -> AuthenticationOutcome {
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
            let work = try await plannedWork(for: company)
            guard try await hasWork(company, work: work) else {
                logger.debug("no work", metadata: ["company": "\(company.id)"])
                return .noWork(postponeSeconds: nil, minimumRunEverySeconds: nil)
            }
            let ticket = Ticket.random()
            switch try await store.sessions.open(companyID: company.id, ticket: ticket.value,
                                                 staleAfterSeconds: configuration.sessionStaleAfterSeconds) {
            case .busy(let existing):
                logger.notice("Web Connector busy: a session is live", metadata: ["company": "\(company.id)", "session": "\(existing.id)"])
                return .busy(postponeSeconds: 60)
            case .opened(var session, _):
                session.work = work.json
                try await store.sessions.save(session)
                logger.info("session opened", metadata: ["company": "\(company.id)", "session": "\(session.id)"])
                return .session(ticket: ticket.value, companyFile: "")
            }
        } catch {
            logger.error("authenticate failed inside the bridge", metadata: ["error": "\(error)"])
            return .busy(postponeSeconds: 60)
        }
    }

    private func recordFailedLogin(_ key: String, username: String, companyID: CompanyID?) async throws {
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
        if stale || info.fileVerifiedAt == nil {
            steps.append(.verifyCompanyFile)
        }
        return SessionWork(steps: steps, outstanding: [], notes: [], exchangedData: false)
    }

    /// Whether a session would have anything to do: host facts to refresh, or jobs waiting (including
    /// failures the bridge re-checks by itself, design.md §6).
    func hasWork(_ company: Company, work: SessionWork) async throws -> Bool {
        if !work.steps.isEmpty { return true }
        if try await store.jobs.pendingCount(companyID: company.id) > 0 { return true }
        // Jobs held by a session that is gone or went silent (the Web Connector or a server died): a new
        // session takes them over and looks them up before anything is sent again.
        let staleBefore = Timestamp.now.adding(seconds: -configuration.sessionStaleAfterSeconds)
        return try await store.jobs.abandonedCount(companyID: company.id, staleBefore: staleBefore) > 0
    }

    // MARK: sendRequestXML

    public func sendRequestXML(_ request: SendRequestXML) async -> SendRequestOutcome {
        do {
            guard var session = try await liveSession(request.ticket) else { return .failed }
            guard let company = try await store.companies.find(session.companyID) else { return .failed }
            if !request.hcpResponse.isEmpty {
                try await recordHostResponse(request, company: company, session: &session)
                if session.lastError != nil {
                    try await store.sessions.save(session)
                    return .failed
                }
            }
            if session.companyFile == nil, !request.companyFileName.isEmpty { session.companyFile = request.companyFileName }
            guard let versionText = session.qbxmlVersion ?? company.quickBooks.qbxmlVersion,
                  let version = QBXMLVersion(versionText) else {
                session.lastError = "QBBridge has not received QuickBooks' host information for this session; run Update Selected again."
                try await store.sessions.save(session)
                return .failed
            }
            var work = SessionWork(json: session.work)
            let document: String
            if work.steps.first == .verifyCompanyFile {
                let ownerID = try await store.installation.ownerID()
                document = try QBXMLMessageSet(
                    version: version, onError: .continueOnError,
                    requests: [CompanyQueryRq(requestID: Self.verifyRequestID, ownerIDs: [ownerID])]
                ).render()
                work.outstanding = [Self.verifyRequestID]
            } else if let next = try await payments.nextDocument(work: &work, session: session, version: version) {
                document = next
            } else {
                session.work = work.json
                session.lastError = "QBBridge has nothing more to send in this session."
                try await store.sessions.save(session)
                return .failed
            }
            session.requestsSent += 1
            session.work = work.json
            try await store.sessions.save(session)
            return .request(document)
        } catch {
            logger.error("sendRequestXML failed inside the bridge", metadata: ["error": "\(error)"])
            try? await saveError(ticket: request.ticket, "QBBridge could not prepare the next request: \(error)")
            return .failed
        }
    }

    static let verifyRequestID = "verify-file"

    var payments: PaymentSessionDriver { PaymentSessionDriver(store: store, logger: logger) }

    private func recordHostResponse(_ request: SendRequestXML, company: Company, session: inout SessionRecord) async throws {
        let hcp: HCPResponse
        do {
            hcp = try HCPResponse(parsing: request.hcpResponse)
        } catch {
            logger.warning("unreadable HCP response", metadata: ["company": "\(company.id)", "error": "\(error)"])
            hcp = HCPResponse()
        }
        var supported = hcp.host?.supportedQBXMLVersions ?? []
        if supported.isEmpty, request.majorVersion > 0 {
            supported = ["\(request.majorVersion).\(request.minorVersion)"]
        }
        let negotiated = QBXMLVersion.negotiate(supported: supported)
        let product = hcp.host?.productName
        let info = QuickBooksInfo(
            product: product,
            version: [hcp.host?.majorVersion, hcp.host?.minorVersion].compactMap { $0 }.joined(separator: "."),
            country: hcp.host?.country ?? (request.country.isEmpty ? nil : request.country),
            fileMode: hcp.host?.fileMode,
            supportedQBXMLVersions: supported,
            qbxmlVersion: negotiated?.description,
            companyFile: request.companyFileName.isEmpty ? nil : request.companyFileName,
            companyName: hcp.company?.companyName,
            autoApplyPayments: hcp.preferences?.isAutoApplyingPayments,
            reportedAt: .now,
            fileVerifiedAt: company.quickBooks.fileVerifiedAt
        )
        try await store.companies.recordQuickBooksInfo(company.id, info)
        session.country = info.country
        session.companyFile = info.companyFile
        if let negotiated {
            session.qbxmlVersion = negotiated.description
        } else {
            let highest = supported.last ?? "unknown"
            session.lastError = "\(product ?? "This QuickBooks") supports qbXML up to \(highest); QBBridge needs qbXML \(QBXMLVersion.oldestSupported) or newer (QuickBooks 2003 or later). Update QuickBooks to use QBBridge."
            try await store.companies.setConnectionProblem(company.id, session.lastError)
        }
    }

    // MARK: receiveResponseXML

    public func receiveResponseXML(_ response: ReceiveResponseXML) async -> ReceiveResponseOutcome {
        do {
            guard var session = try await liveSession(response.ticket) else { return .failed }
            session.responsesReceived += 1
            var work = SessionWork(json: session.work)
            if !response.hresult.isEmpty {
                let text = "QuickBooks rejected the request set (\(response.hresult)): \(response.message)"
                session.lastError = text
                work.outstanding = []
                work.notes.append(text)
                try await payments.abandonBatch(work: &work, session: session)
                session.work = work.json
                try await store.companies.setConnectionProblem(session.companyID, text)
                try await recordConnectionFailure(.receiveResponseXML, hresult: response.hresult, message: response.message, session: session)
                try await store.sessions.save(session, activity: NewActivity(
                    actor: "web-connector", companyID: session.companyID, subject: "session", subjectID: session.id,
                    action: "session.request_set_rejected", detail: ["hresult": response.hresult, "message": String(response.message.prefix(500))]
                ))
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
            for item in responses where item.header.requestID == Self.verifyRequestID && work.outstanding.contains(Self.verifyRequestID) {
                work.outstanding.removeAll { $0 == Self.verifyRequestID }
                try await checkFileStamp(item, session: session, work: &work)
                work.steps.removeAll { $0 == .verifyCompanyFile }
            }
            if try await !payments.receive(responses, work: &work, session: session), work.outstanding.isEmpty,
               !responses.contains(where: { $0.header.requestID == Self.verifyRequestID }) {
                logger.notice("response for no outstanding request ignored (repeated or stale delivery)")
            }
            session.work = work.json
            let waiting = work.batch == nil ? try await store.jobs.pendingCount(companyID: session.companyID, excludingSession: session.id) : 0
            let progress = work.progress(waitingJobs: waiting)
            try await store.sessions.save(session)
            return .progress(progress)
        } catch {
            logger.error("receiveResponseXML failed inside the bridge", metadata: ["error": "\(error)"])
            try? await saveError(ticket: response.ticket, "QBBridge could not store QuickBooks' response: \(error)")
            return .failed
        }
    }

    private func checkFileStamp(_ response: QBXMLResponse, session: SessionRecord, work: inout SessionWork) async throws {
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
            try await store.companies.recordFileVerified(company.id, at: .now)
            try await store.companies.setConnectionProblem(company.id, nil)
            work.notes.append("Company file verified.")
        } else {
            let text = "The Web Connector opened a company file stamped for another QBBridge connection (FileID \(fileID), expected \(company.fileID)). Open the right company file in QuickBooks, or re-add this connection's .qwc."
            try await store.companies.setConnectionProblem(company.id, text)
            work.notes.append(text)
        }
    }

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
                try await store.companies.setConnectionProblem(session.companyID, nil)
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

    // MARK: helpers

    /// The open session of a ticket, refreshed for inactivity; nil for unknown, closed or expired tickets.
    private func liveSession(_ ticket: String) async throws -> SessionRecord? {
        guard Ticket(ticket).isWellFormed, let session = try await store.sessions.find(ticket: ticket) else { return nil }
        guard session.state == .open else { return nil }
        if session.lastSeenAt.adding(seconds: configuration.ticketIdleTimeoutSeconds) < .now {
            var expired = session
            expired.state = .expired
            expired.lastError = "This session expired after \(Int(configuration.ticketIdleTimeoutSeconds / 60)) minutes without a call."
            try await store.sessions.save(expired)
            return nil
        }
        return session
    }

    private func saveError(ticket: String, _ text: String) async throws {
        guard var session = try await liveSession(ticket) else { return }
        session.lastError = text
        try await store.sessions.save(session)
    }
}
