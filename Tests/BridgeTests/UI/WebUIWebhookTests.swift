import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web UI: webhooks", .tagFilter)
struct WebUIWebhookTests {
    @Test("the Webhooks page adds an endpoint and shows its secret once; disable, enable, rotate and delete work from its page")
    func lifecycle() async throws {
        try await withRunningBridge(configure: { $0.bridge.webhooks.allowInsecure = true }) { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let empty = try await browser.get("/webhooks")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("No webhooks yet"))
            #expect(empty.body.contains("href=\"/webhooks\""), "the navigation names the page")
            let refused = try await browser.post("/webhooks", [("url", "ftp://example.com/x"), ("events", "*")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Only https URLs"))

            let created = try await browser.post("/webhooks", [("url", "http://127.0.0.1:9/hook"), ("events", "payment.posted, payment.failed"),
                                                               ("description", "billing")])
            #expect(created.status == .created)
            let endpoint = try #require(try await bridge.store.webhooks.endpoints().first)
            #expect(endpoint.events == ["payment.posted", "payment.failed"])
            let secret = try #require(created.body.range(of: #"whsec_[A-Za-z0-9+/=]+"#, options: .regularExpression).map { String(created.body[$0]) })
            #expect(created.headers[.cacheControl] == "no-store")
            let page = try await browser.get("/webhooks/\(endpoint.id.rawValue)")
            #expect(!page.body.contains(secret), "the secret is shown once")
            #expect(page.body.contains("Nothing sent yet"))

            let disabled = try await browser.post("/webhooks/\(endpoint.id.rawValue)/disable")
            #expect(disabled.status == .seeOther)
            #expect(try await bridge.store.webhooks.endpoint(endpoint.id)?.enabled == false)
            _ = try await browser.get("/webhooks/\(endpoint.id.rawValue)")
            _ = try await browser.post("/webhooks/\(endpoint.id.rawValue)/enable")
            #expect(try await bridge.store.webhooks.endpoint(endpoint.id)?.enabled == true)

            _ = try await browser.get("/webhooks/\(endpoint.id.rawValue)")
            let rotated = try await browser.post("/webhooks/\(endpoint.id.rawValue)/rotate-secret")
            #expect(rotated.status == .ok)
            #expect(rotated.body.contains("whsec_") && !rotated.body.contains(secret))
            #expect(rotated.body.contains("still signs deliveries until"))

            let deleted = try await browser.post("/webhooks/\(endpoint.id.rawValue)/delete")
            #expect(deleted.status == .seeOther)
            #expect(try await bridge.store.webhooks.endpoints().isEmpty)
        }
    }
}
