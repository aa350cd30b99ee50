import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web UI: payments and activity", .tagFilter)
struct WebUIPaymentTests {
    @Test("the payments list shows state and TxnID, and searches by external id, status and company")
    func paymentList() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let all = try await browser.get("/payments")
            let posted = try await scenario.lab.job(scenario.posted[0])
            let txnID = try #require(posted.txnID)
            #expect(all.body.contains("<code>\(htmlEscaped(txnID))</code>"))
            #expect(all.body.contains(">Posted</span>"))
            #expect(all.body.contains(">Needs attention</span>"))
            let search = try await browser.get("/payments?q=MANUAL")
            #expect(search.body.contains(">inv-manual</a>"))
            #expect(!search.body.contains(">inv-2026-100</a>"))
            let failed = try await browser.get("/payments?status=failed&companyId=\(scenario.company.id)")
            #expect(failed.body.contains(">inv-memo</a>"))
            #expect(!failed.body.contains(">inv-2026-101</a>"))
            // The page's own search form sends a space as `+`: "+MANUAL+" is " MANUAL ", trimmed.
            let typed = try await browser.get("/payments?q=+MANUAL+")
            #expect(typed.body.contains(">inv-manual</a>"))
            let none = try await browser.get("/payments?q=no-such-payment")
            #expect(none.body.contains("No payments match"))
        }
    }

    @Test("a payment page shows its details, its failure and its history")
    func paymentPage() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let failure = try await scenario.failure(of: scenario.alreadyApplied)
            let page = try await browser.get("/payments/\(scenario.alreadyApplied.rawValue)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Payment inv-manual</h1>"))
            #expect(page.body.contains("href=\"/failures/\(failure.id.rawValue)\""))
            #expect(page.body.contains(htmlEscaped(failure.summary)))
            #expect(page.body.contains("<ol class=\"timeline\">"))
            #expect(page.body.contains("<strong>Queued</strong>"))
            #expect(page.body.contains("by api:test"))
            let posted = try await browser.get("/payments/\(scenario.posted[0].rawValue)")
            #expect(posted.body.contains("QuickBooks TxnID <code>"))
            #expect(try await browser.get("/payments/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test("the activity log filters by company and pages back in time")
    func activity() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            let other = try await bridge.addCompany(name: "Other Books", username: "other")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            // Ten at a time, back to the company's creation: every page links to the next older one.
            var path = "/activity?companyId=\(scenario.company.id)&limit=10"
            var pages: [String] = []
            while pages.count < 20 {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(!page.body.contains("Other Books</td>"))
                pages.append(page.body)
                guard let start = page.body.range(of: "href=\"/activity?before=") else { break }
                let rest = page.body[start.upperBound...]
                let end = try #require(rest.firstIndex(of: "\""))
                path = "/activity?before=" + String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
                #expect(path.contains("companyId=\(scenario.company.id)&limit=10"))
            }
            #expect(pages.count > 2)
            // Each event in plain words; its code stays in the tooltip, never as the text a person reads.
            #expect(pages.last?.contains("title=\"company.created\"") == true)
            #expect(pages.last?.contains("Company connection added") == true)
            #expect(pages.contains { $0.contains("title=\"job.queued\"") && $0.contains(">Queued<") })
            #expect(pages.contains { $0.contains("QuickBooks reported its details") })
            #expect(!pages.contains { $0.contains(">job.queued<") || $0.contains(">company.quickbooks_reported<") })
            let otherPage = try await browser.get("/activity?companyId=\(other.id)")
            #expect(otherPage.body.contains("Other Books</td>"))
            #expect(!otherPage.body.contains("job.queued"))
        }
    }
}
