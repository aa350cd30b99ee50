/// A qbXML DATETIMETYPE value (TimeCreated, TimeModified, FromModifiedDate …) handled the way
/// docs/qbxml-messages.md ("Value formats", DATETIMETYPE) describes.
///
/// QuickBooks writes the host's local wall-clock time followed by an offset that does not follow
/// daylight saving time (a US-Pacific host says `-08:00` in summer). So the value is:
/// - kept verbatim in `raw`, exactly as QuickBooks wrote it;
/// - read as a wall-clock time (`year` … `second`), with the offset kept in `writtenOffset` but
///   never used to shift the time;
/// - sent back without any offset (`localString`), which QuickBooks reads as host-local time.
///   UTC and `Z` are never sent.
///
/// Equality and hashing compare `raw` as well; ordering compares the wall-clock time only.
/// Codable as `raw`.
public struct QBDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The text exactly as received or, for values built here, `localString`.
    public let raw: String
    /// Wall-clock year.
    public let year: Int
    /// Wall-clock month (1…12).
    public let month: Int
    /// Wall-clock day.
    public let day: Int
    /// Wall-clock hour (0…23; 0 when the text had no time).
    public let hour: Int
    /// Wall-clock minute.
    public let minute: Int
    /// Wall-clock second.
    public let second: Int
    /// The offset as written (`-08:00`), informational only: it does not follow DST.
    public let writtenOffset: String?

    /// The range QbSync allows (a 32-bit epoch limit) and QBBridge enforces for values it sends.
    public static let earliestSendable = QBDateTime(unchecked: 1970, 1, 1, 0, 0, 0)
    /// See `earliestSendable`.
    public static let latestSendable = QBDateTime(unchecked: 2038, 1, 19, 3, 14, 7)

    /// A wall-clock time; nil if a part is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard CivilCalendar.isValid(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.writtenOffset = nil
        self.raw = Self.format(year, month, day, hour, minute, second)
    }

    /// Parses DATETIMETYPE: `YYYY-M[M]-D[D]` then optionally `Thh[:mm[:ss[±hh:mm]]]`.
    /// `Z`, fractions of a second and other zone spellings are refused, as the qbXML type has none.
    public init?(_ raw: String) {
        self.init(utf8: raw.utf8, raw: raw)
    }

    /// Parses DATETIMETYPE from UTF-8 bytes; `raw` is the same text as a string when the caller has one.
    init?<Bytes: Collection<UInt8>>(utf8 bytes: Bytes, raw: String? = nil) {
        var index = bytes.startIndex
        guard let year = CivilCalendar.digits(bytes, &index, count: 4), CivilCalendar.consume(0x2D, bytes, &index),
              let month = CivilCalendar.oneOrTwoDigits(bytes, &index), CivilCalendar.consume(0x2D, bytes, &index),
              let day = CivilCalendar.oneOrTwoDigits(bytes, &index),
              CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: String?
        if index != bytes.endIndex {
            guard CivilCalendar.consume(UInt8(ascii: "T"), bytes, &index),
                  let h = CivilCalendar.digits(bytes, &index, count: 2), h <= 23 else { return nil }
            hour = h
            if CivilCalendar.consume(UInt8(ascii: ":"), bytes, &index) {
                guard let m = CivilCalendar.digits(bytes, &index, count: 2), m <= 59 else { return nil }
                minute = m
                if CivilCalendar.consume(UInt8(ascii: ":"), bytes, &index) {
                    guard let s = CivilCalendar.digits(bytes, &index, count: 2), s <= 59 else { return nil }
                    second = s
                    let zoneStart = index
                    if CivilCalendar.consume(UInt8(ascii: "+"), bytes, &index) || CivilCalendar.consume(UInt8(ascii: "-"), bytes, &index) {
                        guard let zoneHours = CivilCalendar.digits(bytes, &index, count: 2), zoneHours <= 14,
                              CivilCalendar.consume(UInt8(ascii: ":"), bytes, &index),
                              let zoneMinutes = CivilCalendar.digits(bytes, &index, count: 2), zoneMinutes <= 59 else { return nil }
                        offset = String(decoding: bytes[zoneStart..<index], as: UTF8.self)
                    }
                }
            }
            guard index == bytes.endIndex else { return nil }
        }
        self.raw = raw ?? String(decoding: bytes, as: UTF8.self)
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.writtenOffset = offset
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        "\(CivilCalendar.padded(year, 4))-\(CivilCalendar.padded(month, 2))-\(CivilCalendar.padded(day, 2))"
            + "T\(CivilCalendar.padded(hour, 2)):\(CivilCalendar.padded(minute, 2)):\(CivilCalendar.padded(second, 2))"
    }

    /// `YYYY-MM-DDThh:mm:ss` with no offset: the form QBBridge sends (read by QuickBooks as host-local).
    public var localString: String {
        Self.format(year, month, day, hour, minute, second)
    }

    /// The raw text.
    public var description: String { raw }

    /// The wall-clock time `seconds` later, e.g. +1 s to resume after the last seen TimeModified
    /// (FromModifiedDate is inclusive). The result carries no offset.
    public func addingSeconds(_ seconds: Int) -> QBDateTime {
        let total = secondsSinceEpoch + seconds
        let dayNumber = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - dayNumber * 86_400
        let (year, month, day) = CivilCalendar.date(fromDayNumber: dayNumber)
        return QBDateTime(unchecked: year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.writtenOffset = nil
        self.raw = Self.format(year, month, day, hour, minute, second)
    }

    /// Seconds from 1970-01-01T00:00:00 wall clock (no zone applied).
    var secondsSinceEpoch: Int {
        CivilCalendar.dayNumber(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// True when QBBridge may send this value (between `earliestSendable` and `latestSendable`).
    public var isSendable: Bool {
        self >= Self.earliestSendable && self <= Self.latestSendable
    }

    /// Wall-clock order; the written offset is ignored.
    public static func < (lhs: QBDateTime, rhs: QBDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// Decodes from the raw text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = QBDateTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a qbXML date-time like \"2024-03-31T14:05:00\"")
        }
        self = value
    }

    /// Encodes as the raw text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
