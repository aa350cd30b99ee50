import Bridge
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// Pulls, raw requests and customer mappings against the simulated QuickBooks and Web Connector
/// (issue "Pulls, raw requests and reconciliation").
@Suite("Pulls and raw requests end to end", .tagFilter)
struct PullEndToEndTests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func lab(_ bridge: RunningBridge, _ quickBooks: FakeQuickBooks, maxRoundTrips: Int = 200) async throws -> PaymentLab {
        let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
        let port = try #require(bridge.client.port)
        let configuration = WebConnectorConfiguration(maxRoundTrips: maxRoundTrips, ownerID: try await bridge.store.installation.ownerID(),
                                                      fileID: lab.company.fileID)
        let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(port)", username: "acme", password: PaymentLab.password,
                                         quickBooks: quickBooks, configuration: configuration)
        return PaymentLab(bridge: bridge, company: lab.company, quickBooks: quickBooks, webConnector: connector)
    }

    /// Queues a pull; returns its id.
    static func pull(_ lab: PaymentLab, _ body: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await lab.bridge.api(.post, "/companies/\(lab.company.id)/pulls", json: body)
        #expect(response.status == .accepted, "\(String(buffer: response.body))", sourceLocation: sourceLocation)
        return try #require(try json(response)["id"] as? String, sourceLocation: sourceLocation)
    }

    static func pullState(_ lab: PaymentLab, _ id: String) async throws -> [String: Any] {
        try json(try await lab.bridge.api(.get, "/pulls/\(id)"))
    }

    @Test("20,000 invoices are pulled with an iterator over many round trips; an incremental re-pull fetches only the changed ones", .tags(.slow))
    func largePullThenIncremental() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 400, invoices: 20_000, seed: 2026)
            let lab = try await Self.lab(bridge, quickBooks)
            let id = try await Self.pull(lab, #"{"kind": "invoices", "open": false, "pageSize": 1000}"#)
            let reports = await lab.sync()
            let roundTrips = reports.reduce(0) { $0 + $1.roundTrips }
            let pull = try await Self.pullState(lab, id)
            #expect(pull["status"] as? String == "done")
            #expect(pull["stored"] as? Int == 20_000)
            #expect(pull["pages"] as? Int == 20)
            #expect(pull["mode"] as? String == "full")
            // 20 pages of 1,000 and the company-file check; every page a Continue of one iterator.
            #expect(roundTrips == 21, "round trips: \(roundTrips)")
            let documents = reports.flatMap(\.requestDocuments)
            #expect(documents.filter { $0.contains("iterator=\"Continue\"") }.count == 19)
            let counts = try await bridge.store.snapshots.counts(companyID: lab.company.id)
            #expect(counts.invoices == 20_000)
            #expect(counts.openInvoices == (await quickBooks.openInvoices()).count)
            #expect(reports.first?.closeConnection?.contains("Pulled 20000 records") == true, "\(reports.first?.closeConnection ?? "")")

            // The bookkeeper pays two invoices by hand, lowers a third and adds a fourth.
            let open = await quickBooks.openInvoices()
            let paid = [try #require(open[0].txnID), try #require(open[1].txnID)]
            for txn in paid { _ = try await quickBooks.payInvoiceByHand(txn) }
            let lowered = try #require(open[2].txnID)
            try await quickBooks.editInvoiceAmount(lowered, subtotal: try #require(Money("1.00")))
            let customer = try #require(open[3].customer?.fullName)
            let added = try await quickBooks.addInvoice(customer: customer, refNumber: "NEW-1", amount: try #require(Money("42.00")))

            let again = try await Self.pull(lab, #"{"kind": "invoices", "incremental": true}"#)
            let second = await lab.sync()
            let repull = try await Self.pullState(lab, again)
            #expect(repull["status"] as? String == "done")
            #expect(repull["mode"] as? String == "incremental")
            let fetched = try #require(repull["received"] as? Int)
            #expect(fetched >= 4 && fetched < 20, "an incremental pull fetched \(fetched) invoices")
            #expect(second.reduce(0) { $0 + $1.roundTrips } == 1)
            #expect(second.flatMap(\.requestDocuments).first?.contains("<ModifiedDateRangeFilter>") == true)
            #expect(try await bridge.store.snapshots.counts(companyID: lab.company.id).invoices == 20_001)

            for txn in paid {
                let stored = try await Self.invoice(bridge, lab.company.id, txn.rawValue)
                #expect(stored["isOpen"] as? Bool == false)
                #expect(stored["balance"] as? String == "0.00")
            }
            #expect(try await Self.invoice(bridge, lab.company.id, lowered.rawValue)["subtotal"] as? String == "1.00")
            #expect(try await Self.invoice(bridge, lab.company.id, added.rawValue)["refNumber"] as? String == "NEW-1")
        }
    }

    /// One stored invoice through the API (found by walking the pages).
    static func invoice(_ bridge: RunningBridge, _ companyID: CompanyID, _ txnID: String) async throws -> [String: Any] {
        var after: String? = nil
        while true {
            var path = "/companies/\(companyID)/invoices?limit=1000"
            if let after { path += "&after=\(after)" }
            let page = try json(try await bridge.api(.get, path))
            let invoices = try #require(page["invoices"] as? [[String: Any]])
            if let found = invoices.first(where: { $0["txnId"] as? String == txnID }) { return found }
            guard let next = page["next"] as? String else { break }
            after = next
        }
        Issue.record("invoice \(txnID) is not in the snapshot store")
        return [:]
    }

    @Test("an iterator that dies with its QuickBooks session is restarted cleanly by the next session; nothing is stored twice (SQLite)")
    func iteratorRestartOnSQLite() async throws { try await iteratorRestart(engine: .sqlite) }

    @Test("an iterator that dies with its QuickBooks session is restarted cleanly by the next session; nothing is stored twice (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func iteratorRestartOnPostgreSQL() async throws { try await iteratorRestart(engine: .postgres) }

    func iteratorRestart(engine: TestDatabase) async throws {
        // A silent session's jobs are taken over at once (no stale period to wait out in a test).
        try await withRunningBridge(engine, configure: { $0.bridge.sessionStaleAfterSeconds = 0 }) { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 30, invoices: 600, seed: 7)
            let lab = try await Self.lab(bridge, quickBooks)
            let id = try await Self.pull(lab, #"{"kind": "invoices", "open": false, "pageSize": 100}"#)
            // The Web Connector stops after three round trips (the company-file check and two pages).
            let first = await lab.webConnector.runSession(faults: [.stopAfter(roundTrip: 3)])
            #expect(first.roundTrips == 3)
            let halfway = try await Self.pullState(lab, id)
            #expect(halfway["status"] as? String == "running")
            #expect(halfway["stored"] as? Int == 200)
            #expect(halfway["percent"] as? Int == 33)
            await lab.sync()
            let done = try await Self.pullState(lab, id)
            #expect(done["status"] as? String == "done")
            #expect(done["restarts"] as? Int == 1)
            #expect(try await bridge.store.snapshots.counts(companyID: lab.company.id).invoices == 600)
        }
    }

    @Test("QuickBooks forgetting an iterator mid-session (3391) restarts it in the same session")
    func iteratorForgotten() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 20, invoices: 300, seed: 8)
            let lab = try await Self.lab(bridge, quickBooks)
            let id = try await Self.pull(lab, #"{"kind": "invoices", "open": false, "pageSize": 100}"#)
            // QuickBooks restarts between the second and third page: the iterator is gone (documents: the
            // company-file check, page 1, page 2, then the Continue that gets 3391).
            let before = await quickBooks.statistics.documentsReceived
            await quickBooks.forgetIterators(beforeDocument: before + 4)
            let report = await lab.webConnector.runSession()
            #expect(report.errors.isEmpty)
            #expect(report.requestDocuments.filter { $0.contains("iterator=\"Start\"") }.count == 2)
            let done = try await Self.pullState(lab, id)
            #expect(done["status"] as? String == "done")
            #expect((done["restarts"] as? Int ?? 0) >= 1)
            #expect(try await bridge.store.snapshots.counts(companyID: lab.company.id).invoices == 300)
        }
    }

    @Test("a customer pull fills /customers; a full re-pull removes customers QuickBooks no longer returns (SQLite)")
    func customerPullOnSQLite() async throws { try await customerPull(engine: .sqlite) }

    @Test("a customer pull fills /customers; a full re-pull removes customers QuickBooks no longer returns (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func customerPullOnPostgreSQL() async throws { try await customerPull(engine: .postgres) }

    func customerPull(engine: TestDatabase) async throws {
        try await withRunningBridge(engine) { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 120, invoices: 200, seed: 9)
            let lab = try await Self.lab(bridge, quickBooks)
            let id = try await Self.pull(lab, #"{"kind": "customers", "pageSize": 50}"#)
            await lab.sync()
            #expect(try await Self.pullState(lab, id)["stored"] as? Int == (await quickBooks.customers()).count)
            let page = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/customers?limit=1000"))
            #expect((page["customers"] as? [[String: Any]])?.count == (await quickBooks.customers()).count)
            let search = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/customers?search=harbor"))
            for customer in search["customers"] as? [[String: Any]] ?? [] {
                #expect((customer["fullName"] as? String)?.lowercased().contains("harbor") == true)
            }
            // The bookkeeper merges two customers: QuickBooks no longer has the merged one.
            let all = await quickBooks.customers().compactMap(\.fullName).filter { !$0.contains(":") }
            try await quickBooks.mergeCustomer(all[0], into: all[1])
            let again = try await Self.pull(lab, #"{"kind": "customers"}"#)
            await lab.sync()
            let repull = try await Self.pullState(lab, again)
            #expect(repull["removed"] as? Int == 1)
            let listed = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/pulls?limit=1"))
            #expect((listed["pulls"] as? [[String: Any]])?.first?["id"] as? String == again, "the latest pull comes first")
            #expect(try await bridge.store.snapshots.counts(companyID: lab.company.id).customers == (await quickBooks.customers()).count)

            let refused = try await bridge.api(.post, "/companies/\(lab.company.id)/pulls", json: #"{"kind": "customers", "open": true}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("open"))
            let twice = try await bridge.api(.post, "/companies/\(lab.company.id)/pulls", json: #"{"kind": "payments"}"#)
            #expect(twice.status == .unprocessableContent)
        }
    }

    @Test("a raw qbXML request is checked, queued, run in the next session and its answer stored; an invalid one is refused with the element named")
    func rawRequests() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 10, invoices: 20, seed: 11)
            let lab = try await Self.lab(bridge, quickBooks)
            let body = #"{"qbxml": "<CustomerQueryRq requestID=\"mine-1\"><MaxReturned>3</MaxReturned></CustomerQueryRq>", "externalId": "q-1"}"#
            let queued = try await bridge.api(.post, "/companies/\(lab.company.id)/requests", json: body)
            #expect(queued.status == .accepted, "\(String(buffer: queued.body))")
            let id = try #require(try Self.json(queued)["id"] as? String)
            #expect(try Self.json(queued)["status"] as? String == "queued")
            let replay = try await bridge.api(.post, "/companies/\(lab.company.id)/requests", json: body)
            #expect(replay.status == .ok)
            #expect(try Self.json(replay)["id"] as? String == id)

            let invalid = try await bridge.api(.post, "/companies/\(lab.company.id)/requests",
                                               json: #"{"qbxml": "<CustomerQueryRq requestID=\"2\"><Bogus>1</Bogus></CustomerQueryRq>"}"#)
            #expect(invalid.status == .unprocessableContent)
            let message = String(buffer: invalid.body)
            #expect(message.contains("Bogus"), "\(message)")
            let hostile = try await bridge.api(.post, "/companies/\(lab.company.id)/requests",
                                               json: #"{"qbxml": "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CustomerQueryRq requestID=\"3\">&e;</CustomerQueryRq>"}"#)
            #expect(hostile.status == .unprocessableContent)
            #expect(try await bridge.store.jobs.list(companyID: lab.company.id, kinds: [.rawRequest]).count == 1)

            let reports = await lab.sync()
            #expect(reports.first?.closeConnection?.contains("Answered 1 raw request") == true)
            let answered = try Self.json(try await bridge.api(.get, "/requests/\(id)"))
            #expect(answered["status"] as? String == "answered")
            let response = try #require(answered["response"] as? [String: Any])
            #expect(response["statusCode"] as? Int == 0)
            let xml = try #require(response["qbxml"] as? String)
            #expect(xml.contains("<CustomerQueryRs requestID=\"mine-1\""))
            #expect(xml.components(separatedBy: "<CustomerRet>").count - 1 == 3)

            // Sent as application/xml, with no requestID of its own: QBBridge assigns one.
            var headers: HTTPFields = [.authorization: "Bearer \(bridge.token)", .contentType: "application/xml"]
            headers[.accept] = "application/json"
            let plain = try await bridge.client.checkedAPI(.post, "/companies/\(lab.company.id)/requests", headers: headers,
                                                        body: ByteBuffer(string: "<InvoiceQueryRq><MaxReturned>1</MaxReturned></InvoiceQueryRq>"))
            #expect(plain.status == .accepted, "\(String(buffer: plain.body))")
            #expect((try Self.json(plain)["requestId"] as? String)?.hasPrefix("qbb-") == true)
        }
    }

    @Test("a raw write whose answer was lost is not sent again by itself: a failure record asks a person; a lost query is simply sent again")
    func rawLostAnswers() async throws {
        try await withRunningBridge(configure: { $0.bridge.sessionStaleAfterSeconds = 0 }) { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 10, invoices: 20, seed: 12)
            let lab = try await Self.lab(bridge, quickBooks)
            let write = try await bridge.api(.post, "/companies/\(lab.company.id)/requests",
                                             json: #"{"qbxml": "<TxnDelRq requestID=\"del-1\"><TxnDelType>ReceivePayment</TxnDelType><TxnID>NOPE-1</TxnID></TxnDelRq>"}"#)
            #expect(write.status == .accepted, "\(String(buffer: write.body))")
            let writeID = try #require(try Self.json(write)["id"] as? String)
            // Round trips: the company-file check, then the raw request, whose answer the Web Connector loses.
            _ = await lab.webConnector.runSession(faults: [.dropResponse(roundTrip: 2)])
            let documentsBefore = await quickBooks.statistics.documentsReceived
            await lab.sync()
            #expect(await quickBooks.statistics.documentsReceived == documentsBefore, "the write was sent again")
            let lost = try Self.json(try await bridge.api(.get, "/requests/\(writeID)"))
            #expect(lost["status"] as? String == "failed")
            let failure = try #require(lost["failure"] as? [String: Any])
            #expect((failure["title"] as? String)?.contains("never came back") == true)
            #expect((failure["actions"] as? [String])?.contains("retry") == true)

            // A person checked QuickBooks and retries: it is sent again, and QuickBooks' own answer (3120, no
            // such transaction) is stored; a later retry is an ordinary re-send, not another "lost answer".
            let failureID = try #require(failure["id"] as? String)
            let retried = try await bridge.api(.post, "/failures/\(failureID)/retry", json: #"{"reason": "checked: not in QuickBooks"}"#)
            #expect(retried.status == .ok, "\(String(buffer: retried.body))")
            await lab.sync()
            let answered = try Self.json(try await bridge.api(.get, "/requests/\(writeID)"))
            #expect((answered["response"] as? [String: Any])?["statusCode"] as? Int == 3120)
            let second = try #require(answered["failure"] as? [String: Any])
            #expect((second["title"] as? String)?.contains("never came back") == false)
            _ = try await bridge.api(.post, "/failures/\(try #require(second["id"] as? String))/retry", json: #"{"reason": "again"}"#)
            await lab.sync()
            let third = try Self.json(try await bridge.api(.get, "/requests/\(writeID)"))
            #expect(third["attempts"] as? Int == 3)
            #expect(((third["failure"] as? [String: Any])?["title"] as? String)?.contains("never came back") == false)

            let query = try await bridge.api(.post, "/companies/\(lab.company.id)/requests", json: #"{"qbxml": "<CustomerQueryRq requestID=\"q\"><MaxReturned>1</MaxReturned></CustomerQueryRq>"}"#)
            let queryID = try #require(try Self.json(query)["id"] as? String)
            _ = await lab.webConnector.runSession(faults: [.dropResponse(roundTrip: 1)])
            await lab.sync()
            #expect(try Self.json(try await bridge.api(.get, "/requests/\(queryID)"))["status"] as? String == "answered")
        }
    }

    @Test("stored invoices are listed by their customer's ListID or full name (any case) before any customer pull has run")
    func invoicesByCustomerBeforeACustomerPull() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 6, invoices: 40, seed: 51)
            let lab = try await Self.lab(bridge, quickBooks)
            _ = try await Self.pull(lab, #"{"kind": "invoices", "open": false}"#)
            await lab.sync()
            #expect(try await bridge.store.snapshots.customers(companyID: lab.company.id).isEmpty, "no customer pull ran")

            let all = try #require(try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/invoices?limit=1000"))["invoices"] as? [[String: Any]])
            let first = try #require(all.first?["customer"] as? [String: Any])
            let listID = try #require(first["listId"] as? String)
            let name = try #require(first["fullName"] as? String)
            let expected = Set(all.filter { ($0["customer"] as? [String: Any])?["listId"] as? String == listID }.compactMap { $0["txnId"] as? String })
            #expect(!expected.isEmpty && expected.count < all.count)

            func txnIDs(_ customer: String) async throws -> Set<String> {
                let encoded = try #require(customer.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                let page = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/invoices?customer=\(encoded)&limit=1000"))
                return Set(try #require(page["invoices"] as? [[String: Any]]).compactMap { $0["txnId"] as? String })
            }
            #expect(try await txnIDs(listID) == expected)
            #expect(try await txnIDs(name.uppercased()) == expected)
            #expect(try await txnIDs("No Such Customer").isEmpty)
        }
    }
}
