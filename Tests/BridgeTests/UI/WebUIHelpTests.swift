import Foundation
import HummingbirdTesting
import NIOCore
import Testing
import Triage
import QBBridgeTesting

@Suite("Web UI and API: help pages", .tagFilter)
struct WebUIHelpTests {
    @Test("/help lists every code with its meaning, without signing in")
    func helpList() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let page = try await browser.get("/help")
            #expect(page.status == .ok)
            for entry in HelpCatalogue.entries {
                #expect(page.body.contains("<a href=\"/help/\(entry.code)\"><code>\(entry.code)</code> \(htmlEscaped(entry.title))</a>"), "\(entry.code)")
                #expect(page.body.contains("<dd>\(htmlEscaped(entry.meaning))</dd>"), "\(entry.code) is shown with its meaning")
            }
            #expect(page.body.contains("<form method=\"get\" action=\"/help\""))
        }
    }

    @Test("signed-in staff keep the navigation on the help pages, with Help marked")
    func signedInNavigation() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            for path in ["/help", "/help/QBWC1048"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("<a href=\"/help\" aria-current=\"page\">Help</a>"), "\(path)")
                #expect(page.body.contains("<a href=\"/failures\">Failures</a>"), "\(path)")
            }
            var anonymous = UIClient(bridge)
            #expect(!(try await anonymous.get("/help")).body.contains("<a href=\"/failures\">Failures</a>"))
        }
    }

    @Test("/help searches by code, by category, and by words with a space written as + or %20", arguments: [
        ("QBWC1048", "QBWC1048"), ("qbwc1048", "QBWC1048"), ("popup_blocking", "0x80040414"),
        ("certificate+trusted", "QBWC1048"), ("certificate%20trusted", "QBWC1048"), ("single+user", "single_user_mode"),
    ])
    func helpSearch(_ query: String, _ found: String) async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let page = try await browser.get("/help?q=\(query)")
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"/help/\(found)\""), "\(query) finds \(found)")
            let words = query.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? query
            let expected = HelpCatalogue.search(words)
            #expect(page.body.contains("\(expected.count) found for “\(htmlEscaped(words))”"))
            let unrelated = HelpCatalogue.entries.filter { entry in !expected.contains { $0.code == entry.code } }
            for entry in unrelated { #expect(!page.body.contains("href=\"/help/\(entry.code)\""), "\(query) does not list \(entry.code)") }
        }
    }

    @Test("a search that finds nothing says how to search instead")
    func emptySearch() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let page = try await browser.get("/help?q=xyzzy+plugh")
            #expect(page.status == .ok)
            #expect(page.body.contains("Nothing matches"))
            #expect(page.body.contains("0 found for “xyzzy plugh”"))
        }
    }

    @Test("/help/QBWC1048 shows the meaning, the causes and the numbered steps for an untrusted certificate")
    func certificatePage() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let entry = try #require(HelpCatalogue.entry(for: "QBWC1048"))
            for path in ["/help/QBWC1048", "/help/qbwc1048"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains("<h1><code>QBWC1048</code> The Web Connector does not trust QBBridge&#39;s certificate</h1>")
                        || page.body.contains("<h1><code>QBWC1048</code> \(htmlEscaped(entry.title))</h1>"))
                #expect(page.body.contains(htmlEscaped(entry.meaning)))
                for cause in entry.causes { #expect(page.body.contains("<li>\(htmlEscaped(cause))</li>")) }
                #expect(page.body.contains("<ol class=\"steps\"><li>\(htmlEscaped(entry.steps[0]))</li>"))
                #expect(page.body.contains("Trusted Root Certification Authorities"))
            }
        }
    }

    @Test("an HRESULT's page names the category QBBridge records it under, with its link")
    func hresultPage() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let page = try await browser.get("/help/0x80040414")
            #expect(page.status == .ok)
            #expect(page.body.contains("QBBridge records this as <a href=\"/help/popup_blocking\">"))
        }
    }

    @Test("an unknown code is a 404 page that leads back to the help search")
    func unknownCode() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let page = try await browser.get("/help/QBWC9999")
            #expect(page.status == .notFound)
            #expect(page.body.contains("No help for that code"))
            #expect(page.body.contains("QBWC9999"))
            #expect(page.body.contains("<a href=\"/help\">Search the help pages</a>"))
        }
    }

    @Test("a failure page links to the help page of its category")
    func failureLinksToHelp() async throws {
        try await withRunningBridge { bridge async throws in
            let scenario = try await UIScenario.make(bridge)
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let record = try await scenario.failure(of: scenario.alreadyApplied)
            let page = try await browser.get("/failures/\(record.id.rawValue)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<a href=\"/help/already_applied\">"))
            let help = try await browser.get("/help/already_applied")
            #expect(help.status == .ok)
            #expect(help.body.contains("<a href=\"/failures?category=already_applied&amp;status=open\">"))
        }
    }

    @Test("the .qwc support page points to the help pages")
    func supportPage() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let page = try await browser.get("/support")
            #expect(page.status == .ok)
            #expect(page.body.contains("<a href=\"/help\">"))
        }
    }

    @Test("GET /api/v1/help/{code} answers the entry as the contract describes, whatever the code's case")
    func apiEntry() async throws {
        try await withRunningBridge { bridge async throws in
            let response = try await bridge.api(.get, "/help/qbwc1048")
            #expect(response.status == .ok)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let entry = try #require(HelpCatalogue.entry(for: "QBWC1048"))
            #expect(body["code"] as? String == "QBWC1048")
            #expect(body["kind"] as? String == "qbwc")
            #expect(body["title"] as? String == entry.title)
            #expect(body["meaning"] as? String == entry.meaning)
            #expect(body["causes"] as? [String] == entry.causes)
            #expect(body["steps"] as? [String] == entry.steps)
            let hresult = try await bridge.api(.get, "/help/0x80040414")
            let hresultBody = try #require(try JSONSerialization.jsonObject(with: Data(buffer: hresult.body)) as? [String: Any])
            #expect(hresultBody["category"] as? String == "popup_blocking")
        }
    }

    @Test("GET /api/v1/help/{code} of an unknown code is the API's 404")
    func apiUnknown() async throws {
        try await withRunningBridge { bridge async throws in
            let response = try await bridge.api(.get, "/help/QBWC9999")
            #expect(response.status == .notFound)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_found")
            #expect((error["message"] as? String)?.contains("QBWC9999") == true)
        }
    }

    @Test("GET /api/v1/help lists every entry, and with q only what the search finds")
    func apiList() async throws {
        try await withRunningBridge { bridge async throws in
            let all = try await bridge.api(.get, "/help")
            #expect(all.status == .ok)
            let allBody = try #require(try JSONSerialization.jsonObject(with: Data(buffer: all.body)) as? [String: Any])
            #expect((allBody["entries"] as? [Any])?.count == HelpCatalogue.entries.count)
            let found = try await bridge.api(.get, "/help?q=certificate+trusted")
            let foundBody = try #require(try JSONSerialization.jsonObject(with: Data(buffer: found.body)) as? [String: Any])
            let codes = (foundBody["entries"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == HelpCatalogue.search("certificate trusted").map(\.code))
            #expect(codes?.contains("QBWC1048") == true)
        }
    }
}
