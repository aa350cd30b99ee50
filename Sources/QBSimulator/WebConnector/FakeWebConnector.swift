public import AsyncHTTPClient
import Foundation
import NIOCore

/// A simulated QuickBooks Web Connector 2.x that drives a QBBridge server over real HTTP, exactly in
/// QBWC's call sequence (docs/web-connector-protocol.md, "Call sequence"), with a `FakeQuickBooks` as the QuickBooks it talks to.
///
/// serverVersion → clientVersion → authenticate → (QuickBooks cannot be opened: connectionError) →
/// sendRequestXML (the first with the HCP response) → QuickBooks → receiveResponseXML, repeated while
/// the progress is 0…99; 100 → closeConnection; negative → getLastError → closeConnection; an empty
/// request → getLastError, then `NoOp` waits and asks again, anything else closes. Faults from
/// `SessionFault` break a session the ways real ones break.
public struct FakeWebConnector: Sendable {
    /// The SOAP endpoint (`…/qbwc`).
    public let endpoint: String
    /// The QBWC user name (from the `.qwc`).
    public let username: String
    /// The password typed into QBWC.
    public let password: String
    /// The QuickBooks this Web Connector runs requests in.
    public let quickBooks: FakeQuickBooks
    /// Behaviour and limits.
    public let configuration: WebConnectorConfiguration
    private let client: SOAPClient

