import Foundation

/// A record's identifier: UUID text with a type of its own, so a company id cannot be passed where a
/// job id is wanted. `RawRepresentable` gives it its JSON form (the bare string) without hand-written coding.
public protocol Identifier: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension Identifier {
    /// Wraps a stored or requested id.
    public init(_ rawValue: String) {
        self.init(rawValue: rawValue)
    }

    /// A new random id, lower-case as every stored id is.
    public static func random() -> Self {
        Self(rawValue: UUID().uuidString.lowercased())
    }

    public var description: String { rawValue }
}
