import Crypto
import Foundation

/// SHA-256 of a high-entropy secret (API token, session ticket) as hex. Such secrets are stored only as
/// hashes: a copy of the database does not hand out working credentials. (Passwords, which are low
/// entropy, use bcrypt instead.)
enum SecretHash {
    static func hex(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
