import Domain
import Crypto
import Foundation

/// SHA-256 of a high-entropy secret (API token, session ticket) as hex. Such secrets are stored only as
/// hashes: a copy of the database does not hand out working credentials. (Passwords, which are low
/// entropy, use bcrypt instead.)
enum SecretHash {
    static func hex(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Data(secret.utf8)))
    }
}

/// Lower-case hex of bytes. Every Web Connector call hashes its ticket: `String(format: "%02x")` per
/// byte cost more than the SHA-256 itself.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
