import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Simulated Web Connector against the real server over HTTP", .tagFilter)
struct WebConnectorSessionTests {
    @Test("a complete session: authenticate, HCP, the company check answered from QuickBooks, 100, closeConnection; then none")
    func completeSession() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let quickBooks = try acme()
            let connector = try await bridge.webConnector(for: company, quickBooks: quickBooks)
            let report = await connector.runSession()
            #expect(report.errors.isEmpty, "\(report.errors)")
            #expect(report.outcome == .completed)
            #expect(report.calls == [.serverVersion, .clientVersion, .authenticate, .sendRequestXML, .receiveResponseXML, .closeConnection])
            #expect(report.serverVersion?.hasPrefix("QBBridge") == true)
            #expect(report.clientVersionReply == "")
            #expect(report.authenticateVerdict == "")
            #expect(report.progress == [100])
            let ownerID = try await bridge.store.installation.ownerID()
            let request = try #require(report.requestDocuments.first)
            #expect(request.contains("<CompanyQueryRq") && request.contains(ownerID))
            #expect(report.closeConnection?.contains("Company file verified.") == true)
            #expect(await quickBooks.statistics.requestsByType == ["CompanyQueryRq": 1])
            #expect(await quickBooks.dataExtension(ownerID: ownerID, name: "FileID") == company.fileID)

