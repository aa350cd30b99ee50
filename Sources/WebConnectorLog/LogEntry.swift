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
        // After the time: optional " UTC", whitespace, ":", then "Source() : text"; read as bytes, because
        // Foundation's string search per line was most of the reader's time.
        var rest = bytes.dropFirst(17)
        if rest.starts(with: [0x20, 0x55, 0x54, 0x43]) { rest = rest.dropFirst(4) }
        rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
        if rest.first == 0x3A { rest = rest.dropFirst().drop { $0 == 0x20 } }
        if let open = Self.firstCall(in: rest) {
            let source = rest[..<open]
            let name = source.split(separator: 0x2E).last ?? source
            method = String(decoding: name, as: UTF8.self).lowercased()
            var after = rest[(open + 2)...].drop { $0 == 0x20 }
            if after.first == 0x3A { after = after.dropFirst() }
            text = Self.trimmed(after)
        } else {
            method = ""
            text = Self.trimmed(rest)
        }
    }

    /// The offset of the `()` that ends the source (`Class.method() : text`), when a ` :` or `:` follows it.
    private static func firstCall(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 0x28, bytes[index + 1] == 0x29 {
                let after = bytes[(index + 2)...].drop { $0 == 0x20 }
                if after.first == 0x3A { return index }
            }
            index += 1
        }
        return nil
    }

    /// Bytes as text without the spaces and tabs around them.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes.drop { $0 == 0x20 || $0 == 0x09 }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
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
