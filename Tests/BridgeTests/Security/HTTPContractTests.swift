import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import QBBridgeTesting

/// Answers that schemathesis (Tests/schemathesis/run.sh) holds the API to, pinned here so that a
/// regression shows in `swift test` without Python.
@Suite("HTTP contract details the API fuzzer checks", .tagFilter)
struct HTTPContractTests {
    @Test("a method a route does not have is 405 with the route's methods in Allow; an unknown path stays 404")
    func undeclaredMethod() async throws {
        try await withRunningBridge { bridge in
            let trace = try await bridge.api(.trace, "/companies")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET, POST")
            #expect(String(buffer: trace.body).contains("method_not_allowed"))
            let reverse = try await bridge.api(.get, "/payments/\(UUID().uuidString)/reverse")
            #expect(reverse.status == .methodNotAllowed)
            #expect(reverse.headers[.allow] == "POST")
            let soap = try await bridge.client.execute(uri: "/qbwc", method: .delete)
            #expect(soap.status == .methodNotAllowed)
            let unknown = try await bridge.api(.trace, "/no-such-thing")
            #expect(unknown.status == .notFound)
        }
    }

    @Test("updatedSince takes any RFC 3339 offset, also past Foundation's ±18:00", arguments: [
        "2026-11-20T10:00:00+19:03", "2026-11-20T10:00:00.697827-23:59", "2026-11-20t10:00:00z", "2026-11-20T10:00:00+01:00",
    ])
    func updatedSinceOffsets(_ text: String) async throws {
        try await withRunningBridge { bridge in
            let escaped = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
            let response = try await bridge.api(.get, "/payments?updatedSince=\(escaped)")
            #expect(response.status == .ok, "\(text): \(String(buffer: response.body))")
        }
    }
}
