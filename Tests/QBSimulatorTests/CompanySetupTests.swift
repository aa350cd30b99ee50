import Foundation
import QBSimulator
import QBXML
import Testing
import QBBridgeTesting

@Suite("Simulated companies from the fixture and the generator", .tagFilter)
struct CompanySetupTests {
    @Test("the Acme fixture loads its customers, invoices, credit memos and payments with consistent balances")
    func acmeFixture() async throws {
        let quickBooks = try acme()
        #expect(await quickBooks.customers().count == 9)
        #expect(await quickBooks.invoices().count == 25)
        #expect(await quickBooks.creditMemos().count == 2)
        #expect(await quickBooks.payments().count == 7)
        let partlyPaid = try #require(await quickBooks.invoices(refNumber: "1003").first)
        #expect(partlyPaid.balanceRemaining == (try money("150.00")))
        #expect(partlyPaid.appliedAmount == (try money("-100.00")))
        let credited = try #require(await quickBooks.invoices(refNumber: "1012").first)
        #expect(credited.balanceRemaining == (try money("255.00")))
        #expect(credited.linkedTxns.map(\.txnType) == ["CreditMemo"])
        let taxed = try #require(await quickBooks.invoices(refNumber: "1004").first)
        #expect(taxed.subtotal == (try money("674.00")))
        #expect(taxed.balanceRemaining == (try money("705.45")))
        // Cedar Ridge: 1018 (85) + 1024 (899) open, 50.00 unused on account.
        #expect(await quickBooks.customer("Cedar Ridge Dental")?.balance == (try money("934.00")))
        // Kwan & Sons: 1004 + 1013 + 1020 open, less the open 40.00 credit memo.
        #expect(await quickBooks.customer("kwan & sons hardware")?.balance == (try money("1015.45")))
        #expect(await quickBooks.accountID(named: "Undeposited Funds") != nil)
        #expect(await quickBooks.paymentMethodID(named: "ACH") != nil)
        let first = try #require(await quickBooks.customers().first?.listID)
        #expect(first.rawValue.hasPrefix("80000001-"))
    }

    @Test("the same seed generates the same books and another seed different ones")
    func deterministicGenerator() async throws {
        let one = try FakeQuickBooks.generated(customers: 40, invoices: 400, seed: 42, clock: fixedClock)
        let two = try FakeQuickBooks.generated(customers: 40, invoices: 400, seed: 42, clock: fixedClock)
        let other = try FakeQuickBooks.generated(customers: 40, invoices: 400, seed: 43, clock: fixedClock)
        let query = InvoiceQueryRq(requestID: "all", includeLineItems: true, includeLinkedTxns: true)
        let document = try QBXMLMessageSet(version: .newestEmitted, onError: .stopOnError, requests: [query]).render()
        let first = await one.respond(to: document)
        #expect(first == (await two.respond(to: document)))
        #expect(first != (await other.respond(to: document)))
        let invoices = await one.invoices()
        #expect(invoices.count == 400)
        #expect(invoices.contains { $0.isPaid == true } && invoices.contains { $0.isPaid == false })
        #expect(await one.customers().count == 40)
    }

    @Test("a generated company of 20,000 invoices pages through completely with an iterator", .tags(.slow))
    func largeCompany() async throws {
        let quickBooks = try FakeQuickBooks.generated(customers: 500, invoices: 20_000, seed: 2026, clock: fixedClock)
        let filter = TxnQuerySelection.filter(TxnFilter(maxReturned: 2_000))
        var page = try await sendOne(InvoiceQueryRq(requestID: "0", selection: filter, iterator: .start), to: quickBooks)
        var seen = page.invoices.count
        let iteratorID = try #require(page.header.iteratorID)
        var pages = 1
        while let remaining = page.header.iteratorRemainingCount, remaining > 0, pages < 20 {
            page = try await sendOne(InvoiceQueryRq(requestID: "\(pages)", selection: filter, iterator: .continue(iteratorID: iteratorID)), to: quickBooks)
            seen += page.invoices.count
            pages += 1
        }
        #expect(seen == 20_000)
        #expect(pages == 10)
        #expect(await quickBooks.statistics.documentsReceived == 10)
    }

    @Test("a fixture that names a customer it does not define is refused with an explanation")
    func invalidFixture() throws {
        let json = """
        {"company": {"companyName": "Broken"}, "customers": [],
         "invoices": [{"refNumber": "1", "customer": "Ghost", "txnDate": "2026-01-05", "lines": [{"amount": "10.00"}]}]}
        """
        #expect(throws: FakeQuickBooksError.noSuchCustomer("Ghost")) {
            try FakeQuickBooks(fixtureJSON: Data(json.utf8))
        }
        #expect(throws: FakeQuickBooksError.self) {
            try FakeQuickBooks(fixtureJSON: Data("{\"company\": {}}".utf8))
        }
    }
}
