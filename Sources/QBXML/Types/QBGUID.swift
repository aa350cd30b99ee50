public import Foundation

/// A qbXML GUIDTYPE value: `{8-4-4-4-12 hex}` with braces, or `0` (docs/qbxml-messages.md, "Value formats").
///
/// Used for `ExternalGUID` (the payment idempotency marker, docs/qbxml-messages.md, "Finding a payment again") and `OwnerID`.
/// QuickBooks may echo a GUID in another letter case, so equality ignores case.
public struct QBGUID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text as given or as QuickBooks wrote it.
    public let rawValue: String

    /// `0`: as an OwnerID it selects the public custom fields.
    public static let zero = QBGUID(unchecked: "0")

    /// Validates the GUIDTYPE form; nil when `text` is neither `0` nor a braced GUID.
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        rawValue = text
    }

    /// The braced, upper-case form of a UUID, e.g. from a v5 UUID derived from a payment id.
    public init(_ uuid: UUID) {
        rawValue = "{\(uuid.uuidString.uppercased())}"
    }

    private init(unchecked text: String) { rawValue = text }

    /// True for `0` or `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` (hex digits in either case).
    public static func isValid(_ text: String) -> Bool {
        if text == "0" { return true }
        let bytes = Array(text.utf8)
        guard bytes.count == 38, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return false }
        for (index, byte) in bytes.enumerated().dropFirst().dropLast() {
            if [9, 14, 19, 24].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) else { return false }
            }
        }
        return true
    }

    /// The text.
    public var description: String { rawValue }

    /// Case-insensitive equality (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on": QuickBooks' echo case is not guaranteed).
    public static func == (lhs: QBGUID, rhs: QBGUID) -> Bool {
        lhs.rawValue.uppercased() == rhs.rawValue.uppercased()
    }

    /// Hashes the upper-case form, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue.uppercased())
    }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a GUID like \"{6B29FC40-CA47-1067-B31D-00DD010662DA}\"")
        }
        rawValue = text
    }

    /// Encodes the text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
