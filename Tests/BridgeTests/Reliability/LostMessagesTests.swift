import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// Issue 10, item 2: Web Connector messages lost, repeated, late or out of order, and two Web
/// Connectors for one company. Whatever arrives, a payment posts at most once in QuickBooks and ends
/// posted or failed. (Covered elsewhere: a response lost after QuickBooks applied it, across a restart,
/// in `PaymentPostingEndToEndTests`; closeConnection never called and a lost receiveResponseXML reply
/// in `WebConnectorSessionTests`; SIGKILL at random moments in `CrashSafetyTests`.)
@Suite("Lost, repeated and late Web Connector messages", .tagFilter)
struct LostMessagesTests {
    /// Round trips of a session with one payment: the company-file check, the pre-flight, the post.
    static let postRoundTrip = 3

    @Test("a payment's response delivered twice is applied once and the session completes")
    func duplicateDelivery() async throws {
        try await withRunningBridge { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 101))
            let (job, _) = try await lab.payOpenInvoice("twice")
            let report = await lab.webConnector.runSession(faults: [.duplicateResponse(roundTrip: Self.postRoundTrip)])
            #expect(report.outcome == .completed, "\(report.errors)")
            #expect(report.calls.filter { $0 == .receiveResponseXML }.count == Self.postRoundTrip + 1)
            try await expectPostedOnce(job, lab)
            #expect(await lab.webConnector.runSession().outcome == .noWork)
        }
    }

    @Test("a request whose sendRequestXML reply was lost (QuickBooks never saw it) is posted once by a later session")
    func requestNeverReachedQuickBooks() async throws {
        try await withRunningBridge(configure: { $0.bridge.sessionStaleAfterSeconds = 0 }) { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 102))
            let (job, _) = try await lab.payOpenInvoice("never-seen")
            let paymentsBefore = await lab.quickBooks.payments().count
            let lost = await lab.webConnector.runSession(faults: [.httpFailure(.sendRequestXML, occurrence: Self.postRoundTrip, timing: .afterDelivery)])
            #expect(lost.outcome == .failed)
            #expect(lost.closeConnection == nil)
            #expect(await lab.quickBooks.payments().count == paymentsBefore, "QuickBooks never saw the post")
            await lab.sync()
            try await expectPostedOnce(job, lab)
        }
    }

    @Test("a response replayed out of order (the previous round trip's, after the next request) does not settle the payment")
    func outOfOrderDelivery() async throws {
        try await withRunningBridge { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 103))
            let (job, _) = try await lab.payOpenInvoice("out-of-order")
            let hand = try await HandDrivenConnector(lab)
            let ticket = try await hand.authenticate()
            var responses: [String] = []
            var progress = 0
            while progress < 100, responses.count < 10 {
                let request = try await hand.sendRequest(ticket: ticket, first: responses.isEmpty)
                if request.isEmpty { Issue.record("the bridge stopped sending requests: \(try await hand.lastError(ticket: ticket))"); return }
                if request.contains("ReceivePaymentAddRq"), let previous = responses.last {
                    // A late duplicate of the pre-flight answer arrives where the post's answer belongs.
                    let early = try await hand.receive(ticket: ticket, response: previous)
                    #expect(early >= 0 && early < 100, "a stale answer must neither fail nor finish the session (\(early))")
                    #expect(try await lab.job(job).status == .inFlight, "a stale answer must not settle the payment")
                }
                let response = try await hand.quickBooksAnswer(request)
                responses.append(response)
                progress = try await hand.receive(ticket: ticket, response: response)
            }
            #expect(progress == 100)
            _ = try await hand.close(ticket: ticket)
            try await expectPostedOnce(job, lab)
        }
    }

    @Test("a response on a closed session's ticket is refused and changes nothing")
    func responseAfterClose() async throws {
        try await withRunningBridge { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 104))
            let (job, _) = try await lab.payOpenInvoice("after-close")
            let hand = try await HandDrivenConnector(lab)
            let ticket = try await hand.authenticate()
            let (progress, last) = try await hand.runToEnd(ticket: ticket)
            #expect(progress == 100)
            _ = try await hand.close(ticket: ticket)
            let posted = try await lab.job(job)
            #expect(posted.status == .posted)
            #expect(try await hand.receive(ticket: ticket, response: last) == -1)
            #expect(try await hand.lastError(ticket: ticket).contains("does not know this session"))
            let after = try await lab.job(job)
            #expect(after.status == .posted)
            #expect(after.txnID == posted.txnID)
            try await expectPostedOnce(job, lab)
        }
    }

    @Test("a second Web Connector for the same company while the first waits for QuickBooks' answer gets busy, never a request")
    func twoConnectorsAtOnce() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 105)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            var jobs: [JobID] = []
            for (index, invoice) in (await quickBooks.openInvoices()).prefix(3).enumerated() {
                jobs.append(try await lab.pay("both-\(index)", customer: try lab.customer(of: invoice), amount: invoice.balanceRemaining ?? .zero,
                                              invoice: (invoice.txnID?.rawValue, nil)))
            }
            // The first Web Connector is driven call by call: its session is live, with the payments still
            // queued, while the second one tries (not a matter of timing).
            let hand = try await HandDrivenConnector(lab)
            let ticket = try await hand.authenticate()
            let first = try await hand.sendRequest(ticket: ticket, first: true)
            let second = FakeWebConnector(baseURL: lab.webConnector.endpoint, username: lab.webConnector.username, password: PaymentLab.password,
                                          quickBooks: quickBooks, configuration: lab.webConnector.configuration)
            let late = await second.runSession()
            #expect(late.outcome == .busy)
            #expect(late.requestDocuments.isEmpty, "a busy Web Connector must not be handed work")
            // The first one carries on undisturbed and posts everything once.
            _ = try await hand.receive(ticket: ticket, response: try await hand.quickBooksAnswer(first))
            #expect(try await hand.runToEnd(ticket: ticket).progress == 100)
            _ = try await hand.close(ticket: ticket)
            for job in jobs { try await expectPostedOnce(job, lab) }
        }
    }

    @Test("after the stale period a second Web Connector takes over cleanly; the first's late response is refused")
    func takeoverAfterStale() async throws {
        try await withRunningBridge(configure: { $0.bridge.sessionStaleAfterSeconds = 1 }) { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 106))
            let (job, _) = try await lab.payOpenInvoice("takeover")
            let hand = try await HandDrivenConnector(lab)
            let ticket = try await hand.authenticate()
            let request = try await hand.exchange(ticket: ticket, until: "ReceivePaymentAddRq")
            // QuickBooks applies the post, then the first Web Connector goes silent past the stale period.
            let lateResponse = try await hand.quickBooksAnswer(request)
            try await Task.sleep(for: .milliseconds(1500))
            let takeover = await lab.webConnector.runSession()
            #expect(takeover.outcome == .completed, "\(takeover.errors)")
            #expect(try await hand.receive(ticket: ticket, response: lateResponse) == -1, "the replaced ticket is dead")
            await lab.sync()
            try await expectPostedOnce(job, lab)
        }
    }

    /// The payment is posted, in QuickBooks exactly once (found by its marker), under the TxnID the bridge recorded.
    func expectPostedOnce(_ job: JobID, _ lab: PaymentLab, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let stored = try await lab.job(job)
        #expect(stored.status == .posted, "\(stored.status)", sourceLocation: sourceLocation)
        let inQuickBooks = await lab.quickBooks.payments(externalGUID: PaymentMarker.externalGUID(for: job).rawValue)
        #expect(inQuickBooks.count == 1, "payments in QuickBooks with this job's marker: \(inQuickBooks.count)", sourceLocation: sourceLocation)
        #expect(stored.txnID == inQuickBooks.first?.txnID?.rawValue, sourceLocation: sourceLocation)
    }
}