    /// A Web Connector for one company. `baseURL` is the server root (`http://localhost:8080`) or the
    /// endpoint itself (`…/qbwc`).
    public init(baseURL: String, username: String, password: String, quickBooks: FakeQuickBooks,
                configuration: WebConnectorConfiguration = WebConnectorConfiguration(), httpClient: HTTPClient = .shared) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        endpoint = trimmed.hasSuffix("/qbwc") ? trimmed : trimmed + "/qbwc"
        self.username = username
        self.password = password
        self.quickBooks = quickBooks
        self.configuration = configuration
        let components = configuration.requestTimeout.components
        client = SOAPClient(endpoint: endpoint, httpClient: httpClient,
                            timeout: .nanoseconds(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000))
    }

    /// Runs one update session and reports what happened; never throws (errors are in the report).
    public func runSession(faults: [SessionFault] = []) async -> SessionReport {
        var session = Session(connector: self, faults: faults)
        await session.run()
        return session.report
    }

    /// Runs sessions until one ends other than `.completed` (typically `none`: no more work), at most
    /// `maxSessions`; returns every report.
    public func runUntilIdle(maxSessions: Int = 10) async -> [SessionReport] {
        var reports: [SessionReport] = []
        for _ in 0..<max(1, maxSessions) {
            let report = await runSession()
            reports.append(report)
            if report.outcome != .completed { break }
        }
        return reports
    }

    /// One session's state: the report being written and the injected faults' counters.
    private struct Session {
        let connector: FakeWebConnector
        let faults: [SessionFault]
        var report = SessionReport()
        var callCounts: [WebConnectorCall: Int] = [:]

        init(connector: FakeWebConnector, faults: [SessionFault]) {
            self.connector = connector
            self.faults = faults
        }

        mutating func run() async {
            do {
                try await converse()
            } catch {
                report.errors.append(error)
                report.outcome = .failed
            }
        }

        private mutating func converse() async throws(FakeWebConnectorError) {
            let configuration = connector.configuration
            report.serverVersion = try await call(.serverVersion, []).text
            let version = try await call(.clientVersion, [("strVersion", configuration.clientVersion)]).text
            report.clientVersionReply = version
            if version.hasPrefix("E:") || version.hasPrefix("O:") {
                report.outcome = .clientVersionRejected(version)
                return
            }
            report.authenticateResult = try await call(.authenticate, [("strUserName", connector.username),
                                                                       ("strPassword", connector.password)]).strings
            let ticket = report.authenticateResult.first ?? ""
            switch report.authenticateVerdict ?? "" {
            case "none": report.outcome = .noWork; return
            case "nvu": report.outcome = .invalidUser; return
            case "busy": report.outcome = .busy; return
            default: break
            }
            if stops(afterRoundTrip: 0) { report.outcome = .interrupted; return }

            // QBWC opens QuickBooks; on failure it reports the HRESULT and may retry with another file.
            let quickBooks = connector.quickBooks
            var companyFile = report.authenticateVerdict ?? ""
            var attempts = 0
            while let failure = await quickBooks.beginSession(companyFile: companyFile) {
                attempts += 1
                let answer = try await call(.connectionError, [("ticket", ticket), ("hresult", failure.hresult),
                                                               ("message", failure.message)]).text
                report.connectionErrorReplies.append(answer)
                if answer.lowercased() == "done" || attempts >= configuration.maxConnectionAttempts {
                    report.outcome = .connectionFailed(failure)
                    return
                }
                companyFile = answer
            }
            do {
                try await exchange(ticket: ticket)
            } catch {
                await quickBooks.endSession()
                throw error
            }
            await quickBooks.endSession()
        }

        /// The sendRequestXML / receiveResponseXML loop, inside an open QuickBooks session.
        private mutating func exchange(ticket: String) async throws(FakeWebConnectorError) {
            let configuration = connector.configuration
            let quickBooks = connector.quickBooks
            if let ownerID = configuration.ownerID, let fileID = configuration.fileID,
               await quickBooks.dataExtension(ownerID: ownerID, name: "FileID") == nil {
                await quickBooks.stampDataExtension(ownerID: ownerID, name: "FileID", value: fileID)
            }
            let facts = await quickBooks.facts
            let newest = facts.supportedQBXMLVersions.last ?? facts.maxQBXMLVersion
            let number = newest.drop { $0.isLetter }.split(separator: ".")
            let major = number.first.map(String.init) ?? "13"
            let minor = number.count > 1 ? String(number[1]) : "0"
            var hcp = configuration.sendsHostReport ? await quickBooks.hcpResponse(ownerID: configuration.ownerID) : ""
            var noOps = 0
            while true {
                guard report.roundTrips < configuration.maxRoundTrips else {
                    throw .roundTripLimit(configuration.maxRoundTrips)
                }
                let request = try await call(.sendRequestXML, [
                    ("ticket", ticket), ("strHCPResponse", hcp), ("strCompanyFileName", facts.companyFilePath),
                    ("qbXMLCountry", facts.country), ("qbXMLMajorVers", major), ("qbXMLMinorVers", minor),
                ]).text
                hcp = ""
                if request.isEmpty {
                    let lastError = try await call(.getLastError, [("ticket", ticket)]).text
                    report.lastErrors.append(lastError)
                    if lastError == "NoOp" {
                        noOps += 1
                        guard noOps <= configuration.maxNoOpWaits else { throw .noOpLimit(configuration.maxNoOpWaits) }
                        report.noOpWaits += 1
                        if configuration.noOpWait > .zero { try? await Task.sleep(for: configuration.noOpWait) }
                        continue
                    }
                    try await close(ticket: ticket, outcome: .endedWithError)
                    return
                }
                noOps = 0
                report.requestDocuments.append(request)
                let reply = await quickBooks.respond(to: request)
                let roundTrip = report.roundTrips
                if faults.contains(.dropResponse(roundTrip: roundTrip)) {
                    report.outcome = .interrupted
                    return
                }
                let parameters: [(String, String)]
                switch reply {
                case .response(let xml):
                    parameters = [("ticket", ticket), ("response", xml), ("hresult", ""), ("message", "")]
                case .processorError(let error):
                    parameters = [("ticket", ticket), ("response", ""), ("hresult", error.hresult), ("message", error.message)]
                }
                var progress = try await receive(parameters)
                if faults.contains(.duplicateResponse(roundTrip: roundTrip)) {
                    progress = try await receive(parameters)
                }
                if stops(afterRoundTrip: roundTrip) {
                    report.outcome = .interrupted
                    return
                }
                if progress >= 100 {
                    try await close(ticket: ticket, outcome: .completed)
                    return
                }
                if progress < 0 {
                    report.lastErrors.append(try await call(.getLastError, [("ticket", ticket)]).text)
                    try await close(ticket: ticket, outcome: .endedWithError)
                    return
                }
            }
        }

        private mutating func receive(_ parameters: [(String, String)]) async throws(FakeWebConnectorError) -> Int {
            let text = try await call(.receiveResponseXML, parameters).text
            guard let progress = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw .malformedReply(.receiveResponseXML, "\"\(text.prefix(40))\" is not an integer percentage")
            }
            report.progress.append(progress)
            return progress
        }

        private mutating func close(ticket: String, outcome: SessionOutcome) async throws(FakeWebConnectorError) {
            report.closeConnection = try await call(.closeConnection, [("ticket", ticket)]).text
            report.outcome = outcome
        }

        private func stops(afterRoundTrip roundTrip: Int) -> Bool {
            faults.contains(.stopAfter(roundTrip: roundTrip))
        }

        /// One SOAP call, with any injected HTTP failure for it.
        private mutating func call(_ operation: WebConnectorCall, _ parameters: [(String, String)]) async throws(FakeWebConnectorError) -> SOAPClient.Reply {
            let occurrence = callCounts[operation, default: 0] + 1
            callCounts[operation] = occurrence
            report.calls.append(operation)
            if faults.contains(.httpFailure(operation, occurrence: occurrence, timing: .beforeDelivery)) {
                throw .injected(operation, "the request did not reach the server (connection refused)")
            }
            let loseReply = faults.contains(.httpFailure(operation, occurrence: occurrence, timing: .afterDelivery))
            return try await connector.client.send(operation, parameters, loseReply: loseReply)
        }
    }
}
