import Foundation
import Domain
import Triage

/// How the UI writes times, ages, categories and statuses for people.
enum UIFormat {
    /// `2026-11-20 18:02 UTC`: one zone for every viewer, the one the logs use.
    static func time(_ timestamp: Timestamp) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: timestamp.date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `just now`, `12 min ago`, `5 h ago`, `3 days ago`.
    static func ago(_ timestamp: Timestamp, now: Date = Date()) -> String {
        let seconds = max(0, now.timeIntervalSince(timestamp.date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(Int(seconds / 60)) min ago"
        case ..<(48 * 3600): return "\(Int(seconds / 3600)) h ago"
        default: return "\(Int(seconds / 86400)) days ago"
        }
    }

    /// A time with its age: `2026-11-20 18:02 UTC (5 h ago)`.
    static func timeAndAge(_ timestamp: Timestamp?, never: String = "never") -> String {
        guard let timestamp else { return never }
        return "\(time(timestamp)) (\(ago(timestamp)))"
    }

    /// `already_applied` → `Already applied`.
    /// `quickbooks_cannot_start` → `QuickBooks cannot start` (the product's own spelling).
    static func label(_ raw: String) -> String {
        let words = raw.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "quickbooks", with: "QuickBooks")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A payment status in words.
    static func status(_ status: JobStatus) -> String {
        switch status {
        case .queued: "Queued"
        case .inFlight: "Sending"
        case .uncertain: "Checking (answer lost)"
        case .posted: "Posted"
        case .failed: "Needs attention"
        case .dismissed: "Dismissed"
        case .reversing: "Reversing"
        case .reversed: "Reversed"
        }
    }

    /// A money amount as a bookkeeper reads it (`$1,500.00`), or the text as given when it is not one.
    /// 20,000 rather than 20000.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func money(_ text: String?) -> String {
        guard let text else { return "" }
        return Amount(text)?.displayText ?? text
    }

    /// An activity entry's detail object as `key: value` pairs.
    static func detail(_ json: String) -> String? {
        guard let object = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)), !object.isEmpty else { return nil }
        return object.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { "\($0.key): \($0.value)" }.joined(separator: " · ")
    }

    /// Whether text is a real calendar day written `YYYY-MM-DD`.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day
    }

    /// Midnight UTC today, for "posted today".
    static func startOfToday(now: Date = Date()) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return Timestamp(calendar.startOfDay(for: now))
    }

    /// An id from a path parameter, lower-cased, when it is a UUID; nil otherwise (the page is then a 404).
    static func uuid(_ text: String?) -> String? {
        guard let text, UUID(uuidString: text) != nil else { return nil }
        return text.lowercased()
    }

    /// A query-string value, percent-encoded.
    static func query(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// An `<option>` of a filter `<select>`.
struct OptionView {
    var value: String
    var label: String
    var selected: Bool
}

/// A label and its value, for `<dl>` lists.
struct PairView {
    var label: String
    var value: String
}
