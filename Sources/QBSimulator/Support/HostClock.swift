public import Foundation
import QBXML

/// How the simulated QuickBooks host tells time.
///
/// QuickBooks derives TxnID/ListID suffixes, EditSequence and TimeCreated/TimeModified from its clock,
/// so tests that compare documents byte for byte use `.fixed`; end-to-end runs use `.system` so that a
/// bridge scanning by modified date with its own clock sees what it expects.
public enum QuickBooksClock: Sendable, Hashable {
    /// The real time, written in the host's time zone.
    case system
    /// Starts at `start` and moves `stepSeconds` forward on every change to the books.
    case fixed(start: Date, stepSeconds: Int)
}

/// One instant as QuickBooks records it: epoch seconds (for IDs and EditSequence) and the wall-clock
/// text with QuickBooks' DST quirk (docs/qbxml-messages.md, "Value formats"): local time that follows daylight saving,
/// followed by the *standard* offset, e.g. `2024-07-01T10:00:00-08:00` on a US-Pacific host in summer.
struct Stamp: Sendable, Hashable {
    /// Seconds since 1970 (UTC).
    let epoch: Int64
    /// The DATETIMETYPE value QuickBooks writes (wall clock + standard offset).
    let dateTime: QBDateTime
}

/// The host clock: turns instants into `Stamp`s in the host's time zone.
struct HostClock: Sendable {
    let timeZone: TimeZone
    private var fixedEpoch: Int64?
    private let step: Int64
    private let calendar: Calendar

    init(mode: QuickBooksClock, timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        switch mode {
        case .system:
            fixedEpoch = nil
            step = 0
        case .fixed(let start, let stepSeconds):
            fixedEpoch = Int64(start.timeIntervalSince1970.rounded(.down))
            step = Int64(max(0, stepSeconds))
        }
    }

    /// The current instant; a fixed clock then moves one step.
    mutating func tick() -> Stamp {
        guard let current = fixedEpoch else {
            return stamp(epoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
        }
        fixedEpoch = current + step
        return stamp(epoch: current)
    }

    /// The current instant without moving a fixed clock.
    var peek: Stamp {
        stamp(epoch: fixedEpoch ?? Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// Moves a fixed clock; the system clock cannot be moved.
    mutating func advance(seconds: Int) {
        if let current = fixedEpoch { fixedEpoch = current + Int64(seconds) }
    }

    /// The host's date today.
    var today: QBDate {
        let time = peek.dateTime
        return QBDate(year: time.year, month: time.month, day: time.day) ?? Self.fallbackDate
    }

    private static let fallbackDate: QBDate = {
        guard let date = QBDate(year: 2000, month: 1, day: 1) else { preconditionFailure("2000-01-01 is a valid date") }
        return date
    }()

    /// The stamp of an epoch second.
    func stamp(epoch: Int64) -> Stamp {
        let date = Date(timeIntervalSince1970: TimeInterval(epoch))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let standard = timeZone.secondsFromGMT(for: date) - Int(timeZone.daylightSavingTimeOffset(for: date))
        let sign = standard < 0 ? "-" : "+"
        let magnitude = abs(standard)
        let text = Self.pad(parts.year ?? 2000, 4) + "-" + Self.pad(parts.month ?? 1, 2) + "-" + Self.pad(parts.day ?? 1, 2)
            + "T" + Self.pad(parts.hour ?? 0, 2) + ":" + Self.pad(parts.minute ?? 0, 2) + ":" + Self.pad(parts.second ?? 0, 2)
            + sign + Self.pad(magnitude / 3600, 2) + ":" + Self.pad(magnitude % 3600 / 60, 2)
        guard let dateTime = QBDateTime(text) else {
            preconditionFailure("HostClock wrote an invalid DATETIMETYPE \(text)")
        }
        return Stamp(epoch: epoch, dateTime: dateTime)
    }

    /// The stamp of a wall-clock time on the host (e.g. 09:00 on an invoice's date, for seeded records).
    func stamp(date: QBDate, hour: Int, minute: Int = 0, second: Int = 0) -> Stamp {
        var parts = DateComponents()
        parts.year = date.year
        parts.month = date.month
        parts.day = date.day
        parts.hour = hour
        parts.minute = minute
        parts.second = second
        let instant = calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
        return stamp(epoch: Int64(instant.timeIntervalSince1970.rounded(.down)))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
