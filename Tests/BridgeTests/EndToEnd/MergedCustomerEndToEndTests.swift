import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// A customer merged away end to end (issue 22, item 1): the simulated QuickBooks merges customers as
/// QuickBooks does (the merged customer's invoices move to the survivor, its ListID and name stop existing,
/// a payment naming it is refused with 3140). The bridge records `customer_missing` naming the survivor and
/// never posts the payment to it by itself.
@Suite("Merged customers end to end: simulated Web Connector and QuickBooks over HTTP", .tagFilter)
struct MergedCustomerEndToEndTests {
    /// QuickBooks ListIDs and TxnIDs as they would appear in a sentence.
    static var identifierPattern: Regex<Substring> { /[0-9A-F]{1,8}-[0-9]{6,10}/ }

    /// A company, an open invoice of one customer (the one to merge away) and another customer (the survivor).
    struct Scenario {
        var lab: PaymentLab
        var open: PaymentLab.OpenInvoice
        var merged: Customer
        var survivor: Customer
    }

    static func scenario(_ bridge: RunningBridge, seed: UInt64) async throws -> Scenario {
        let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: seed)
        let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
        let invoice = try #require(await quickBooks.openInvoices().first { $0.customer?.fullName?.contains(":") == false })
        let open = PaymentLab.OpenInvoice(invoice: invoice, txnID: try #require(invoice.txnID), balance: try #require(invoice.balanceRemaining))
        let mergedName = try lab.customer(of: invoice)
        let merged = try #require(await quickBooks.customer(mergedName))
        let survivor = try #require(await quickBooks.customers().first { $0.fullName != mergedName && $0.fullName?.contains(":") == false })
        return Scenario(lab: lab, open: open, merged: merged, survivor: survivor)
    }

    /// Queues a payment of the invoice's balance naming the customer by `customer` (a JSON object).
    static func pay(_ scenario: Scenario, externalId: String, customer: String) async throws -> JobID {
        let body = #"{"externalId": "\#(externalId)", "customer": \#(customer), "amount": "\#(scenario.open.balance)", "date": "2026-11-20", "paymentMethod": "Visa", "applications": [{"invoice": {"txnId": "\#(scenario.open.txnID.rawValue)"}, "amount": "\#(scenario.open.balance)"}]}"#
        let response = try await scenario.lab.bridge.api(.post, "/companies/\(scenario.lab.company.id)/payments", json: body)
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return JobID(try #require(try PaymentAPITests.json(response)["id"] as? String))
    }

    /// What every merged-customer record shows, whichever way the payment named the customer.
    static func expectMergedRecord(_ scenario: Scenario, job: JobID, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let lab = scenario.lab
        let survivorName = try #require(scenario.survivor.fullName, sourceLocation: sourceLocation)
        #expect(try await lab.job(job).status == .failed, sourceLocation: sourceLocation)
        let failure = try #require(try await lab.failure(job), sourceLocation: sourceLocation)
        #expect(failure.category == .customerMissing, "not invoice_missing: the invoice exists", sourceLocation: sourceLocation)
        #expect(failure.title.contains("now belongs to \(survivorName)"), sourceLocation: sourceLocation)
        #expect(failure.summary.contains("most likely merged into \(survivorName)"), sourceLocation: sourceLocation)
        #expect(failure.resolution.contains { $0.contains("send it again for \(survivorName)") }, sourceLocation: sourceLocation)
        #expect(failure.actions == [.dismiss, .delete], sourceLocation: sourceLocation)
        #expect(failure.evidence.invoiceCustomer?.fullName == survivorName, sourceLocation: sourceLocation)
        #expect(failure.evidence.invoiceCustomer?.listID == scenario.survivor.listID?.rawValue, sourceLocation: sourceLocation)
        #expect(failure.evidence.paymentCustomerExists == false, sourceLocation: sourceLocation)
        #expect(failure.evidence.invoiceTxnID == scenario.open.txnID.rawValue, "identifiers stay in the evidence", sourceLocation: sourceLocation)
        for text in [failure.title, failure.summary] + failure.resolution {
            #expect(text.firstMatch(of: identifierPattern) == nil, "a bare identifier in “\(text)”", sourceLocation: sourceLocation)
        }
        #expect(await lab.quickBooks.requests.contains { $0.name == "ReceivePaymentAddRq" } == false,
                "nothing is posted to the survivor by itself", sourceLocation: sourceLocation)
        #expect(await lab.quickBooks.invoice(scenario.open.txnID)?.balanceRemaining == scenario.open.balance, sourceLocation: sourceLocation)
    }

    @Test("a queued payment naming by ListID a customer merged into another becomes customer_missing naming the survivor, without posting")
    func mergedByListID() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await Self.scenario(bridge, seed: 41)
            let listID = try #require(scenario.merged.listID?.rawValue)
            let job = try await Self.pay(scenario, externalId: "merged-id", customer: #"{"listId": "\#(listID)"}"#)
            try await scenario.lab.quickBooks.mergeCustomer(try #require(scenario.merged.fullName), into: try #require(scenario.survivor.fullName))

            await scenario.lab.sync()
            try await Self.expectMergedRecord(scenario, job: job)
            let failure = try #require(try await scenario.lab.failure(job))
            #expect(failure.evidence.paymentCustomer?.listID == listID)
            #expect(failure.evidence.objectID == listID)
            #expect(failure.summary.contains("The customer the payment names no longer exists in QuickBooks"))
        }
    }

