@testable import Bridge
import Foundation
import Testing
import QBBridgeTesting

/// The pieces of webhook delivery that need no server: the signature (against the spec's published example),
/// the address rules, the retry schedule.
@Suite("Webhook signatures, address rules and retry schedule", .tagFilter)
struct WebhookSigningTests {
    /// The example of the Standard Webhooks spec (checked with Python's hmac module as well).
    static let specSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let specID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let specTimestamp: Int64 = 1614265330
    static let specBody = #"{"test": 2432232314}"#
    static let specSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    @Test("the test's own verifier accepts the spec's published example and refuses it changed in any part")
    func verifierMatchesTheSpec() {
        let then = Date(timeIntervalSince1970: Double(Self.specTimestamp) + 10)
        #expect(StandardWebhooksVerifier.verify(secret: Self.specSecret, id: Self.specID, timestamp: String(Self.specTimestamp),
                                                body: Self.specBody, signatureHeader: Self.specSignature, now: then))
        #expect(!StandardWebhooksVerifier.verify(secret: Self.specSecret, id: Self.specID + "x", timestamp: String(Self.specTimestamp),
                                                 body: Self.specBody, signatureHeader: Self.specSignature, now: then))
        #expect(!StandardWebhooksVerifier.verify(secret: Self.specSecret, id: Self.specID, timestamp: String(Self.specTimestamp),
                                                 body: Self.specBody + " ", signatureHeader: Self.specSignature, now: then))
        #expect(!StandardWebhooksVerifier.verify(secret: Self.specSecret, id: Self.specID, timestamp: String(Self.specTimestamp),
                                                 body: Self.specBody, signatureHeader: Self.specSignature, now: Date()),
                "a timestamp years old is outside the tolerance")
    }

    @Test("the bridge signs the spec's example exactly as published")
    func signerMatchesTheSpec() {
        #expect(WebhookSignature.sign(id: Self.specID, timestamp: Self.specTimestamp, body: Self.specBody, secret: Self.specSecret) == Self.specSignature)
    }

    @Test("during a rotation the header carries one signature per secret, separated by a space, each verifiable alone")
    func rotationHeader() {
        let old = WebhookSignature.makeSecret()
        let new = WebhookSignature.makeSecret()
        let now = Int64(Date().timeIntervalSince1970)
        let header = WebhookSignature.header(id: "msg_1", timestamp: now, body: "{}", secrets: [new, old])
        let parts = header.split(separator: " ")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.hasPrefix("v1,") })
        for secret in [new, old] {
            #expect(StandardWebhooksVerifier.verify(secret: secret, id: "msg_1", timestamp: String(now), body: "{}", signatureHeader: header))
        }
        #expect(!StandardWebhooksVerifier.verify(secret: WebhookSignature.makeSecret(), id: "msg_1", timestamp: String(now), body: "{}",
                                                 signatureHeader: header))
    }

    @Test("new secrets are whsec_ and 32 random bytes in base64")
    func secretShape() throws {
        let secret = WebhookSignature.makeSecret()
        #expect(secret.hasPrefix("whsec_"))
        #expect(try #require(Data(base64Encoded: String(secret.dropFirst(6)))).count == 32)
        #expect(secret != WebhookSignature.makeSecret())
    }

    @Test("addresses in private, loopback, link-local, unique-local, CGNAT, multicast and unspecified ranges are refused",
          arguments: [
            ("10.1.2.3", WebhookURLPolicy.AddressKind.private), ("172.20.0.1", .private), ("192.168.1.1", .private),
            ("127.0.0.1", .loopback), ("169.254.169.254", .linkLocal), ("100.64.0.1", .sharedCGNAT), ("224.0.0.1", .multicast),
            ("0.0.0.0", .unspecified), ("8.8.8.8", .public), ("172.32.0.1", .public),
          ])
    func ipv4Ranges(address: String, kind: WebhookURLPolicy.AddressKind) {
        let bytes = address.split(separator: ".").compactMap { UInt8($0) }
        #expect(WebhookURLPolicy.classify(ipv4: bytes) == kind)
    }

    @Test("IPv6 loopback, unique-local, link-local, multicast, unspecified and IPv4-mapped private addresses are refused")
    func ipv6Ranges() {
        func bytes(_ head: [UInt8], tail: [UInt8] = []) -> [UInt8] { head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail }
        #expect(WebhookURLPolicy.classify(ipv6: bytes([], tail: [1])) == .loopback)
        #expect(WebhookURLPolicy.classify(ipv6: bytes([])) == .unspecified)
        #expect(WebhookURLPolicy.classify(ipv6: bytes([0xfd, 0x12])) == .uniqueLocal)
        #expect(WebhookURLPolicy.classify(ipv6: bytes([0xfe, 0x80])) == .linkLocal)
        #expect(WebhookURLPolicy.classify(ipv6: bytes([0xff, 0x02])) == .multicast)
        #expect(WebhookURLPolicy.classify(ipv6: bytes([], tail: [0xff, 0xff, 10, 0, 0, 1])) == .private)
        #expect(WebhookURLPolicy.classify(ipv6: bytes([0x26, 0x06, 0x47, 0x00])) == .public)
    }

    @Test("without --webhook-allow-insecure, http and private or loopback hosts are refused; with it, loopback http is allowed")
    func urlPolicy() async throws {
        let strict = WebhookURLPolicy(allowInsecure: false)
        for url in ["http://127.0.0.1:9/hook", "https://127.0.0.1/hook", "https://10.0.0.7/hook", "https://[::1]/hook",
                    "https://169.254.169.254/latest", "ftp://example.com/x", "not a url"] {
            await #expect(throws: WebhookError.self, "\(url)") { try await strict.check(url) }
        }
        _ = try await strict.check("https://8.8.8.8/hook")
        let insecure = WebhookURLPolicy(allowInsecure: true)
        _ = try await insecure.check("http://127.0.0.1:9/hook")
        await #expect(throws: WebhookError.self) { try await insecure.check("http://8.8.8.8/hook") }
    }

    @Test("the schedule is immediate, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (±10 % jitter), then gives up")
    func schedule() {
        let schedule = WebhookRetrySchedule()
        let expected: [Double] = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]
        for (index, seconds) in expected.enumerated() {
            #expect(schedule.delay(afterAttempts: index + 1, retryAfter: nil, jitter: 0) == seconds)
            let low = schedule.delay(afterAttempts: index + 1, retryAfter: nil, jitter: -1) ?? 0
            let high = schedule.delay(afterAttempts: index + 1, retryAfter: nil, jitter: 1) ?? 0
            #expect(abs(low - seconds * 0.9) < 0.001 && abs(high - seconds * 1.1) < 0.001)
        }
        #expect(schedule.delay(afterAttempts: 10, retryAfter: nil, jitter: 0) == nil)
        #expect(expected.reduce(0, +) / 3600 > 70, "about three days in all")
    }

    @Test("Retry-After in seconds or as an HTTP date lengthens the wait, never shortens it, up to a day")
    func retryAfter() {
        let schedule = WebhookRetrySchedule()
        #expect(schedule.delay(afterAttempts: 1, retryAfter: 120, jitter: 0) == 120)
        #expect(schedule.delay(afterAttempts: 3, retryAfter: 120, jitter: 0) == 1800)
        #expect(schedule.delay(afterAttempts: 1, retryAfter: 9_999_999, jitter: 0) == 86400)
        #expect(WebhookRetrySchedule.retryAfterSeconds("120") == 120)
        let now = Date(timeIntervalSince1970: 784_111_777)
        #expect(WebhookRetrySchedule.retryAfterSeconds("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 0)
        #expect(WebhookRetrySchedule.retryAfterSeconds("Sun, 06 Nov 1994 08:51:37 GMT", now: now) == 120)
        #expect(WebhookRetrySchedule.retryAfterSeconds("soon") == nil)
    }
}
