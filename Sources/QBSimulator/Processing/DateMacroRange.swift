import QBXML

/// The `DateMacro` values of `TxnDateRangeFilter` (docs/qbxml-messages.md, "Shared parts") as date ranges around the
/// host's today. Weeks start on Sunday (US QuickBooks); the fiscal year is the calendar year, as in
/// the simulated company (`FirstMonthFiscalYear` January).
enum DateMacroRange {
    /// The inclusive range, nil bounds meaning open; nil for an unknown macro.
    static func range(_ macro: String, today: QBDate) -> (from: QBDate?, to: QBDate?)? {
        let weekStart = today.adding(days: -weekday(today))
        let monthStart = date(today.year, today.month, 1)
        let quarterStart = date(today.year, (today.month - 1) / 3 * 3 + 1, 1)
        let yearStart = date(today.year, 1, 1)
        switch macro {
        case "All": return (nil, nil)
        case "Today": return (today, today)
        case "Yesterday": return (today.adding(days: -1), today.adding(days: -1))
        case "ThisWeek": return (weekStart, weekStart.adding(days: 6))
        case "ThisWeekToDate": return (weekStart, today)
        case "LastWeek": return (weekStart.adding(days: -7), weekStart.adding(days: -1))
        case "LastWeekToDate": return (weekStart.adding(days: -7), today.adding(days: -7))
        case "NextWeek": return (weekStart.adding(days: 7), weekStart.adding(days: 13))
        case "NextFourWeeks": return (weekStart.adding(days: 7), weekStart.adding(days: 34))
        case "ThisMonth": return (monthStart, months(monthStart, 1).adding(days: -1))
        case "ThisMonthToDate": return (monthStart, today)
        case "LastMonth": return (months(monthStart, -1), monthStart.adding(days: -1))
        case "LastMonthToDate": return (months(monthStart, -1), sameDay(today, monthsAgo: 1))
        case "NextMonth": return (months(monthStart, 1), months(monthStart, 2).adding(days: -1))
        case "ThisCalendarQuarter", "ThisFiscalQuarter": return (quarterStart, months(quarterStart, 3).adding(days: -1))
        case "ThisCalendarQuarterToDate", "ThisFiscalQuarterToDate": return (quarterStart, today)
        case "LastCalendarQuarter", "LastFiscalQuarter": return (months(quarterStart, -3), quarterStart.adding(days: -1))
        case "LastCalendarQuarterToDate", "LastFiscalQuarterToDate": return (months(quarterStart, -3), sameDay(today, monthsAgo: 3))
        case "NextCalendarQuarter", "NextFiscalQuarter": return (months(quarterStart, 3), months(quarterStart, 6).adding(days: -1))
        case "ThisCalendarYear", "ThisFiscalYear": return (yearStart, date(today.year, 12, 31))
        case "ThisCalendarYearToDate", "ThisFiscalYearToDate": return (yearStart, today)
        case "LastCalendarYear", "LastFiscalYear": return (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
        case "LastCalendarYearToDate", "LastFiscalYearToDate": return (date(today.year - 1, 1, 1), sameDay(today, monthsAgo: 12))
        case "NextCalendarYear", "NextFiscalYear": return (date(today.year + 1, 1, 1), date(today.year + 1, 12, 31))
        default: return nil
        }
    }

    /// 0 = Sunday … 6 = Saturday.
    static func weekday(_ date: QBDate) -> Int {
        let days = daysSinceEpoch(date)
        return ((days % 7) + 7 + 4) % 7   // 1970-01-01 was a Thursday
    }

    /// Days from 1970-01-01 (the civil-from-days algorithm, proleptic Gregorian).
    static func daysSinceEpoch(_ date: QBDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> QBDate {
        var day = day
        while day > 28, QBDate(year: year, month: month, day: day) == nil { day -= 1 }
        return QBDate(year: year, month: month, day: day) ?? fallback
    }

    private static func months(_ start: QBDate, _ delta: Int) -> QBDate {
        let index = start.year * 12 + (start.month - 1) + delta
        return date(index / 12, index % 12 + 1, start.day)
    }

    private static func sameDay(_ today: QBDate, monthsAgo: Int) -> QBDate {
        let index = today.year * 12 + (today.month - 1) - monthsAgo
        return date(index / 12, index % 12 + 1, today.day)
    }

    private static let fallback: QBDate = {
        guard let date = QBDate(year: 1970, month: 1, day: 1) else { preconditionFailure("1970-01-01 is a valid date") }
        return date
    }()
}
