/// A session ticket: 128 random bits, written in GUID form because that is what the Web Connector's
/// log shows for Intuit's own samples (docs/web-connector-protocol.md, "Tickets and session state"). Any instance can answer any call, so the
/// ticket is looked up in the database; only its hash is stored there.
public struct Ticket: Sendable, Hashable, CustomStringConvertible {
    /// The wire form, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, 32 random hex digits.
    public let value: String

    /// Wraps a ticket the client sent back.
    public init(_ value: String) {
        self.value = value
    }

    /// A fresh ticket from the system's cryptographic random source.
    public static func random() -> Ticket {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return Ticket(parts.joined(separator: "-"))
    }

    /// Whether the text could be a ticket we issued: 36 characters of hex and dashes. Anything else is
    /// refused before it reaches the database.
    public var isWellFormed: Bool {
        value.utf8.count == 36 && value.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70) || byte == 45
        }
    }

    /// A short, non-secret form for logs: the first four characters only.
    public var redacted: String {
        String(value.prefix(4)) + "…"
    }

    public var description: String { redacted }
}
