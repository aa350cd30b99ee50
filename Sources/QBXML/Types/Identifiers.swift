/// A transaction identifier (qbXML IDTYPE on transactions), e.g. `4EB8-1347889479`.
///
/// Opaque: never parsed, only compared and echoed (docs/qbxml-messages.md, "Value formats"). Its own type so that a
/// TxnID cannot be passed where a ListID is meant (docs/style.md, "Files and types").
public struct TxnID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier text.
    public let rawValue: String

    /// Wraps an identifier received from QuickBooks or stored earlier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `"4EB8-1347889479"` where a TxnID is expected (tests, constants).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The identifier text.
    public var description: String { rawValue }

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A list-object identifier (qbXML IDTYPE on customers, accounts, items …), e.g. `80000001-1218985625`.
///
/// Opaque like `TxnID`, and a separate type for the same reason.
public struct ListID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier text.
    public let rawValue: String

    /// Wraps an identifier received from QuickBooks or stored earlier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `"80000001-1218985625"` where a ListID is expected (tests, constants).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The identifier text.
    public var description: String { rawValue }

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