/// A Web Connector driven one SOAP call at a time, so a test can repeat, reorder or delay deliveries
/// that `FakeWebConnector` always sends in order.
struct HandDrivenConnector {
    let lab: PaymentLab
    let hcp: String
    let facts: CompanyFacts

    init(_ lab: PaymentLab) async throws {
        self.lab = lab
        let ownerID = try #require(lab.webConnector.configuration.ownerID)
        await lab.quickBooks.stampDataExtension(ownerID: ownerID, name: "FileID", value: lab.company.fileID)
        hcp = await lab.quickBooks.hcpResponse(ownerID: ownerID)
        facts = await lab.quickBooks.facts
    }

    func authenticate() async throws -> String {
        let reply = try await lab.bridge.call("authenticate", [("strUserName", lab.company.username), ("strPassword", PaymentLab.password)])
        let values = SOAPText.results(String(buffer: reply.body))
        try #require(values.count >= 2 && !values[0].isEmpty, "authenticate answered \(values)")
        return values[0]
    }

    func sendRequest(ticket: String, first: Bool) async throws -> String {
        let reply = try await lab.bridge.call("sendRequestXML", [
            ("ticket", ticket), ("strHCPResponse", first ? hcp : ""), ("strCompanyFileName", facts.companyFilePath),
            ("qbXMLCountry", facts.country), ("qbXMLMajorVers", "13"), ("qbXMLMinorVers", "0"),
        ])
        return SOAPText.result(String(buffer: reply.body), "sendRequestXML") ?? ""
    }

    func receive(ticket: String, response: String) async throws -> Int {
        let reply = try await lab.bridge.call("receiveResponseXML", [("ticket", ticket), ("response", response), ("hresult", ""), ("message", "")])
        return Int(SOAPText.result(String(buffer: reply.body), "receiveResponseXML") ?? "") ?? Int.min
    }

    /// Exchanges documents until the next request document holds `element`, and returns that document unanswered.
    func exchange(ticket: String, until element: String) async throws -> String {
        for round in 0..<10 {
            let request = try await sendRequest(ticket: ticket, first: round == 0)
            if request.contains(element) { return request }
            _ = try await receive(ticket: ticket, response: try await quickBooksAnswer(request))
        }
        throw HandDrivenError.neverSent(element)
    }

    /// Exchanges documents (sendRequestXML, QuickBooks' answer, receiveResponseXML) until progress reaches
    /// 100 or 20 round trips have passed; returns the last progress and the last answer sent.
    func runToEnd(ticket: String) async throws -> (progress: Int, lastResponse: String) {
        var progress = 0
        var last = ""
        for round in 0..<20 where progress < 100 {
            last = try await quickBooksAnswer(try await sendRequest(ticket: ticket, first: round == 0))
            progress = try await receive(ticket: ticket, response: last)
        }
        return (progress, last)
    }

    func lastError(ticket: String) async throws -> String {
        SOAPText.result(String(buffer: try await lab.bridge.call("getLastError", [("ticket", ticket)]).body), "getLastError") ?? ""
    }

    func close(ticket: String) async throws -> String {
        SOAPText.result(String(buffer: try await lab.bridge.call("closeConnection", [("ticket", ticket)]).body), "closeConnection") ?? ""
    }

    /// What QuickBooks answers to a request document (applying it, as the real one does).
    func quickBooksAnswer(_ request: String) async throws -> String {
        switch await lab.quickBooks.respond(to: request) {
        case .response(let xml): return xml
        case .processorError(let error): throw HandDrivenError.quickBooksRefused(error.message)
        }
    }

    enum HandDrivenError: Error { case quickBooksRefused(String), neverSent(String) }
}

