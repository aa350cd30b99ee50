import Foundation
import HummingbirdTesting
import Testing
import QBBridgeTesting

@Suite("Activity log API and metrics", .tagFilter)
struct ObservabilityTests {
    @Test("the activity log lists every change for a company, newest first, and pages with before")
    func activity() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            _ = try await bridge.api(.post, "/companies/\(company.id)/payments", json: PaymentAPITests.body(externalId: "a1"))
            let page = try PaymentAPITests.json(try await bridge.api(.get, "/activity?companyId=\(company.id)&limit=1"))
            let entries = try #require(page["activity"] as? [[String: Any]])
            #expect(entries.first?["action"] as? String == "job.queued")
            #expect(entries.first?["actor"] as? String == "api:test")
            let before = try #require(page["nextBefore"] as? Int)
            let next = try PaymentAPITests.json(try await bridge.api(.get, "/activity?companyId=\(company.id)&before=\(before)"))
            #expect((next["activity"] as? [[String: Any]])?.contains { $0["action"] as? String == "company.created" } == true)
            let bad = try await bridge.api(.get, "/activity?limit=0")
            #expect(bad.status == .badRequest)
        }
    }

    @Test("/metrics exposes SOAP calls by method and sessions by verdict in Prometheus format")
    func metrics() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany()
            _ = try await bridge.call("serverVersion")
            _ = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "nope")])
            let response = try await bridge.client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(text.contains("qbbridge_soap_calls_total{method=\"serverVersion\"}"))
            #expect(text.contains("qbbridge_sessions_total{verdict=\"nvu\"}"))
        }
    }
}
