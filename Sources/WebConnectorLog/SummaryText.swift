import Foundation

/// The summary's sentence, the first thing a support person reads: how many runs over how long, how many
/// completed, and what made the others fail, most frequent first, each with its code.
enum SummaryText {
    static func sentence(runCount: Int, first: Date?, last: Date?, completed: Int, failed: Int, unfinished: Int,
                         problems: [QWCLogProblemTally]) -> String {
        guard runCount > 0 else { return "The log holds no Web Connector run." }
        var parts = ["\(runCount) \(runCount == 1 ? "run" : "runs")\(span(first, last))", "\(completed) completed"]
        var failedPart = "\(failed) failed"
        if !problems.isEmpty {
            failedPart += ": " + problems.prefix(5).map { "\($0.helpCode) \(lowercasedFirst($0.title)) (\($0.runs)×)" }.joined(separator: ", ")
        }
        parts.append(failedPart)
        if unfinished > 0 { parts.append("\(unfinished) not finished in the log") }
        return parts.joined(separator: "; ") + "."
    }

    /// " over 3 days (2026-12-01 to 2026-12-03)", or " on 2026-12-01".
    private static func span(_ first: Date?, _ last: Date?) -> String {
        guard let first, let last else { return "" }
        let firstDay = day(first), lastDay = day(last)
        if firstDay == lastDay { return " on \(firstDay)" }
        let days = Int((last.timeIntervalSince1970 / 86_400).rounded(.down) - (first.timeIntervalSince1970 / 86_400).rounded(.down)) + 1
        return " over \(days) days (\(firstDay) to \(lastDay))"
    }

    /// `YYYY-MM-DD` of a moment in UTC, the log's own clock.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    private static func lowercasedFirst(_ title: String) -> String {
        guard let first = title.first else { return title }
        // Keep a leading code or name as written ("QuickBooks", ".qwc").
        guard first.isUppercase, title.dropFirst().first?.isLowercase == true, !title.hasPrefix("QuickBooks") else { return title }
        return first.lowercased() + title.dropFirst()
    }
}
