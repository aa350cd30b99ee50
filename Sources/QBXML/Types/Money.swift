public import Foundation

/// An amount of money as qbXML's AMTTYPE: at most 13 integer digits and 2 decimals (docs/qbxml-messages.md, "Value formats").
///
/// Stored as integer cents, so arithmetic and comparisons are exact (never `Double`). Renders with
/// exactly two decimals (`1500.00`, `-55.00`), parses `1500`, `1500.5` and `1500.00`, and refuses a
/// third decimal or a 14th integer digit instead of rounding. Codable as its string form.
public struct Money: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The amount in cents (hundredths).
    public let cents: Int64

    /// The largest magnitude AMTTYPE can hold: 9,999,999,999,999.99.
    public static let maximumCents: Int64 = 999_999_999_999_999

    /// Zero.
    public static let zero = Money(uncheckedCents: 0)

    /// An amount from cents; nil beyond AMTTYPE's 13 integer digits.
    public init?(cents: Int64) {
        guard cents >= -Self.maximumCents, cents <= Self.maximumCents else { return nil }
        self.cents = cents
    }

    init(uncheckedCents: Int64) {
        cents = uncheckedCents
    }

    /// An amount from a `Decimal`; nil if it has more than 2 decimals or more than 13 integer digits.
    public init?(exactly decimal: Decimal) {
        var scaled = decimal * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, rounded.magnitude <= Decimal(Self.maximumCents),
              let cents = Int64(exactly: NSDecimalNumber(decimal: rounded).int64Value),
              Decimal(cents) == rounded else { return nil }
        self.init(cents: cents)
    }

    /// Parses AMTTYPE text such as `1500.00` or `-55.00`; nil when it is not a valid amount.
    public init?(_ description: String) {
        guard case .success(let money) = Self.parse(description) else { return nil }
        self = money
    }

    /// Parses AMTTYPE text, throwing an error that names `field` and says what is wrong.
    public init(parsing text: String, field: String) throws(QBXMLError) {
        switch Self.parse(text) {
        case .success(let money): self = money
        case .failure(let reason): throw .invalidValue(field: field, value: text, expected: reason.expectation)
        }
    }

    /// Why a text is not an amount.
    enum ParseFailure: Error {
        case notANumber, tooManyDecimals, tooManyDigits

        var expectation: String {
            switch self {
            case .notANumber: return "an amount such as 1500.00 (digits, optional sign, '.' as decimal point, no separators)"
            case .tooManyDecimals: return "an amount with at most 2 decimals (qbXML AMTTYPE); round it before sending"
            case .tooManyDigits: return "an amount with at most 13 digits before the decimal point (qbXML AMTTYPE)"
            }
        }
    }

    static func parse(_ text: String) -> Result<Money, ParseFailure> {
        parse(utf8: text.utf8)
    }

    /// Parses AMTTYPE from UTF-8 bytes (the response reader passes libxml2's buffer directly).
    static func parse<Bytes: Collection<UInt8>>(utf8 text: Bytes) -> Result<Money, ParseFailure> {
        var bytes = text[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var units: Int64 = 0
        var integerDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return .failure(.notANumber) }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.notANumber) }
            let digit = Int64(byte - UInt8(ascii: "0"))
            if seenPoint {
                fractionDigits += 1
                guard fractionDigits <= 2 else { return .failure(.tooManyDecimals) }
                fraction = fraction * 10 + digit
            } else {
                integerDigits += 1
                guard integerDigits <= 13 else { return .failure(.tooManyDigits) }
                units = units * 10 + digit
            }
        }
        guard integerDigits > 0, !(seenPoint && fractionDigits == 0) else { return .failure(.notANumber) }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = units * 100 + fraction
        return .success(Money(uncheckedCents: negative ? -cents : cents))
    }

    /// The AMTTYPE text with exactly two decimals: `1500.00`, `-55.00`.
    public var description: String {
        let magnitude = cents.magnitude
        let units = magnitude / 100
        let hundredths = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(units)." + (hundredths < 10 ? "0" : "") + "\(hundredths)"
    }

    /// The amount as a `Decimal` (exact).
    public var decimalValue: Decimal {
        Decimal(cents) / 100
    }

    /// The amount with the opposite sign (AMTTYPE is symmetric, so this never overflows).
    public var negated: Money { Money(uncheckedCents: -cents) }

    /// Orders by value.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Decodes from the AMTTYPE string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .success(let money) = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an amount like \"1500.00\"")
        }
        self = money
    }

    /// Encodes as the AMTTYPE string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