    @Test("a queued payment naming by full name a customer merged into another becomes customer_missing naming both customers, without posting")
    func mergedByName() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await Self.scenario(bridge, seed: 42)
            let name = try #require(scenario.merged.fullName)
            let job = try await Self.pay(scenario, externalId: "merged-name", customer: #"{"fullName": "\#(name)"}"#)
            try await scenario.lab.quickBooks.mergeCustomer(name, into: try #require(scenario.survivor.fullName))

            await scenario.lab.sync()
            try await Self.expectMergedRecord(scenario, job: job)
            let failure = try #require(try await scenario.lab.failure(job))
            #expect(failure.evidence.paymentCustomer?.fullName == name)
            #expect(failure.summary.hasPrefix("The payment is from \(name), a customer that no longer exists in QuickBooks"))
        }
    }

    @Test("a customer named by ListID and merged between the invoice check and the post is refused by QuickBooks with 3140 quoting the ListID, recorded as customer_missing naming the customer by the name its invoice showed")
    func mergedDuringSession() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await Self.scenario(bridge, seed: 43)
            let name = try #require(scenario.merged.fullName)
            let survivorName = try #require(scenario.survivor.fullName)
            let quickBooks = scenario.lab.quickBooks
            let listID = try #require(scenario.merged.listID?.rawValue)
            let job = try await Self.pay(scenario, externalId: "merged-late", customer: #"{"listId": "\#(listID)"}"#)
            await quickBooks.setBeforeApplying { [quickBooks] _ in
                await quickBooks.setBeforeApplying(nil)
                try? await quickBooks.mergeCustomer(name, into: survivorName)
            }

            await scenario.lab.sync(maxSessions: 1)
            #expect(try await scenario.lab.job(job).status == .failed)
            let failure = try #require(try await scenario.lab.failure(job))
            #expect(failure.category == .customerMissing)
            #expect(failure.statusCode == 3140)
            #expect(failure.statusMessage == "There is an invalid reference to QuickBooks Customer \"\(listID)\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
            #expect(failure.title == "The customer “\(name)” was not found in QuickBooks")
            #expect(failure.evidence.objectName == listID, "QuickBooks' quoted ListID stays in the evidence")
            for text in [failure.title, failure.summary] + failure.resolution {
                #expect(text.firstMatch(of: Self.identifierPattern) == nil, "a bare identifier in “\(text)”")
            }
            #expect(await quickBooks.requests.filter { $0.name == "ReceivePaymentAddRq" }.count == 1)
            #expect(await quickBooks.invoice(scenario.open.txnID)?.balanceRemaining == scenario.open.balance)
        }
    }

    @Test("a payment naming no invoice, whose customer was merged away, becomes customer_missing instead of waiting for open invoices as amount_changed", arguments: ["listId", "fullName"])
    func mergedWithoutInvoices(naming: String) async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await Self.scenario(bridge, seed: 44)
            let name = try #require(scenario.merged.fullName)
            let value = naming == "listId" ? try #require(scenario.merged.listID?.rawValue) : name
            let body = #"{"externalId": "merged-open-\#(naming)", "customer": {"\#(naming)": "\#(value)"}, "amount": "\#(scenario.open.balance)", "date": "2026-11-20", "paymentMethod": "Visa", "applications": []}"#
            let response = try await scenario.lab.bridge.api(.post, "/companies/\(scenario.lab.company.id)/payments", json: body)
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let job = JobID(try #require(try PaymentAPITests.json(response)["id"] as? String))
            try await scenario.lab.quickBooks.mergeCustomer(name, into: try #require(scenario.survivor.fullName))

            await scenario.lab.sync()
            #expect(try await scenario.lab.job(job).status == .failed)
            let failure = try #require(try await scenario.lab.failure(job))
            #expect(failure.category == .customerMissing)
            #expect(!failure.autoRecheck, "not re-checked at every sync like amount_changed")
            #expect(failure.summary.contains("QuickBooks no longer knows that customer"))
            #expect(failure.evidence.paymentCustomerExists == false)
            for text in [failure.title, failure.summary] + failure.resolution {
                #expect(text.firstMatch(of: Self.identifierPattern) == nil, "a bare identifier in “\(text)”")
            }
            #expect(await scenario.lab.quickBooks.requests.contains { $0.name == "ReceivePaymentAddRq" } == false)
        }
    }

    @Test("a payment naming by ListID a customer known from the pulled customers is named by that name when QuickBooks no longer knows it")
    func namedFromCustomerSnapshot() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await Self.scenario(bridge, seed: 45)
            let lab = scenario.lab
            let name = try #require(scenario.merged.fullName)
            let listID = try #require(scenario.merged.listID?.rawValue)
            let pulled = try await lab.bridge.api(.post, "/companies/\(lab.company.id)/pulls", json: #"{"kind": "customers"}"#)
            #expect(pulled.status == .accepted, "\(String(buffer: pulled.body))")
            await lab.sync()
            #expect(try await lab.bridge.store.snapshots.customer(companyID: lab.company.id, listID: listID)?.fullName == name)

            let body = #"{"externalId": "merged-snapshot", "customer": {"listId": "\#(listID)"}, "amount": "\#(scenario.open.balance)", "date": "2026-11-20", "paymentMethod": "Visa", "applications": []}"#
            let response = try await lab.bridge.api(.post, "/companies/\(lab.company.id)/payments", json: body)
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let job = JobID(try #require(try PaymentAPITests.json(response)["id"] as? String))
            try await lab.quickBooks.mergeCustomer(name, into: try #require(scenario.survivor.fullName))

            await lab.sync()
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .customerMissing)
            #expect(failure.title == "The customer “\(name)” no longer exists in QuickBooks")
            #expect(failure.evidence.paymentCustomer?.listID == listID)
        }
    }
}
