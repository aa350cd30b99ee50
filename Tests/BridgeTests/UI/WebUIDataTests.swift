import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web UI: QuickBooks data and the deposit report", .tagFilter)
struct WebUIDataTests {
    @Test("the company page queues pulls, shows what they stored and switches the pull at every sync on")
    func pullsFromTheCompanyPage() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 12, invoices: 40, seed: 51)
            let lab = try await PullEndToEndTests.lab(bridge, quickBooks)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let path = "/companies/\(lab.company.id.rawValue)"
            _ = try await browser.get(path)
            let queued = try await browser.post(path + "/pulls", [("kind", "customers")])
            #expect(queued.status == .seeOther)
            #expect(try await browser.get(path).body.contains("The customers pull is queued"))
            let twice = try await browser.post(path + "/pulls", [("kind", "customers")])
            #expect(twice.status == .seeOther)
            #expect(try await browser.get(path).body.contains("already queued"))
            await lab.sync()
            let page = try await browser.get(path)
            #expect(page.body.contains("Customers (full)"))
            #expect(page.body.contains("badge-ok\">done"))
            #expect(page.body.contains("<strong>\((await quickBooks.customers()).count)</strong> customers"))

            let saved = try await browser.post(path + "/settings", [("runEveryMinutes", "15"), ("syncStartDate", ""), ("pullInvoicesEverySync", "on")])
            #expect(saved.status == .seeOther)
            #expect(try await bridge.store.companies.find(lab.company.id)?.pullInvoicesEverySync == true)
            #expect(try await browser.get(path).body.contains("id=\"pullEverySync\" name=\"pullInvoicesEverySync\" type=\"checkbox\" value=\"on\" checked"))
            _ = try await browser.post(path + "/settings", [("runEveryMinutes", "15"), ("syncStartDate", "")])
            #expect(try await bridge.store.companies.find(lab.company.id)?.pullInvoicesEverySync == false)
        }
    }

    @Test("the deposit page groups posted payments by expected bank day with totals and references; its settings are saved with errors shown")
    func depositPage() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 10, invoices: 40, seed: 52)
            let lab = try await PullEndToEndTests.lab(bridge, quickBooks)
            let open = await quickBooks.openInvoices()
            for (index, method) in ["Visa", "Visa", "ACH"].enumerated() {
                let invoice = open[index]
                let amount = try #require(invoice.balanceRemaining)
                let response = try await bridge.api(.post, "/companies/\(lab.company.id)/payments", json: #"""
                    {"externalId": "ui-dep-\#(index)", "customer": {"fullName": "\#(try #require(invoice.customer?.fullName))"}, "amount": "\#(amount)",
                     "date": "2026-11-18", "paymentMethod": "\#(method)", "refNumber": "CHG-\#(index)",
                     "applications": [{"invoice": {"txnId": "\#(try #require(invoice.txnID).rawValue)"}, "amount": "\#(amount)"}]}
                    """#)
                #expect(response.status == .created)
            }
            await lab.sync()
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let path = "/companies/\(lab.company.id.rawValue)/deposits"
            let page = try await browser.get(path + "?from=2026-11-16&to=2026-11-27")
            #expect(page.status == .ok)
            #expect(page.body.contains("Fri 2026-11-20 · Card batch"))
            #expect(page.body.contains("Mon 2026-11-23 – Tue 2026-11-24 · ACH / bank transfer"))
            #expect(page.body.contains("2 payments of Wed 2026-11-18"))
            #expect(page.body.contains("CHG-0") && page.body.contains("CHG-2"))
            let empty = try await browser.get(path + "?from=2027-01-04&to=2027-01-08")
            #expect(empty.body.contains("No posted payments are expected"))

            let bad = try await browser.post(path.replacingOccurrences(of: "/deposits", with: "/deposit-settings"),
                                             [("cardBusinessDays", "3"), ("achBusinessDays", "3"), ("achLatestBusinessDays", "2"), ("holidays", "someday")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Not saved"))
            let good = try await browser.post(path.replacingOccurrences(of: "/deposits", with: "/deposit-settings"),
                                              [("cardBusinessDays", "3"), ("achBusinessDays", "3"), ("achLatestBusinessDays", "4"),
                                               ("holidays", "2026-11-26"), ("cardMethods", "Stripe, Square")])
            #expect(good.status == .seeOther)
            let moved = try await browser.get(path + "?from=2026-11-16&to=2026-11-27")
            #expect(moved.body.contains("Mon 2026-11-23 · Card batch"))
            #expect(moved.body.contains("Stripe, Square"))
        }
    }
}
