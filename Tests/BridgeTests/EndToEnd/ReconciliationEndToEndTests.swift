import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// Customer mappings, scheduled pulls and the deposit report against the simulated QuickBooks
/// (issue "Pulls, raw requests and reconciliation").
@Suite("Mappings, scheduled pulls and deposits end to end", .tagFilter)
struct ReconciliationEndToEndTests {
    static let json = PullEndToEndTests.json

    @Test("a match on several customers is a mapping_conflict failure record with the candidates; an explicit mapping resolves it and payments name the customer by its upstream id (SQLite)")
    func mappingConflictOnSQLite() async throws { try await mappingConflict(engine: .sqlite) }

    @Test("a match on several customers is a mapping_conflict failure record with the candidates; an explicit mapping resolves it and payments name the customer by its upstream id (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func mappingConflictOnPostgreSQL() async throws { try await mappingConflict(engine: .postgres) }

    func mappingConflict(engine: TestDatabase) async throws {
        try await withRunningBridge(engine) { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 20, invoices: 60, seed: 21)
            try await quickBooks.addCustomer(name: "Harbor Dental East", email: "billing@harbordental.example")
            let east = try #require(await quickBooks.customer("Harbor Dental East")?.listID)
            try await quickBooks.addCustomer(name: "Harbor Dental West", email: "billing@harbordental.example")
            try await quickBooks.addCustomer(name: "Solo Bakery", email: "solo@bakery.example")
            let lab = try await PullEndToEndTests.lab(bridge, quickBooks)
            let mappings = "/companies/\(lab.company.id)/customer-mappings"

            // Before any customer pull there is nothing to match against.
            let early = try await bridge.api(.post, mappings, json: #"{"externalId": "cus_1", "email": "solo@bakery.example"}"#)
            #expect(early.status == .unprocessableContent)
            #expect(String(buffer: early.body).contains("pull"))

            _ = try await PullEndToEndTests.pull(lab, #"{"kind": "customers"}"#)
            await lab.sync()

            let single = try await bridge.api(.post, mappings, json: #"{"externalId": "cus_1", "email": "SOLO@bakery.example "}"#)
            #expect(single.status == .created, "\(String(buffer: single.body))")
            #expect(try Self.json(single)["matchedBy"] as? String == "email")
            #expect(try Self.json(single)["fullName"] as? String == "Solo Bakery")

            let conflict = try await bridge.api(.post, mappings, json: #"{"externalId": "cus_2", "email": "billing@harbordental.example"}"#)
            #expect(conflict.status == .conflict)
            let failure = try #require(try Self.json(conflict)["failure"] as? [String: Any])
            #expect(failure["category"] as? String == "mapping_conflict")
            #expect(failure["status"] as? String == "open")
            let evidence = try #require(failure["evidence"] as? [String: Any])
            #expect((evidence["customerCandidates"] as? [[String: Any]])?.count == 2)
            #expect((failure["title"] as? String)?.contains("cus_2") == true)
            let listed = try Self.json(try await bridge.api(.get, "/failures?category=mapping_conflict"))
            #expect((listed["failures"] as? [[String: Any]])?.count == 1)
            // Support sees the candidates on the failure page.
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let page = try await browser.get("/failures/\(try #require(failure["id"] as? String))")
            #expect(page.body.contains("QuickBooks customers that match"))
            #expect(page.body.contains("Harbor Dental West") && page.body.contains("Harbor Dental East"))
            #expect(page.body.contains("cus_2"))
            // Asking again refreshes the same record rather than opening a second one.
            _ = try await bridge.api(.post, mappings, json: #"{"externalId": "cus_2", "email": "billing@harbordental.example"}"#)
            #expect(try await bridge.store.failures.list(category: "mapping_conflict").count == 1)

            // A payment naming an unmapped upstream customer is refused with the field named.
            let unmapped = try await bridge.api(.post, "/companies/\(lab.company.id)/payments", json: #"""
                {"externalId": "p-unmapped", "customer": {"externalId": "cus_2"}, "amount": "1.00", "date": "2026-11-20"}
                """#)
            #expect(unmapped.status == .unprocessableContent)
            #expect(String(buffer: unmapped.body).contains("customer.externalId"))

            let explicit = try await bridge.api(.post, mappings, json: #"{"externalId": "cus_2", "listId": "\#(east.rawValue)"}"#)
            #expect(explicit.status == .created)
            let failureID = try #require(failure["id"] as? String)
            let resolved = try #require(try await bridge.store.failures.find(FailureID(failureID)))
            #expect(resolved.status == .resolved)
            let moved = try await bridge.api(.post, mappings, json: #"{"externalId": "cus_1", "listId": "\#(east.rawValue)"}"#)
            #expect(moved.status == .conflict)

            // The mapped id posts a payment to that customer.
            let eastInvoice = try await quickBooks.addInvoice(customer: "Harbor Dental East", refNumber: "HD-1", amount: try #require(Money("250.00")))
            let paid = try await bridge.api(.post, "/companies/\(lab.company.id)/payments", json: #"""
                {"externalId": "p-east", "customer": {"externalId": "cus_2"}, "amount": "250.00", "date": "2026-11-20",
                 "applications": [{"invoice": {"txnId": "\#(eastInvoice.rawValue)"}, "amount": "250.00"}]}
                """#)
            #expect(paid.status == .created, "\(String(buffer: paid.body))")
            let customer = try #require(try Self.json(paid)["customer"] as? [String: Any])
            #expect(customer["listId"] as? String == east.rawValue)
            #expect(customer["externalId"] as? String == "cus_2")
            await lab.sync()
            #expect(await quickBooks.invoice(eastInvoice)?.balanceRemaining == .zero)
            // Invoices can be listed by the upstream id too.
            _ = try await PullEndToEndTests.pull(lab, #"{"kind": "invoices", "open": false}"#)
            await lab.sync()
            let invoices = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/invoices?customer=cus_2&open=false"))
            #expect((invoices["invoices"] as? [[String: Any]])?.contains { $0["txnId"] as? String == eastInvoice.rawValue } == true)
        }
    }

    /// Each Web Connector run is a sync; the simulated one runs sessions back to back, so the test runs
    /// them one at a time (`runUntilIdle` would never be idle: every sync has a pull to do).
    @Test("a company that asks for an invoice pull at every sync gets an incremental one each time it syncs")
    func scheduledPulls() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 10, invoices: 80, seed: 31)
            let lab = try await PullEndToEndTests.lab(bridge, quickBooks)
            let patched = try await bridge.api(.patch, "/companies/\(lab.company.id)", json: #"{"pullInvoicesEverySync": true}"#)
            #expect(patched.status == .ok)
            #expect(try Self.json(patched)["pullInvoicesEverySync"] as? Bool == true)
            let report = await lab.webConnector.runSession()
            #expect(report.errors.isEmpty)
            #expect(report.ticket != nil)
            let first = try await bridge.store.jobs.list(companyID: lab.company.id, kinds: [.invoicePull])
            #expect(first.count == 1)
            #expect(first.first?.status == .posted)
            #expect(try await bridge.store.snapshots.counts(companyID: lab.company.id).openInvoices == (await quickBooks.openInvoices()).count)

            let open = try #require(await quickBooks.openInvoices().first?.txnID)
            _ = try await quickBooks.payInvoiceByHand(open)
            let second = await lab.webConnector.runSession()
            #expect(second.roundTrips == 1)
            #expect(second.requestDocuments.first?.contains("ModifiedDateRangeFilter") == true)
            let pulls = try await bridge.store.jobs.list(companyID: lab.company.id, kinds: [.invoicePull])
            #expect(pulls.count == 2)
            #expect(pulls.allSatisfy { $0.status == .posted })
            let open2 = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/invoices?open=true&limit=1000"))
            let openIDs = (open2["invoices"] as? [[String: Any]] ?? []).compactMap { $0["txnId"] as? String }
            #expect(!openIDs.contains(open.rawValue))
            #expect(openIDs.count == (await quickBooks.openInvoices()).count)
        }
    }

    @Test("a week of card and ACH payments groups into the expected deposits: Wednesday's cards on Friday, Wednesday's ACH on Monday (SQLite)")
    func depositWeekOnSQLite() async throws { try await depositWeek(engine: .sqlite) }

    @Test("a week of card and ACH payments groups into the expected deposits: Wednesday's cards on Friday, Wednesday's ACH on Monday (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func depositWeekOnPostgreSQL() async throws { try await depositWeek(engine: .postgres) }

    func depositWeek(engine: TestDatabase) async throws {
        try await withRunningBridge(engine) { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 10, invoices: 60, seed: 41)
            let lab = try await PullEndToEndTests.lab(bridge, quickBooks)
            let open = await quickBooks.openInvoices()
            // 2026-11-18 is a Wednesday; 2026-11-21 a Saturday.
            let plan: [(method: String, date: String)] = [
                ("Visa", "2026-11-18"), ("Visa", "2026-11-18"), ("Visa", "2026-11-18"), ("Visa", "2026-11-18"), ("Visa", "2026-11-18"),
                ("ACH", "2026-11-18"), ("ACH", "2026-11-18"),
                ("Visa", "2026-11-20"), ("Visa", "2026-11-21"), ("Check", "2026-11-19"),
            ]
            var expectedCents: [String: Int64] = [:]
            for (index, entry) in plan.enumerated() {
                let invoice = open[index]
                let amount = try #require(invoice.balanceRemaining)
                let txn = try #require(invoice.txnID)
                let customer = try #require(invoice.customer?.fullName)
                let response = try await bridge.api(.post, "/companies/\(lab.company.id)/payments", json: #"""
                    {"externalId": "dep-\#(index)", "customer": {"fullName": "\#(customer)"}, "amount": "\#(amount)", "date": "\#(entry.date)",
                     "paymentMethod": "\#(entry.method)", "refNumber": "R\#(index)",
                     "applications": [{"invoice": {"txnId": "\#(txn.rawValue)"}, "amount": "\#(amount)"}]}
                    """#)
                #expect(response.status == .created, "\(String(buffer: response.body))")
                expectedCents["\(entry.method)|\(entry.date)", default: 0] += amount.cents
            }
            await lab.sync()
            let report = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/deposits?from=2026-11-16&to=2026-11-27"))
            let deposits = try #require(report["deposits"] as? [[String: Any]])
            func deposit(_ channel: String, _ expected: String) -> [String: Any]? {
                deposits.first { $0["channel"] as? String == channel && $0["expectedDate"] as? String == expected }
            }
            let friday = try #require(deposit("card", "2026-11-20"))
            #expect(friday["count"] as? Int == 5)
            #expect(friday["batchDate"] as? String == "2026-11-18")
            #expect(friday["total"] as? String == Money(cents: expectedCents["Visa|2026-11-18"] ?? 0)?.description)
            let monday = try #require(deposit("ach", "2026-11-23"))
            #expect(monday["count"] as? Int == 2)
            #expect(monday["latestDate"] as? String == "2026-11-24")
            #expect(monday["total"] as? String == Money(cents: expectedCents["ACH|2026-11-18"] ?? 0)?.description)
            // Friday's card sale arrives Tuesday; Saturday's is in Monday's batch and arrives Wednesday.
            #expect(deposit("card", "2026-11-24")?["count"] as? Int == 1)
            let saturday = try #require(deposit("card", "2026-11-25"))
            #expect(saturday["batchDate"] as? String == "2026-11-23")
            #expect(deposit("other", "2026-11-19")?["count"] as? Int == 1)
            let payments = friday["payments"] as? [[String: Any]] ?? []
            #expect(payments.allSatisfy { ($0["txnId"] as? String)?.isEmpty == false && ($0["refNumber"] as? String)?.hasPrefix("R") == true })
            let totals = try #require(report["totals"] as? [String: Any])
            #expect(totals["payments"] as? Int == 10)
            #expect(totals["all"] as? String == Money(cents: expectedCents.values.reduce(0, +))?.description)

            // A bank holiday on Friday 2026-11-20 moves Wednesday's card deposit to Monday.
            let patched = try await bridge.api(.patch, "/companies/\(lab.company.id)", json: #"{"depositSettings": {"holidays": ["2026-11-20"]}}"#)
            #expect(patched.status == .ok, "\(String(buffer: patched.body))")
            let shifted = try Self.json(try await bridge.api(.get, "/companies/\(lab.company.id)/deposits?from=2026-11-16&to=2026-11-27"))
            let moved = (shifted["deposits"] as? [[String: Any]] ?? []).first { $0["batchDate"] as? String == "2026-11-18" && $0["channel"] as? String == "card" }
            #expect(moved?["expectedDate"] as? String == "2026-11-23")
            let invalid = try await bridge.api(.patch, "/companies/\(lab.company.id)", json: #"{"depositSettings": {"cardBusinessDays": 40}}"#)
            #expect(invalid.status == .unprocessableContent)
            let bad = try await bridge.api(.get, "/companies/\(lab.company.id)/deposits?from=2026-11-30&to=2026-11-01")
            #expect(bad.status == .unprocessableContent)
        }
    }
}
