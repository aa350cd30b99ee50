public import Foundation

/// A point in time stored as milliseconds since 1970 (a BIGINT on both engines: portable and sortable).
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// Wraps a stored value.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// Converts a date.
    public init(_ date: Date) {
        self.milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// Now.
    public static var now: Timestamp { Timestamp(Date()) }

    /// As a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// ISO 8601 with milliseconds, UTC: the form every JSON answer uses.
    /// Built from the integer milliseconds (not a binary floating-point `Date`), so that parsing it back
    /// gives exactly the same instant: `updatedSince` polling depends on that.
    public var iso8601: String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let millis = milliseconds - seconds * 1000
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted)
        )
        return String(whole.dropLast()) + "." + String(format: "%03d", Int(millis)) + "Z"
    }

    /// This time moved by a number of seconds.
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(milliseconds: milliseconds + Int64(seconds * 1000))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public init(from decoder: any Decoder) throws {
        milliseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }
}
