/// A calendar date as qbXML's DATETYPE, always written `YYYY-MM-DD` with no zone (docs/qbxml-messages.md, "Value formats").
///
/// Used for TxnDate, DueDate and date-range filters. Codable as its string form.
public struct QBDate: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The year (1…9999).
    public let year: Int
    /// The month (1…12).
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// A date from its parts; nil if the day does not exist (e.g. 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else (zones, times, impossible days).
    public init?(_ description: String) {
        self.init(utf8: description.utf8)
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes.
    init?<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) {
        var index = bytes.startIndex
        guard let year = CivilCalendar.digits(bytes, &index, count: 4), CivilCalendar.consume(0x2D, bytes, &index),
              let month = CivilCalendar.digits(bytes, &index, count: 2), CivilCalendar.consume(0x2D, bytes, &index),
              let day = CivilCalendar.digits(bytes, &index, count: 2), index == bytes.endIndex else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(CivilCalendar.padded(year, 4))-\(CivilCalendar.padded(month, 2))-\(CivilCalendar.padded(day, 2))"
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> QBDate {
        let (year, month, day) = CivilCalendar.date(fromDayNumber: CivilCalendar.dayNumber(year: year, month: month, day: day) + days)
        return QBDate(uncheckedYear: year, month: month, day: day)
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Chronological order.
    public static func < (lhs: QBDate, rhs: QBDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = QBDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a date like \"2024-03-31\"")
        }
        self = date
    }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
