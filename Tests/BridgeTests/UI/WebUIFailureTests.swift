import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web UI: dashboard and failures", .tagFilter)
struct WebUIFailureTests {
    @Test("the dashboard shows first the company that needs a person: why, its failure-rate alert, open failures by category and what to check")
    func dashboard() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains(htmlEscaped(scenario.company.name)))
            #expect(page.body.contains("Needs attention"))
            #expect(page.body.contains("1 of 1 company needs attention."))
            #expect(page.body.contains("Failure rate 23%"))
            #expect(page.body.contains("at or above the 10% alert level"))
            #expect(page.body.contains("3 of 13 payments failed"))
            #expect(page.body.contains(">Connection problem</span>"))
            #expect(page.body.contains("All companies"), "every company is also in the table")
            let connection = try await scenario.connectionFailure()
            #expect(page.body.contains(htmlEscaped(connection.title)))
            #expect(page.body.contains("href=\"/failures/\(connection.id.rawValue)\""))
            for label in ["Already applied", "Amount changed", "Invoice missing", "Popup blocking"] {
                #expect(page.body.contains(">\(label)</a>"), "\(label)")
            }
            #expect(page.body.contains("What to check"))
        }
    }

    @Test("the dashboard's company table finds a company by a two-word search typed into its form, sorts by a column and pages by 50")
    func dashboardTable() async throws {
        try await withRunningBridge { bridge async throws in
            for number in 1...55 {
                _ = try await bridge.addCompany(name: "Harbor Freight \(String(format: "%02d", number))", username: "harbor-\(number)")
            }
            _ = try await bridge.addCompany(name: "Ocean Spray", username: "ocean")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let first = try await browser.get("/")
            #expect(first.body.contains("All 56 companies are in order."))
            #expect(first.body.contains("1–50 of 56"))
            #expect(first.body.contains(">Harbor Freight 50</a>") && !first.body.contains(">Harbor Freight 51</a>"))
            #expect(first.body.contains("href=\"/?page=2#companies\""))
            let second = try await browser.get("/?page=2")
            #expect(second.body.contains("51–56 of 56"))
            #expect(second.body.contains(">Ocean Spray</a>") && !second.body.contains(">Harbor Freight 50</a>"))
            // The page's own form sends a space as `+`; a typed link may use %20.
            for query in ["q=harbor+freight+07", "q=Harbor%20Freight%2007"] {
                let found = try await browser.get("/?\(query)")
                #expect(found.body.contains(">Harbor Freight 07</a>"), "\(query)")
                #expect(found.body.contains("1–1 of 1"), "\(query)")
                #expect(found.body.contains("value=\"Harbor Freight 07\"") || found.body.contains("value=\"harbor freight 07\""), "\(query)")
            }
            let nothing = try await browser.get("/?q=no+such+company")
            #expect(nothing.body.contains("No company matches."))
            let sorted = try await browser.get("/?sort=last_sync")
            #expect(sorted.body.contains("<option value=\"last_sync\" selected>"))
            #expect(sorted.body.contains("aria-sort=\"ascending\"><a href=\"/?sort=last_sync#companies\">Last sync</a>"))
        }
    }

    @Test("with no company the dashboard says how to start")
    func emptyDashboard() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let page = try await browser.get("/")
            #expect(page.body.contains("No companies connected yet"))
            #expect(page.body.contains("href=\"/companies/new\""))
            let failures = try await browser.get("/failures")
            #expect(failures.body.contains("No open failures"))
        }
    }

    @Test("the failures list filters by company, category and status")
    func failureList() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let all = try await browser.get("/failures")
            let applied = try await scenario.failure(of: scenario.alreadyApplied)
            let missing = try await scenario.failure(of: scenario.invoiceMissing)
            #expect(all.body.contains(htmlEscaped(applied.title)))
            #expect(all.body.contains(htmlEscaped(missing.title)))
            let filtered = try await browser.get("/failures?companyId=\(scenario.company.id)&category=already_applied&status=open")
            #expect(filtered.body.contains("/failures/\(applied.id.rawValue)"))
            #expect(!filtered.body.contains("/failures/\(missing.id.rawValue)"))
            #expect(filtered.body.contains("<option value=\"already_applied\" selected>"))
            let resolved = try await browser.get("/failures?status=resolved&category=already_applied")
            #expect(resolved.body.contains("No failures match"))
        }
    }

    @Test("a failure page shows the summary, the evidence, the numbered steps and Retry, Dismiss syncing and Delete")
    func failurePage() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let record = try await scenario.failure(of: scenario.alreadyApplied)
            let page = try await browser.get("/failures/\(record.id.rawValue)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>\(htmlEscaped(record.title))</h1>"))
            #expect(page.body.contains(htmlEscaped(record.summary)))
            let steps = record.resolution
            try #require(!steps.isEmpty)
            #expect(page.body.contains("<ol class=\"steps\"><li>\(htmlEscaped(steps[0]))</li>"))
            for step in steps { #expect(page.body.contains("<li>\(htmlEscaped(step))</li>")) }
            #expect(page.body.contains("<summary class=\"button\">Retry</summary>"))
            #expect(page.body.contains("<summary class=\"button\">Dismiss syncing</summary>"))
            #expect(page.body.contains("<summary class=\"button\">Delete</summary>"))
            #expect(page.body.contains("action=\"/failures/\(record.id.rawValue)/dismiss\""))
            #expect(page.body.contains("name=\"reason\" rows=\"3\" required"))
            #expect(page.body.contains("CHK-881"), "the evidence names the payment entered by hand")
            #expect(page.body.contains("The invoice in QuickBooks now"))
            #expect(page.body.contains("(the cause)"))
            #expect(page.body.contains("href=\"/payments/\(scenario.alreadyApplied.rawValue)\""))

            let missing = try await browser.get("/failures/\(try await scenario.failure(of: scenario.invoiceMissing).id.rawValue)")
            #expect(missing.body.contains("A likely re-creation of the missing invoice"))
            let connection = try await browser.get("/failures/\(try await scenario.connectionFailure().id.rawValue)")
            #expect(connection.body.contains("0x80040414"))
        }
    }

    @Test("Retry without the CSRF token is refused (403) and changes nothing; with it, it re-queues and says so")
    func retryNeedsCSRF() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let record = try await scenario.failure(of: scenario.alreadyApplied)
            _ = try await browser.get("/failures/\(record.id.rawValue)")
            let forged = try await browser.post("/failures/\(record.id.rawValue)/retry", [("csrf", "0123456789abcdef")])
            #expect(forged.status == .forbidden)
            let missing = try await browser.post("/failures/\(record.id.rawValue)/retry", csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("nothing was changed"))
            #expect(try await scenario.lab.job(scenario.alreadyApplied).status == .failed)

            let done = try await browser.post("/failures/\(record.id.rawValue)/retry")
            #expect(done.status == .seeOther)
            #expect(done.location == "/failures/\(record.id.rawValue)")
            #expect(try await scenario.lab.job(scenario.alreadyApplied).status == .queued)
            let after = try await browser.get("/failures/\(record.id.rawValue)")
            #expect(after.body.contains("role=\"status\">The payment is queued again"))
            #expect(!(try await browser.get("/failures/\(record.id.rawValue)").body.contains("queued again")), "a flash shows once")
            let history = try await bridge.store.activity.history(subjectIDs: [record.id.rawValue])
            #expect(history.contains { $0.action == "failure.retry" && $0.actor == "admin:support" })
        }
    }

    @Test("Dismiss syncing without a reason is refused with a message; with one it dismisses and shows the reason")
    func dismissNeedsReason() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let record = try await scenario.failure(of: scenario.invoiceMissing)
            _ = try await browser.get("/failures/\(record.id.rawValue)")
            let refused = try await browser.post("/failures/\(record.id.rawValue)/dismiss", [("reason", "   ")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Syncing was not dismissed: a reason is required."))
            #expect(refused.body.contains("id=\"reason-error\""))
            #expect(refused.body.contains("<details class=\"action\" open>"))
            #expect(try await bridge.store.failures.find(record.id)?.status == .open)

            let done = try await browser.post("/failures/\(record.id.rawValue)/dismiss", [("reason", "Customer paid by check <#2231>")])
            #expect(done.status == .seeOther)
            let page = try await browser.get("/failures/\(record.id.rawValue)")
            #expect(page.body.contains("Syncing dismissed"))
            #expect(page.body.contains("Reason recorded: Customer paid by check &lt;#2231&gt;"))
            #expect(try await scenario.lab.job(scenario.invoiceMissing).status == .dismissed)
            #expect(!page.body.contains("<summary class=\"button\">Retry</summary>"))
        }
    }

    @Test("Delete goes back to the list with a message, and the record leaves the default list")
    func delete() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let record = try await scenario.failure(of: scenario.amountChanged)
            _ = try await browser.get("/failures/\(record.id.rawValue)")
            let done = try await browser.post("/failures/\(record.id.rawValue)/delete")
            #expect(done.location == "/failures")
            let list = try await browser.get("/failures")
            #expect(list.body.contains("deleted; it stays in the activity log"))
            #expect(!list.body.contains("/failures/\(record.id.rawValue)\""))
            #expect(try await browser.get("/failures?status=all").body.contains("/failures/\(record.id.rawValue)\""))
            let again = try await browser.post("/failures/\(record.id.rawValue)/delete")
            #expect(again.status == .seeOther)
            #expect(try await browser.get("/failures/\(record.id.rawValue)").body.contains("already deleted"))
        }
    }

    @Test("unknown or malformed failure addresses are 404 pages that say where to look")
    func notFound() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let malformed = try await browser.get("/failures/not-an-id")
            #expect(malformed.status == .notFound)
            #expect(malformed.body.contains("Pick the failure from the failures list"))
            let unknown = try await browser.get("/failures/\(UUID().uuidString)")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("See the failures list"))
        }
    }
}
