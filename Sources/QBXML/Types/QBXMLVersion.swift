/// A qbXML specification version such as 13.0, as written in `<?qbxml version="13.0"?>`.
///
/// Chosen per QuickBooks installation from the `SupportedQBXMLVersion` values in the HCP response
/// (docs/web-connector-protocol.md, "The host report and qbXML version negotiation") and used to leave out elements the installation does not know
/// (docs/qbxml-messages.md, "Versions"). Codable as its string form, e.g. `"13.0"`.
public struct QBXMLVersion: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The major version (13 in 13.0).
    public let major: Int
    /// The minor version (0 in 13.0).
    public let minor: Int

    /// Creates a version from its two numbers.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The highest version our schema and builders emit. The 13.0–16.0 schemas are identical for
    /// every message QBBridge sends (docs/qbxml-messages.md, "Versions"), so 13.0 is what we write, as QbSync does.
    public static let newestEmitted = QBXMLVersion(major: 13, minor: 0)

    /// The oldest version QBBridge agrees to talk. The payment bridge needs `ErrorRecovery` on add
    /// responses and `DiscountClassRef` on applications, both introduced in 11.0 (docs/qbxml-messages.md,
    /// "Baseline": "Our feature set needs ≥ 11.0"). That covers QuickBooks 2012 and later.
    public static let oldestSupported = QBXMLVersion(major: 11, minor: 0)

    /// Parses `"13.0"` (or `"13"`, read as 13.0). A country prefix is not accepted here; see `negotiate`.
    public init?(_ description: String) {
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              let major = Int(parts[0]) else { return nil }
        let minor = parts.count == 2 ? Int(parts[1]) : 0
        guard let minor else { return nil }
        self.init(major: major, minor: minor)
    }

    /// "13.0".
    public var description: String { "\(major).\(minor)" }

    /// Orders by major, then minor.
    public static func < (lhs: QBXMLVersion, rhs: QBXMLVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// The highest version both sides support: the greatest of `supported` that is between
    /// `oldestSupported` and `newestEmitted`. Values may carry a country prefix (`CA13.0`, `UK2.0`)
    /// as Canadian and UK editions report them (docs/web-connector-protocol.md, "The host report and qbXML version negotiation"); unreadable values are ignored.
    /// Returns nil when no value is usable, i.e. QuickBooks is too old for the bridge.
    public static func negotiate(supported: [String]) -> QBXMLVersion? {
        supported
            .compactMap { value -> QBXMLVersion? in
                let trimmed = value.trimmingWhitespace()
                return QBXMLVersion(String(trimmed.drop(while: \.isLetter)))
            }
            .filter { $0 >= oldestSupported && $0 <= newestEmitted }
            .max()
    }

    /// Decodes from the string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = QBXMLVersion(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a qbXML version like \"13.0\"")
        }
        self = version
    }

    /// Encodes as the string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> Substring {
        let slice = self[...]
        guard let first = slice.firstIndex(where: { !$0.isWhitespace }),
              let last = slice.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return Substring(slice[first...last])
    }
}
