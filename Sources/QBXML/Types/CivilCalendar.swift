/// Proleptic Gregorian day arithmetic on wall-clock dates, with no time zone involved.
///
/// qbXML dates and times are the QuickBooks host's local wall clock (docs/qbxml-messages.md, "Value formats"), so
/// QBBridge validates and shifts them as plain calendar values; converting through `Date` and a
/// time zone would reintroduce the DST confusion the spec warns about.
enum CivilCalendar {
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Days since 1970-01-01 (negative before it).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number from `dayNumber`.
    static func date(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Reads `count` ASCII digits starting at `index`, advancing it; nil if any is not a digit.
    @inline(__always)
    static func digits<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ index: inout Bytes.Index, count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard index != bytes.endIndex else { return nil }
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
            bytes.formIndex(after: &index)
        }
        return value
    }

    /// Reads 1 or 2 ASCII digits (a month or day of DATETIMETYPE), advancing `index`.
    @inline(__always)
    static func oneOrTwoDigits<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ index: inout Bytes.Index) -> Int? {
        guard let first = digits(bytes, &index, count: 1) else { return nil }
        guard index != bytes.endIndex, bytes[index] >= 48, bytes[index] <= 57 else { return first }
        let second = Int(bytes[index] - 48)
        bytes.formIndex(after: &index)
        return first * 10 + second
    }

    /// Consumes `byte` at `index` if it is there.
    @inline(__always)
    static func consume<Bytes: Collection<UInt8>>(_ byte: UInt8, _ bytes: Bytes, _ index: inout Bytes.Index) -> Bool {
        guard index != bytes.endIndex, bytes[index] == byte else { return false }
        bytes.formIndex(after: &index)
        return true
    }

    /// Zero-pads to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
