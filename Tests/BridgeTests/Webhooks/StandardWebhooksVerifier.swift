import Crypto
import Foundation

/// A receiver's check of a Standard Webhooks signature, written from the spec (standardwebhooks.com) and
/// independently of the bridge's signer: it shares no code with `WebhookSignature`, and the tests check it
/// against the spec's published example first. A signature header holds one or more `v1,<base64>` entries
/// separated by spaces; the message is accepted when any entry is the HMAC-SHA256 of `{id}.{timestamp}.{body}`
/// under the secret's base64-decoded bytes, compared in constant time, and the timestamp is within
/// five minutes of now.
enum StandardWebhooksVerifier {
    static let tolerance: TimeInterval = 5 * 60

    static func verify(secret: String, id: String, timestamp: String, body: String, signatureHeader: String, now: Date = Date()) -> Bool {
        guard let seconds = Double(timestamp), abs(now.timeIntervalSince1970 - seconds) <= tolerance else { return false }
        var encoded = Substring(secret)
        if encoded.hasPrefix("whsec_") { encoded = encoded.dropFirst("whsec_".count) }
        guard let keyBytes = Data(base64Encoded: String(encoded)) else { return false }
        let expected = Data(HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: SymmetricKey(data: keyBytes)))
        for entry in signatureHeader.split(separator: " ") {
            let parts = entry.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1", let given = Data(base64Encoded: String(parts[1])) else { continue }
            if constantTimeEqual(given, expected) { return true }
        }
        return false
    }

    private static func constantTimeEqual(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
