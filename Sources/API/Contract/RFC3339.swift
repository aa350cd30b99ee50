package import Foundation
import Domain
import OpenAPIRuntime

/// Date-times as the API writes and reads them.
package enum RFC3339 {
    /// Reads RFC 3339 date-times with or without fractional seconds, with any offset up to ±23:59 and a
    /// lower-case `t` or `z`, all of which RFC 3339 allows and Foundation's parser refuses.
    package static func date(_ raw: String) -> Date? {
        var text = raw.uppercased()
        var offsetSeconds = 0
        let utf8 = Array(text.utf8)
        if utf8.count > 6, utf8[utf8.count - 3] == UInt8(ascii: ":"),
           utf8[utf8.count - 6] == UInt8(ascii: "+") || utf8[utf8.count - 6] == UInt8(ascii: "-"),
           let hours = Int(String(decoding: utf8[(utf8.count - 5)..<(utf8.count - 3)], as: UTF8.self)),
           let minutes = Int(String(decoding: utf8[(utf8.count - 2)...], as: UTF8.self)), hours < 24, minutes < 60 {
            offsetSeconds = (hours * 3600 + minutes * 60) * (utf8[utf8.count - 6] == UInt8(ascii: "-") ? -1 : 1)
            text = String(decoding: utf8[..<(utf8.count - 6)], as: UTF8.self) + "Z"
        }
        // Fractional seconds first: the plain strategy accepts them too but drops them.
        guard let date = (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: .iso8601)) else { return nil }
        return date.addingTimeInterval(TimeInterval(-offsetSeconds))
    }

    /// `2026-11-20T10:00:00.123Z`: UTC with milliseconds, the precision every stored time has (Timestamp's
    /// own form), so a time read from one answer and sent back (`updatedSince`) names exactly the same instant.
    package static func string(_ date: Date) -> String {
        Timestamp(date).iso8601
    }
}

/// The generated code's date-time transcoder: writes ``RFC3339/string(_:)``, reads ``RFC3339/date(_:)``.
struct MillisecondDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String { RFC3339.string(date) }

    func decode(_ text: String) throws -> Date {
        guard let date = RFC3339.date(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not an ISO 8601 date-time such as 2026-11-20T10:00:00Z"))
        }
        return date
    }
}
