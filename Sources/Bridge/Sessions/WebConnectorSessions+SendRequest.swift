import Foundation
import Logging
import Metrics
import QBXML
import Triage
import Domain
import Store
public import WebConnector

/// sendRequestXML: the host facts of the first call, then the next request document of the session.
extension WebConnectorSessions {
    // MARK: sendRequestXML

    public func sendRequestXML(_ request: SendRequestXML) async -> SendRequestOutcome {
        do {
            guard var session = try await liveSession(request.ticket) else { return .failed }
            guard let company = try await store.companies.find(session.companyID) else { return .failed }
            var commit = SessionCommit()
            var work = SessionWork(json: session.work)
            if session.requestsSent == 0 {
                if let hcp = readHostResponse(request, company: company) {
                    HostReportReading.record(hcp, company: company, client: ClientFacts(request), session: &session, work: &work, commit: &commit)
                    session.work = work.json
                    if session.lastError != nil {
                        try await store.sessions.save(session, with: commit)
                        return .failed
                    }
                } else if !work.steps.contains(.askHostReport) {
                    // No host report: the session's first request set asks QuickBooks for it (HostReportDriver).
                    work.steps.insert(.askHostReport, at: 0)
                }
            }
            if session.companyFile == nil, !request.companyFileName.isEmpty { session.companyFile = request.companyFileName }
            let asksHostReport = work.steps.first == .askHostReport
            guard let version = asksHostReport ? .oldestSupported : (session.qbxmlVersion ?? company.quickBooks.qbxmlVersion).flatMap(QBXMLVersion.init) else {
                session.lastError = "QBBridge has not learnt QuickBooks' qbXML version in this session; run Update Selected again."
                try await store.sessions.save(session, with: commit)
                return .failed
            }
            var step = SessionStep(session: session, work: work, commit: commit)
            let document = try await nextDocument(version: version, &step)
            session = step.session
            session.work = step.work.json
            guard let document else {
                session.lastError = "QBBridge has nothing more to send in this session."
                try await store.sessions.save(session, with: step.commit)
                return .failed
            }
            session.requestsSent += 1
            try await store.sessions.save(session, with: step.commit)
            return .request(document)
        } catch StoreError.sessionEnded(let id) {
            // A newer session took the company over during this call: nothing of it was saved, and jobs it
            // claimed go back to the queue (no request of theirs left QBBridge).
            logger.notice("sendRequestXML for a session taken over meanwhile; nothing saved", metadata: ["session": "\(id)"])
            _ = try? await store.jobs.release(sessionID: id)
            return .failed
        } catch {
            logger.error("sendRequestXML failed inside the bridge", metadata: ["error": "\(error)"])
            try? await saveError(ticket: request.ticket, "QBBridge could not prepare the next request: \(error)")
            return .failed
        }
    }

    /// The session's drivers, in the order they get their turn (`SessionDrivers.ordered`).
    var drivers: [any SessionDriver] { SessionDrivers.ordered(store: store, logger: logger) }

    /// The first document a driver has to send, in the drivers' order; nil when none has anything left.
    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String? {
        for driver in drivers {
            if let document = try await driver.nextDocument(version: version, &step) { return document }
        }
        return nil
    }

    /// The Web Connector's host report, when it sent one with a host record in it; nil when it sent none (its
    /// host query failed, or the client is an emulator) or nothing usable, so that the bridge asks itself.
    func readHostResponse(_ request: SendRequestXML, company: Company) -> HCPResponse? {
        guard !request.hcpResponse.isEmpty else { return nil }
        do {
            let hcp = try HCPResponse(parsing: request.hcpResponse)
            return hcp.host == nil ? nil : hcp
        } catch {
            logger.warning("unreadable HCP response; asking QuickBooks for the host report", metadata: ["company": "\(company.id)", "error": "\(error)"])
            return nil
        }
    }
}

/// What the Web Connector's sendRequestXML says about QuickBooks besides the host report.
struct ClientFacts {
    /// `qbXMLMajorVers`.`qbXMLMinorVers`, when given: a last resort for the supported versions.
    var version: String?
    var country: String?
    var companyFile: String?

    init(version: String? = nil, country: String? = nil, companyFile: String? = nil) {
        self.version = version
        self.country = country
        self.companyFile = companyFile
    }

    init(_ request: SendRequestXML) {
        version = request.majorVersion > 0 ? "\(request.majorVersion).\(request.minorVersion)" : nil
        country = request.country.isEmpty ? nil : request.country
        companyFile = request.companyFileName.isEmpty ? nil : request.companyFileName
    }
}

/// Reads a host report, the Web Connector's or the bridge's own, into the session and, through the commit, onto
/// the company: the negotiated qbXML version, QuickBooks' facts, the closing date.
enum HostReportReading {
    static func record(_ report: HCPResponse, company: Company, client: ClientFacts, session: inout SessionRecord, work: inout SessionWork,
                       commit: inout SessionCommit) {
        var supported = report.host?.supportedQBXMLVersions ?? []
        if supported.isEmpty, let version = client.version { supported = [version] }
        let negotiated = QBXMLVersion.negotiate(supported: supported)
        let product = report.host?.productName
        let info = QuickBooksInfo(
            product: product,
            version: [report.host?.majorVersion, report.host?.minorVersion].compactMap { $0 }.joined(separator: "."),
            country: report.host?.country ?? client.country,
            fileMode: report.host?.fileMode,
            supportedQBXMLVersions: supported,
            qbxmlVersion: negotiated?.description,
            companyFile: client.companyFile,
            companyName: report.company?.companyName,
            autoApplyPayments: report.preferences?.isAutoApplyingPayments,
            reportedAt: .now,
            fileVerifiedAt: company.quickBooks.fileVerifiedAt
        )
        commit.company.append(.quickBooksReported(info, changed: !info.reportsSame(as: company.quickBooks)))
        session.country = info.country
        if let file = info.companyFile { session.companyFile = file }
        work.closingDate = report.preferences?.closingDate.flatMap { QBDate($0) }
        if let negotiated {
            session.qbxmlVersion = negotiated.description
        } else if supported.isEmpty {
            session.lastError = "QuickBooks did not say which qbXML versions it supports\(report.problem.map { " (\($0))" } ?? ""). Check that QuickBooks is open and responding, then run Update Selected again."
            commit.company.append(.connectionProblem(session.lastError))
        } else {
            let highest = supported.last ?? "unknown"
            session.lastError = "\(product ?? "This QuickBooks") supports qbXML up to \(highest); QBBridge needs qbXML \(QBXMLVersion.oldestSupported) or newer (QuickBooks 2012 or later). Update QuickBooks to use QBBridge."
            commit.company.append(.connectionProblem(session.lastError))
        }
    }
}
