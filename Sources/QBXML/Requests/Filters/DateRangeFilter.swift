/// The date part of a transaction filter: `ModifiedDateRangeFilter` or `TxnDateRangeFilter`,
/// which qbXML makes mutually exclusive (docs/qbxml-messages.md, "Shared parts").
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
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case all = "All", today = "Today", thisWeek = "ThisWeek", thisWeekToDate = "ThisWeekToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case thisMonth = "ThisMonth", thisMonthToDate = "ThisMonthToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case thisCalendarQuarter = "ThisCalendarQuarter", thisCalendarQuarterToDate = "ThisCalendarQuarterToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case thisFiscalQuarter = "ThisFiscalQuarter", thisFiscalQuarterToDate = "ThisFiscalQuarterToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case thisCalendarYear = "ThisCalendarYear", thisCalendarYearToDate = "ThisCalendarYearToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case thisFiscalYear = "ThisFiscalYear", thisFiscalYearToDate = "ThisFiscalYearToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case yesterday = "Yesterday", lastWeek = "LastWeek", lastWeekToDate = "LastWeekToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case lastMonth = "LastMonth", lastMonthToDate = "LastMonthToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case lastCalendarQuarter = "LastCalendarQuarter", lastCalendarQuarterToDate = "LastCalendarQuarterToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case lastFiscalQuarter = "LastFiscalQuarter", lastFiscalQuarterToDate = "LastFiscalQuarterToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case lastCalendarYear = "LastCalendarYear", lastCalendarYearToDate = "LastCalendarYearToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case lastFiscalYear = "LastFiscalYear", lastFiscalYearToDate = "LastFiscalYearToDate"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case nextWeek = "NextWeek", nextFourWeeks = "NextFourWeeks", nextMonth = "NextMonth"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case nextCalendarQuarter = "NextCalendarQuarter", nextCalendarYear = "NextCalendarYear"
    /// A period as QuickBooks names it (raw value = qbXML spelling).
    case nextFiscalQuarter = "NextFiscalQuarter", nextFiscalYear = "NextFiscalYear"
}