            let stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.quickBooks.qbxmlVersion == "13.0")
            #expect(stored.quickBooks.product == "QuickBooks Desktop Pro 2024")
            #expect(stored.quickBooks.fileVerifiedAt != nil)

            let next = await connector.runSession()
            #expect(next.outcome == .noWork)
            #expect(next.calls == [.serverVersion, .clientVersion, .authenticate])
        }
    }

    @Test("a wrong password gets nvu and QuickBooks is never opened")
    func wrongPassword() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let quickBooks = try acme()
            let report = await (try await bridge.webConnector(for: company, password: "wrong password", quickBooks: quickBooks)).runSession()
            #expect(report.outcome == .invalidUser)
            #expect(report.authenticateResult == ["", "nvu"])
            #expect(report.calls.last == .authenticate)
            #expect(await quickBooks.statistics.sessionsBegun == 0)
        }
    }

    @Test("QuickBooks blocked by a modal dialog is reported with connectionError 0x80040414 and answered done")
    func connectionError() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let quickBooks = try acme()
            await quickBooks.setOpenFailure(.modalDialog)
            let report = await (try await bridge.webConnector(for: company, quickBooks: quickBooks)).runSession()
            #expect(report.outcome == .connectionFailed(.modalDialog))
            #expect(report.connectionErrorReplies.map { $0.lowercased() } == ["done"])
            #expect(report.calls.last == .connectionError)
            #expect(report.requestDocuments.isEmpty)
            let stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.connectionProblem?.contains("0x80040414") == true)
        }
    }

    @Test("a session dropped after QuickBooks answered keeps the company busy until the stale period, then a new one completes")
    func droppedSession() async throws {
        try await withRunningBridge(configure: { $0.bridge.sessionStaleAfterSeconds = 5 }) { bridge in
            let company = try await bridge.addCompany()
            let quickBooks = try acme()
            let connector = try await bridge.webConnector(for: company, quickBooks: quickBooks)
            let dropped = await connector.runSession(faults: [.dropResponse(roundTrip: 1)])
            #expect(dropped.outcome == .interrupted)
            #expect(dropped.calls.last == .sendRequestXML)
            #expect(dropped.closeConnection == nil)
            #expect(await quickBooks.statistics.documentsReceived == 1)

            let blocked = await connector.runSession()
            #expect(blocked.outcome == .busy)
            let deadline = ContinuousClock.now + .seconds(15)
            var retried = blocked
            while retried.outcome == .busy, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
                retried = await connector.runSession()
            }
            #expect(retried.outcome == .completed, "\(retried.errors)")
            #expect(retried.progress == [100])
        }
    }

    @Test("a response delivered twice is answered consistently and the session still completes")
    func duplicateResponse() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let report = await (try await bridge.webConnector(for: company, quickBooks: try acme()))
                .runSession(faults: [.duplicateResponse(roundTrip: 1)])
            #expect(report.outcome == .completed)
            #expect(report.progress == [100, 100])
            #expect(report.calls.filter { $0 == .receiveResponseXML }.count == 2)
        }
    }

    @Test("a receiveResponseXML whose reply is lost still counts on the server: the next run has no work")
    func lostReply() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let connector = try await bridge.webConnector(for: company, quickBooks: try acme())
            let lost = await connector.runSession(faults: [.httpFailure(.receiveResponseXML, occurrence: 1, timing: .afterDelivery)])
            #expect(lost.outcome == .failed)
            #expect(lost.errors == [.injected(.receiveResponseXML, "the server processed the call but its reply was lost")])
            #expect(lost.closeConnection == nil)
            #expect(await connector.runSession().outcome == .noWork)
        }
    }

    @Test("a QuickBooks too old for the bridge gets an empty request; getLastError explains it before closeConnection")
    func tooOld() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let old = try FakeQuickBooks(facts: CompanyFacts(productName: "QuickBooks Pro 2008", maxQBXMLVersion: "7.0"), clock: fixedClock)
            let report = await (try await bridge.webConnector(for: company, quickBooks: old)).runSession()
            #expect(report.outcome == .endedWithError)
            #expect(report.calls.suffix(3) == [.sendRequestXML, .getLastError, .closeConnection])
            #expect(report.lastErrors.first?.contains("7.0") == true)
            #expect(report.requestDocuments.isEmpty)
        }
    }

    @Test("a request set QuickBooks refuses is sent as hresult and message; the server ends the run through getLastError")
    func processorError() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let quickBooks = try acme()
            await quickBooks.refuseNextDocuments(with: .parseError)
            let report = await (try await bridge.webConnector(for: company, quickBooks: quickBooks)).runSession()
            #expect(report.outcome == .endedWithError)
            #expect(report.progress == [-1])
            #expect(report.lastErrors.first?.contains("0x80040400") == true)
            #expect(report.closeConnection != nil)
        }
    }

    @Test("an HTTP failure before authenticate reaches the server ends the session with the error reported")
    func transportFailure() async throws {
        try await withRunningBridge { bridge in
            let company = try await bridge.addCompany()
            let report = await (try await bridge.webConnector(for: company, quickBooks: try acme()))
                .runSession(faults: [.httpFailure(.authenticate, occurrence: 1, timing: .beforeDelivery)])
            #expect(report.outcome == .failed)
            #expect(report.authenticateResult.isEmpty)
            #expect(report.errors.first == .injected(.authenticate, "the request did not reach the server (connection refused)"))
        }
    }

    @Test("a wrong endpoint answers 404, which ends the session with an HTTP status error")
    func wrongEndpoint() async throws {
        try await withRunningBridge { bridge in
            let connector = FakeWebConnector(baseURL: (try bridge.baseURL) + "/nowhere/qbwc", username: "acme", password: "correct horse",
                                             quickBooks: try acme())
            let report = await connector.runSession()
            #expect(report.outcome == .failed)
            #expect(report.calls == [.serverVersion])
            guard case .httpStatus(.serverVersion, let status, _) = report.errors.first else {
                Issue.record("expected an HTTP status error, got \(report.errors)")
                return
            }
            #expect(status == 404)
        }
    }

    @Test("many companies polling at once each complete their own session")
    func concurrentCompanies() async throws {
        try await withRunningBridge { bridge in
            let ownerID = try await bridge.store.installation.ownerID()
            var companies: [SimulatedCompany] = []
            for index in 1...6 {
                let company = try await bridge.addCompany(name: "Company \(index)", username: "office\(index)")
                let quickBooks = try FakeQuickBooks(facts: CompanyFacts(companyName: "Company \(index)"), clock: fixedClock)
                companies.append(SimulatedCompany(username: company.username, password: "correct horse", quickBooks: quickBooks,
                                                  configuration: WebConnectorConfiguration(ownerID: ownerID, fileID: company.fileID)))
            }
            let reports = await FakeWebConnector.runConcurrently(baseURL: (try bridge.baseURL), companies: companies)
            #expect(reports.map(\.outcome) == Array(repeating: .completed, count: 6))
            for company in companies {
                #expect(await company.quickBooks.statistics.documentsReceived == 1)
            }
        }
    }
}
