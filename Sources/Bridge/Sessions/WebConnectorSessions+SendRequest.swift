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
            if !request.hcpResponse.isEmpty {
                recordHostResponse(request, company: company, session: &session, commit: &commit)
                if session.lastError != nil {
                    try await store.sessions.save(session, with: commit)
                    return .failed
                }
            }
            if session.companyFile == nil, !request.companyFileName.isEmpty { session.companyFile = request.companyFileName }
            guard let versionText = session.qbxmlVersion ?? company.quickBooks.qbxmlVersion,
                  let version = QBXMLVersion(versionText) else {
                session.lastError = "QBBridge has not received QuickBooks' host information for this session; run Update Selected again."
                try await store.sessions.save(session, with: commit)
                return .failed
            }
            var step = SessionStep(session: session, work: SessionWork(json: session.work), commit: commit)
            let document = try await nextDocument(version: version, &step)
            session.work = step.work.json
            guard let document else {
                session.lastError = "QBBridge has nothing more to send in this session."
                try await store.sessions.save(session, with: step.commit)
                return .failed
            }
            session.requestsSent += 1
            try await store.sessions.save(session, with: step.commit)
            return .request(document)
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

    /// Reads QuickBooks' host facts into the session and, through `commit`, onto the company.
    /// Not inlined: its temporaries would otherwise live in sendRequestXML's async frame.
    @inline(never)
    func recordHostResponse(_ request: SendRequestXML, company: Company, session: inout SessionRecord, commit: inout SessionCommit) {
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
        commit.company.append(.quickBooksReported(info, changed: !info.reportsSame(as: company.quickBooks)))
        session.country = info.country
        session.companyFile = info.companyFile
        var work = SessionWork(json: session.work)
        work.closingDate = hcp.preferences?.closingDate.flatMap { QBDate($0) }
        session.work = work.json
        if let negotiated {
            session.qbxmlVersion = negotiated.description
        } else {
            let highest = supported.last ?? "unknown"
            session.lastError = "\(product ?? "This QuickBooks") supports qbXML up to \(highest); QBBridge needs qbXML \(QBXMLVersion.oldestSupported) or newer (QuickBooks 2003 or later). Update QuickBooks to use QBBridge."
            commit.company.append(.connectionProblem(session.lastError))
        }
    }
}
