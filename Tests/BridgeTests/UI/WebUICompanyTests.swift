import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web UI: companies", .tagFilter)
struct WebUICompanyTests {
    @Test("adding a company: field errors keep the other values; success leads to its setup steps")
    func create() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let empty = try await browser.get("/companies")
            #expect(empty.body.contains("No companies yet"))
            let form = try await browser.get("/companies/new")
            #expect(form.body.contains("<label for=\"password\">Web Connector password</label>"))
            let refused = try await browser.post("/companies", [("name", "Acme & Sons"), ("username", "acme"), ("password", "short"),
                                                                ("runEveryMinutes", "15"), ("syncStartDate", "2026-02-30")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Password must be at least 8 characters."))
            #expect(refused.body.contains("Sync start date must be a date YYYY-MM-DD."))
            #expect(refused.body.contains("value=\"Acme &amp; Sons\""))
            #expect(try await bridge.store.companies.all().isEmpty)

            let created = try await browser.post("/companies", [("name", "Acme & Sons"), ("username", "acme"), ("password", "correct horse"),
                                                                ("runEveryMinutes", "20"), ("syncStartDate", "")])
            #expect(created.status == .seeOther)
            let company = try #require(try await bridge.store.companies.all().first)
            #expect(company.runEveryMinutes == 20)
            #expect(created.location == "/companies/\(company.id.rawValue)")
            let page = try await browser.get("/companies/\(company.id.rawValue)")
            #expect(page.body.contains("Company “Acme &amp; Sons” added."))
            #expect(page.body.contains("Yes, always allow access even if QuickBooks is not running"))
            #expect(page.body.contains("turn off its pop-ups"))
            #expect(page.body.contains("type the password of user <code>acme</code>"))
            #expect(page.body.contains("href=\"/companies/\(company.id.rawValue)/qwc\""))
            #expect(!page.body.contains("correct horse"))

            let taken = try await browser.post("/companies", [("name", "Other"), ("username", "ACME"), ("password", "correct horse")])
            #expect(taken.status == .conflict)
            #expect(taken.body.contains("is already used by another company"))
        }
    }

    @Test("Download .qwc answers an attachment with the Web Connector's XML")
    func qwcDownload() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany(name: "Acme Plumbing")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let file = try await browser.get("/companies/\(company.id.rawValue)/qwc")
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"acme-plumbing.qwc\"")
            #expect(file.headers[.contentType]?.hasPrefix("application/x-qwc") == true)
            #expect(file.body.contains("<QBWCXML>"))
            #expect(file.body.contains("<AppURL>http://localhost:8080/qbwc</AppURL>"))
            #expect(file.body.contains("<FileID>\(company.fileID)</FileID>"))
            #expect(file.body.contains("<UserName>acme</UserName>"))
        }
    }

    @Test("a .qwc that cannot be made shows the reason on the company page")
    func qwcRefused() async throws {
        try await withRunningBridge(configure: { $0.bridge.publicURL = "http://qb.example.com" }) { bridge async throws in
            let company = try await bridge.addCompany(name: "Acme Plumbing")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let answer = try await browser.get("/companies/\(company.id.rawValue)/qwc")
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/companies/\(company.id.rawValue)")
            let page = try await browser.get("/companies/\(company.id.rawValue)")
            #expect(page.body.contains("flash-error"))
            #expect(page.body.contains("The .qwc file cannot be made: "))
            #expect(page.body.contains("https"))
        }
    }

    @Test("schedule, sync start date and password are changed from the company page, with errors at the fields")
    func settings() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany(name: "Acme Plumbing")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let path = "/companies/\(company.id.rawValue)"
            _ = try await browser.get(path)
            let bad = try await browser.post(path + "/settings", [("runEveryMinutes", "0"), ("syncStartDate", "")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("from 1 to 1440"))
            let badDay = try await browser.post(path + "/settings", [("runEveryMinutes", "30"), ("syncStartDate", "2026-13-01")])
            #expect(badDay.body.contains("must be a real day"))
            let saved = try await browser.post(path + "/settings", [("runEveryMinutes", "30"), ("syncStartDate", "2026-01-01")])
            #expect(saved.status == .seeOther)
            var stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.runEveryMinutes == 30)
            #expect(stored.syncStartDate == "2026-01-01")
            #expect(try await browser.get(path).body.contains("Settings saved."))
            _ = try await browser.post(path + "/settings", [("runEveryMinutes", "30"), ("syncStartDate", "")])
            stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.syncStartDate == nil)

            let short = try await browser.post(path + "/password", [("password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("must be 8–72 characters; it was not changed"))
            let rotated = try await browser.post(path + "/password", [("password", "a brand new secret")])
            #expect(rotated.status == .seeOther)
            let (_, hash) = try #require(try await bridge.store.companies.credentials(username: "acme"))
            #expect(hash.hasPrefix("$2"))
            let reply = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "a brand new secret")])
            #expect(SOAPText.results(String(buffer: reply.body)).dropFirst().first != "nvu")
        }
    }

    @Test("user data is escaped everywhere: a company named like markup shows as text")
    func escaping() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany(name: "<script>alert(1)</script>")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            for path in ["/", "/companies", "/failures", "/payments", "/activity"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("<script>"), "\(path)")
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
        }
    }
}
