import Foundation

/// An amount of money in whole cents, local to Triage.
///
/// Triage cannot import QBXML's `Money`, and money must never be a binary float (docs/style.md, "Files and types"),
/// so evidence and texts use this: `"1500.00"` in JSON, `"$1,500.00"` in sentences for a
/// bookkeeper. QuickBooks amounts (AMTTYPE) carry at most two decimals.
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in cents; negative for credits, as QuickBooks reports linked payments (`-250.00`).
    public let cents: Int

    /// Wraps a number of cents.
    public init(cents: Int) {
        self.cents = cents
    }

    /// Parses a decimal string such as `"1500.00"`, `"-250.00"`, `"1,500.00"` or `"129.4"`.
    ///
    /// Returns nil for empty text, more than two decimals, or anything that is not a number,
    /// so a malformed value never turns into a wrong amount.
    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        let parts = body.replacingOccurrences(of: ",", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first else { return nil }
        let fractionText = parts.count == 2 ? parts[1] : ""
        guard !wholeText.isEmpty || !fractionText.isEmpty,
              fractionText.count <= 2,
              wholeText.allSatisfy(\.isASCIIDigit), fractionText.allSatisfy(\.isASCIIDigit),
              let whole = wholeText.isEmpty ? 0 : Int(wholeText),
              let fraction = Int(fractionText.padding(toLength: 2, withPad: "0", startingAt: 0))
        else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        cents = negative ? -(scaled + fraction) : scaled + fraction
    }

    /// The plain decimal form used in JSON and qbXML: `"1500.00"`, `"-55.00"`.
    public var decimalString: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude
        return "\(sign)\(absolute / 100).\(Self.twoDigits(absolute % 100))"
    }

    /// The form used in sentences for a bookkeeper: `"$1,500.00"`, `"-$55.00"`.
    public var displayText: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude
        var whole = String(absolute / 100)
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(Substring(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(Substring(whole), at: 0)
        return "\(sign)$\(groups.joined(separator: ",")).\(Self.twoDigits(absolute % 100))"
    }

    /// The amount without its sign; QuickBooks reports applied payments and credits as negatives.
    public var magnitude: Amount {
        Amount(cents: Int(cents.magnitude))
    }

    /// The JSON form, so interpolating an amount never shows a float.
    public var description: String {
        decimalString
    }

    /// Orders amounts by value.
    public static func < (lhs: Amount, rhs: Amount) -> Bool {
        lhs.cents < rhs.cents
    }

    /// The difference between two amounts.
    public static func - (lhs: Amount, rhs: Amount) -> Amount {
        Amount(cents: lhs.cents - rhs.cents)
    }

    /// The sum of two amounts.
    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        Amount(cents: lhs.cents + rhs.cents)
    }

    /// Decodes from a decimal string (`"1500.00"`), never from a JSON number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let amount = Amount(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not an amount with at most two decimals")
        }
        self = amount
    }

    /// Encodes as a decimal string (`"1500.00"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }

    private static func twoDigits(_ value: UInt) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}
