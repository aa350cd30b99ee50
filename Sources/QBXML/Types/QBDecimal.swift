public import Foundation

/// A quantity, price or percentage as qbXML's QUANTYPE / PRICETYPE / PERCENTTYPE: up to 10 integer
/// digits and 5 decimals (docs/qbxml-messages.md, "Value formats"). Used for invoice line `Quantity` and `Rate`.
///
/// Stored exactly as an integer count of 1/100000, so no binary floating point is involved.
/// Renders in its shortest form (`72`, `0.5`, `12.34567`). Codable as that string.
public struct QBDecimal: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The value times 100,000.
    public let scaled: Int64

    /// Parses `[+-]digits[.digits]` with at most 10 integer digits and 5 decimals; nil otherwise.
    public init?(_ description: String) {
        self.init(utf8: description.utf8)
    }

    /// Parses from UTF-8 bytes (the response reader passes libxml2's buffer directly).
    init?<Bytes: Collection<UInt8>>(utf8 text: Bytes) {
        var bytes = text[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var integer: Int64 = 0, fraction: Int64 = 0
        var integerDigits = 0, fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            if seenPoint {
                fractionDigits += 1
                guard fractionDigits <= 5 else { return nil }
                fraction = fraction * 10 + digit
            } else {
                integerDigits += 1
                guard integerDigits <= 10 else { return nil }
                integer = integer * 10 + digit
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<5 { fraction *= 10 }
        let value = integer * 100_000 + fraction
        scaled = negative ? -value : value
    }

    /// The shortest text for the value.
    public var description: String {
        let magnitude = scaled.magnitude
        var text = (scaled < 0 ? "-" : "") + String(magnitude / 100_000)
        var fraction = magnitude % 100_000
        guard fraction != 0 else { return text }
        var digits = 5
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }

    /// The value as a `Decimal` (exact).
    public var decimalValue: Decimal { Decimal(scaled) / 100_000 }

    /// Orders by value.
    public static func < (lhs: QBDecimal, rhs: QBDecimal) -> Bool { lhs.scaled < rhs.scaled }

    /// Decodes from the string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = QBDecimal(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a quantity like \"12.5\"")
        }
        self = value
    }

    /// Encodes as the string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
