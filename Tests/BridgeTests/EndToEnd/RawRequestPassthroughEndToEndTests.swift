import Foundation
import QBSimulator
import QBXML
import Domain
import Testing
import QBBridgeTesting

/// Raw requests for anything QuickBooks accepts (issue 22, item 8): a request outside QBBridge's own schema is
/// checked as far as that can be done without Intuit's schema, sent, and QuickBooks' own answer (a status code,
/// or 0x80040400 for the set) becomes the stored answer or the failure record.
@Suite("Raw requests for the rest of QuickBooks end to end", .tagFilter)
struct RawRequestPassthroughEndToEndTests {
    @Test("a CustomerAddRq, outside QBBridge's own schema, is queued, run, and QuickBooks' CustomerRet is its answer; the customer exists in QuickBooks")
    func customerAddIsPassedThrough() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 3, seed: 81)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (id, queued) = try await Self.queue(bridge, lab, #"""
                {"qbxml": "<CustomerAddRq requestID=\"add-1\"><CustomerAdd><Name>Harbor Freight Lines</Name><CompanyName>Harbor Freight Lines LLC</CompanyName></CustomerAdd></CustomerAddRq>"}
                """#)
            #expect(queued["minimumVersion"] as? String == "11.0")

            await lab.sync()
            let answered = try PaymentAPITests.json(try await bridge.api(.get, "/requests/\(id)"))
            #expect(answered["status"] as? String == "answered")
            let response = try #require(answered["response"] as? [String: Any])
            #expect(response["statusCode"] as? Int == 0)
            let xml = try #require(response["qbxml"] as? String)
            #expect(xml.contains("<CustomerAddRs requestID=\"add-1\""))
            #expect(xml.contains("<Name>Harbor Freight Lines</Name>"))
            #expect(await quickBooks.customer("Harbor Freight Lines") != nil)
        }
    }

    @Test("QuickBooks' refusal of a passed-through request (3100, the name is in use) is the request's failure record")
    func statusCodeBecomesTheFailureRecord() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 3, seed: 82)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let existing = try #require(await quickBooks.customers().first?.fullName)
            let (id, _) = try await Self.queue(bridge, lab, #"""
                {"qbxml": "<CustomerAddRq requestID=\"dup-1\"><CustomerAdd><Name>\#(existing)</Name></CustomerAdd></CustomerAddRq>"}
                """#)

            await lab.sync()
            let failed = try PaymentAPITests.json(try await bridge.api(.get, "/requests/\(id)"))
            #expect(failed["status"] as? String == "failed")
            #expect((failed["response"] as? [String: Any])?["statusCode"] as? Int == 3100)
            let failure = try #require(try await lab.failure(JobID(id)))
            #expect(failure.category == .duplicateName)
            #expect(failure.jobID == JobID(id))
        }
    }

    @Test("a passed-through request QuickBooks cannot parse (an Add without its required Name) fails with 0x80040400 and a record naming the element")
    func parseErrorIsTheFailureRecord() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 3, seed: 83)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (id, _) = try await Self.queue(bridge, lab, #"""
                {"qbxml": "<CustomerAddRq requestID=\"bad-1\"><CustomerAdd><CompanyName>No Name Ltd</CompanyName></CustomerAdd></CustomerAddRq>"}
                """#)

            _ = await lab.webConnector.runUntilIdle(maxSessions: 3)
            let failed = try PaymentAPITests.json(try await bridge.api(.get, "/requests/\(id)"))
            #expect(failed["status"] as? String == "failed")
            let failure = try #require(try await lab.failure(JobID(id)))
            #expect(failure.category == .invalidRequest)
            #expect(failure.hresult == "0x80040400")
            #expect(failure.evidence.requestKind == "CustomerAddRq")
            #expect(await quickBooks.customer("No Name Ltd") == nil)
        }
    }

    @Test("a request newer than the company's QuickBooks (LeadAddRq, qbXML 13.0, against 12.0) is never sent: it fails naming both versions")
    func introducedVersionRaisesTheMinimum() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 3, seed: 84,
                                                          facts: CompanyFacts(companyName: "Twelve", maxQBXMLVersion: "12.0"))
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (id, body) = try await Self.queue(bridge, lab, #"""
                {"qbxml": "<LeadAddRq requestID=\"lead-1\"><LeadAdd><FullName>Pat Prospect</FullName></LeadAdd></LeadAddRq>", "minimumVersion": "11.0"}
                """#)
            #expect(body["minimumVersion"] as? String == "13.0", "LeadAdd appeared in qbXML 13.0")

            await lab.sync()
            let failed = try PaymentAPITests.json(try await bridge.api(.get, "/requests/\(id)"))
            #expect(failed["status"] as? String == "failed")
            let error = try #require((failed["response"] as? [String: Any])?["error"] as? String)
            #expect(error.contains("12.0") && error.contains("13.0"), "\(error)")
            #expect(await quickBooks.requests.filter { $0.name == "LeadAddRq" }.isEmpty)
        }
    }

    @Test("an element qbXML does not define is refused at once with 422, suggesting the request meant; nothing is queued")
    func unknownElementIsRefused() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 1, invoices: 1, seed: 85)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let refused = try await bridge.api(.post, "/companies/\(lab.company.id)/requests", json: #"""
                {"qbxml": "<CustomerAdRq requestID=\"typo\"><CustomerAdd><Name>X</Name></CustomerAdd></CustomerAdRq>"}
                """#)
            #expect(refused.status == .unprocessableContent)
            let message = String(buffer: refused.body)
            #expect(message.contains("CustomerAdRq") && message.contains("Did you mean <CustomerAddRq>?"), "\(message)")
            let empty = try await bridge.api(.post, "/companies/\(lab.company.id)/requests",
                                             json: #"{"qbxml": "<SalesReceiptAddRq requestID=\"e\"><Memo>x</Memo></SalesReceiptAddRq>"}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(String(buffer: empty.body).contains("<SalesReceiptAdd>"))
            #expect(try await bridge.store.jobs.list(companyID: lab.company.id, kinds: [.rawRequest]).isEmpty)
        }
    }

    /// Queues a raw request through the API, expecting it accepted; its id and the answer's body.
    static func queue(_ bridge: RunningBridge, _ lab: PaymentLab, _ body: String,
                      sourceLocation: SourceLocation = #_sourceLocation) async throws -> (String, [String: Any]) {
        let queued = try await bridge.api(.post, "/companies/\(lab.company.id)/requests", json: body)
        #expect(queued.status == .accepted, "\(String(buffer: queued.body))", sourceLocation: sourceLocation)
        let json = try PaymentAPITests.json(queued)
        return (try #require(json["id"] as? String, sourceLocation: sourceLocation), json)
    }
}
