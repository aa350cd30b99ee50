import Foundation

/// One timestamped line of `QWCLog.txt`: `20261201.09:00:01 UTC\t: QBWebConnector.SOAPWebService.do_authenticate() : text`.
/// Lines without the timestamp (the XML a VERBOSE log prints, a message's second line) belong to the entry above them.
struct LogEntry: Sendable {
    /// When it was written (the log's clock; QWCLog.txt writes UTC).
    var time: Date
    /// The method that wrote it, lower-cased without its class path and parentheses: `do_authenticate`,
    /// `doupdateselected`, `setupdatelock`; empty when the line names none.
    var method: String
    /// The text after the method.
    var text: String

    /// Reads a line's bytes when they start with the Web Connector's timestamp; nil otherwise.
    init?(_ bytes: ArraySlice<UInt8>) {
        guard let time = Self.time(bytes) else { return nil }
        self.time = time
        let line = String(decoding: bytes.dropFirst(17), as: UTF8.self)
        // After the time: optional " UTC", whitespace, ":", then "Source() : text".
        var rest = line[...]
        if rest.hasPrefix(" UTC") { rest = rest.dropFirst(4) }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix(":") { rest = rest.dropFirst().drop { $0 == " " } }
        if let close = rest.range(of: "() : ") ?? rest.range(of: "():") {
            let source = rest[..<close.lowerBound]
            let name = source.split(separator: ".").last.map(String.init) ?? ""
            method = name.lowercased()
            text = String(rest[close.upperBound...]).trimmingCharacters(in: .whitespaces)
        } else {
            method = ""
            text = String(rest).trimmingCharacters(in: .whitespaces)
        }
    }

    /// `YYYYMMDD.HH:MM:SS` at the start of the line, as a date (UTC); nil when the line does not start with it.
    static func time(_ bytes: ArraySlice<UInt8>) -> Date? {
        guard bytes.count >= 17 else { return nil }
        let b = bytes.startIndex
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in from..<(from + count) {
                let byte = bytes[b + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[b + 8] == 0x2E, bytes[b + 11] == 0x3A, bytes[b + 14] == 0x3A,
              let year = digits(0, 4), let month = digits(4, 2), let day = digits(6, 2),
              let hour = digits(9, 2), let minute = digits(12, 2), let second = digits(15, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(Self.daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm), so reading a
    /// timestamp needs no calendar or time zone object per line.
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
