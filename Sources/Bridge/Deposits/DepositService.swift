public import Foundation
public import QBXML
public import Domain
public import Store

/// Builds a company's deposit report from its posted payments.
public struct DepositService: Sendable {
    let store: Store

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// Longest report span: a year.
    public static let maximumDays = 366

    /// The report of deposits expected from `from` through `to` (`YYYY-MM-DD`; default: the last two
    /// weeks through the next one, relative to `today`).
    public func report(companyID: CompanyID, from: String?, to: String?, today: QBDate = DepositService.today()) async throws -> DepositReport {
        guard let company = try await store.companies.find(companyID) else { throw BridgeError.notFound("company", companyID.rawValue) }
        var fields: [String: String] = [:]
        let given = (from: from.map { QBDate($0.trimmingCharacters(in: .whitespaces)) }, to: to.map { QBDate($0.trimmingCharacters(in: .whitespaces)) })
        if case .some(nil) = given.from { fields["from"] = "must be a date YYYY-MM-DD" }
        if case .some(nil) = given.to { fields["to"] = "must be a date YYYY-MM-DD" }
        guard fields.isEmpty else { throw BridgeError.invalidInput(fields) }
        // One end given: the other is three weeks away from it; neither: two weeks back to one ahead.
        let start: QBDate, end: QBDate
        switch (given.from ?? nil, given.to ?? nil) {
        case (let first?, let last?): (start, end) = (first, last)
        case (let first?, nil): (start, end) = (first, first.adding(days: 21))
        case (nil, let last?): (start, end) = (last.adding(days: -21), last)
        case (nil, nil): (start, end) = (today.adding(days: -14), today.adding(days: 7))
        }
        guard start <= end else { throw BridgeError.invalidInput(["to": "must not be before from (\(start))"]) }
        guard end.adding(days: -Self.maximumDays) < start else { throw BridgeError.invalidInput(["to": "must be at most \(Self.maximumDays) days after from"]) }
        let settings = DepositSettings(json: company.depositSettings)
        let earliest = DepositReport.earliestPaymentDate(for: start, settings: settings)
        // Payments are posted on or after their date (give or take a day of time zones), so nothing
        // posted before the earliest payment date can be in the report.
        let since = Timestamp(milliseconds: (Int64(Self.daysSinceEpoch(earliest)) - 2) * 86_400_000)
        let jobs = try await store.jobs.postedPayments(companyID: companyID, changedSince: since)
        let payments = jobs.compactMap { job -> DepositPayment? in
            guard let payload = try? PaymentPayload(json: job.payload), let date = QBDate(payload.date), date >= earliest, date <= end,
                  let amount = Money(payload.amount) else { return nil }
            return DepositPayment(id: job.id.rawValue, externalId: payload.externalId, txnId: job.txnID, refNumber: payload.refNumber,
                                  customer: payload.customer.fullName ?? payload.customer.listId, amount: amount, paymentMethod: payload.paymentMethod,
                                  date: date, depositToAccount: payload.depositToAccount)
        }
        return DepositReport(payments: payments, from: start, to: end, settings: settings)
    }

    /// Today's date in UTC, the report's default anchor.
    public static func today(now: Date = Date()) -> QBDate {
        let days = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return civilDate(daysSinceEpoch: days)
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm, no calendar or time zone).
    static func civilDate(daysSinceEpoch days: Int) -> QBDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        guard let date = QBDate(year: year, month: month, day: day) else { preconditionFailure("civil date out of range: \(days)") }
        return date
    }

    /// Days from 1970-01-01 (civil calendar, no time zone).
    static func daysSinceEpoch(_ date: QBDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let month = date.month
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
