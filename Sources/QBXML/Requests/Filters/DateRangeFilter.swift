/// The date part of a transaction filter: `ModifiedDateRangeFilter` or `TxnDateRangeFilter`,
/// which qbXML makes mutually exclusive (qbxml-messages.md §2, TxnFilter item 2).
public enum DateRangeFilter: Sendable, Hashable, Codable {
    /// Transactions modified in [from, to] (inclusive, host-local wall-clock time).
    case modified(from: QBDateTime?, to: QBDateTime?)
    /// Transactions dated in [from, to].
    case txnDate(from: QBDate?, to: QBDate?)
    /// Transactions dated in a period QuickBooks computes (e.g. `.thisMonth`).
    case txnDateMacro(DateMacro)

    func render(into writer: inout QBXMLWriter) throws(QBXMLError) {
        switch self {
        case .modified(let from, let to):
            try writer.open("ModifiedDateRangeFilter")
            if let from { try writer.element("FromModifiedDate", from) }
            if let to { try writer.element("ToModifiedDate", to) }
            writer.close()
        case .txnDate(let from, let to):
            try writer.open("TxnDateRangeFilter")
            if let from { writer.element("FromTxnDate", from) }
            if let to { writer.element("ToTxnDate", to) }
            writer.close()
        case .txnDateMacro(let macro):
            try writer.open("TxnDateRangeFilter")
            try writer.element("DateMacro", macro.rawValue)
            writer.close()
        }
    }
}

/// qbXML's `DateMacro` values: periods relative to today on the QuickBooks host.
public enum DateMacro: String, Sendable, Hashable, Codable, CaseIterable {
    case all = "All", today = "Today", thisWeek = "ThisWeek", thisWeekToDate = "ThisWeekToDate"
    case thisMonth = "ThisMonth", thisMonthToDate = "ThisMonthToDate"
    case thisCalendarQuarter = "ThisCalendarQuarter", thisCalendarQuarterToDate = "ThisCalendarQuarterToDate"
    case thisFiscalQuarter = "ThisFiscalQuarter", thisFiscalQuarterToDate = "ThisFiscalQuarterToDate"
    case thisCalendarYear = "ThisCalendarYear", thisCalendarYearToDate = "ThisCalendarYearToDate"
    case thisFiscalYear = "ThisFiscalYear", thisFiscalYearToDate = "ThisFiscalYearToDate"
    case yesterday = "Yesterday", lastWeek = "LastWeek", lastWeekToDate = "LastWeekToDate"
    case lastMonth = "LastMonth", lastMonthToDate = "LastMonthToDate"
    case lastCalendarQuarter = "LastCalendarQuarter", lastCalendarQuarterToDate = "LastCalendarQuarterToDate"
    case lastFiscalQuarter = "LastFiscalQuarter", lastFiscalQuarterToDate = "LastFiscalQuarterToDate"
    case lastCalendarYear = "LastCalendarYear", lastCalendarYearToDate = "LastCalendarYearToDate"
    case lastFiscalYear = "LastFiscalYear", lastFiscalYearToDate = "LastFiscalYearToDate"
    case nextWeek = "NextWeek", nextFourWeeks = "NextFourWeeks", nextMonth = "NextMonth"
    case nextCalendarQuarter = "NextCalendarQuarter", nextCalendarYear = "NextCalendarYear"
    case nextFiscalQuarter = "NextFiscalQuarter", nextFiscalYear = "NextFiscalYear"
}
