import Foundation
import HummingbirdTesting
import NIOCore
import Testing
import QBBridgeTesting

/// The log reader in the web UI (issue 23): the upload form on /help and on a company's page, the per-run
/// report with links to the help pages, attaching, and clear pages for bad files.
@Suite("Web UI: Web Connector log", .tagFilter)
struct WebUIQWCLogTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.url("Tests/WebConnectorLogTests/Fixtures/qwclog/" + name)))
    }

    /// The form's action on a page, HTML entities undone.
    static func action(in html: String, index: Int = 0) -> String? {
        let actions = html.matches(of: /(?:action|formaction)="(\/qbwc-logs[^"]*)"/).map { String($0.output.1) }
        return actions.dropFirst(index).first?.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#38;", with: "&")
    }

    @Test("signed-in staff upload a log from /help and see the summary and each run, with problems linking to their help pages")
    func uploadFromHelp() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany()
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let help = try await browser.get("/help")
            let action = try #require(Self.action(in: help.body), "the help page has the upload form")
            let page = try await browser.upload(action, fileName: "QWCLog.txt", bytes: try Self.fixture("hresult-connection.txt"))
            #expect(page.status == .ok)
            #expect(page.body.contains("2 runs on 2026-12-12; 0 completed; 2 failed"))
            #expect(page.body.contains("href=\"/help/0x80040408\""))
            #expect(page.body.contains("href=\"/help/0x80040414\""))
            #expect(page.body.contains("<a href=\"/companies/"), "the run is matched to the company")
            for secret in ["11112222-3333-4444-5555-666677778888"] { #expect(!page.body.contains(secret)) }
        }
    }

    @Test("without a session the help page offers sign-in instead of the form, and an upload is refused")
    func anonymous() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let help = try await browser.get("/help")
            #expect(Self.action(in: help.body) == nil)
            #expect(help.body.contains("to upload a log"))
            let page = try await browser.upload("/qbwc-logs?csrf=x", fileName: "QWCLog.txt", bytes: try Self.fixture("success.txt"))
            #expect(page.status == .seeOther || page.status == .forbidden, "\(page.status)")
        }
    }

    @Test("an upload without this session's token is refused, and nothing is read")
    func csrf() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let page = try await browser.upload("/qbwc-logs?csrf=wrong", fileName: "QWCLog.txt", bytes: try Self.fixture("success.txt"))
            #expect(page.status == .forbidden)
            #expect(!page.body.contains("runs over"))
        }
    }

    @Test("a file that is not a log gets a page saying what QWCLog.txt is, with the form again")
    func notALog() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let action = try #require(Self.action(in: try await browser.get("/help").body))
            let page = try await browser.upload(action, fileName: "photo.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 500))
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("View Logs"))
            #expect(Self.action(in: page.body) != nil)
        }
    }

    @Test("on a company's page, Read and attach keeps the log with the company; its page lists it and the copy has no secret")
    func attachFromCompanyPage() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let companyPage = try await browser.get("/companies/\(company.id.rawValue)")
            let attach = try #require(Self.action(in: companyPage.body, index: 1), "the company page has Read and attach")
            #expect(attach.contains("attach=true") && attach.contains(company.id.rawValue))
            let page = try await browser.upload(attach, fileName: "QWCLog.txt", bytes: try Self.fixture("verbose-success.txt"))
            #expect(page.status == .ok)
            #expect(page.body.contains("The log was attached to Acme Plumbing"))
            let again = try await browser.get("/companies/\(company.id.rawValue)")
            let link = try #require(again.body.firstMatch(of: /href="(\/companies\/[^"]+\/qwc-logs\/[^"]+)"/).map { String($0.output.1) })
            let copy = try await browser.get(link)
            #expect(copy.status == .ok)
            #expect(copy.body.contains("InvoiceQueryRq"))
            #expect(!copy.body.contains("Hunter2-Plumbing!"))
            #expect(!copy.body.contains("9d8c7b6a-5f4e-4d3c-ab2a-1f0e9d8c7b6a"))
        }
    }
}
