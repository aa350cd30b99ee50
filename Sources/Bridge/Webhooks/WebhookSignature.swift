import Crypto
import Foundation

/// Standard Webhooks 1.0 signing (standardwebhooks.com; issue 24, "Contract"): the signature is the base64
/// HMAC-SHA256 of `{id}.{timestamp}.{body}` under the secret's raw bytes, sent as `v1,<base64>`; several
/// signatures (during a rotation) are separated by spaces, and a receiver accepts any one that matches.
public enum WebhookSignature {
    /// The prefix Standard Webhooks secrets are shown with.
    public static let secretPrefix = "whsec_"

    /// A new secret: 32 random bytes, shown as `whsec_<base64>` (the spec asks for 24 to 64 bytes).
    public static func makeSecret() -> String {
        let key = SymmetricKey(size: .bits256)
        return secretPrefix + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// The secret's key bytes, or nil when the text is not `whsec_<base64>`.
    static func keyBytes(_ secret: String) -> Data? {
        guard secret.hasPrefix(secretPrefix) else { return nil }
        return Data(base64Encoded: String(secret.dropFirst(secretPrefix.count)))
    }

    /// `v1,<base64 signature>` of one message under one secret.
    public static func sign(id: String, timestamp: Int64, body: String, secret: String) -> String? {
        guard let key = keyBytes(secret) else { return nil }
        let message = Data("\(id).\(timestamp).\(body)".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The `webhook-signature` header value: one signature per secret, current first, space-separated.
    public static func header(id: String, timestamp: Int64, body: String, secrets: [String]) -> String {
        secrets.compactMap { sign(id: id, timestamp: timestamp, body: body, secret: $0) }.joined(separator: " ")
    }
}
