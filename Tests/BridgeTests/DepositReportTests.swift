import Bridge
import Foundation
import QBXML
import Testing
import QBBridgeTesting

/// The deposit report's calendar and grouping, as pure functions.
@Suite("Deposit report: business days and grouping", .tagFilter)
struct DepositReportTests {
    static func date(_ text: String) throws -> QBDate { try #require(QBDate(text)) }

    static func payment(_ id: String, _ method: String?, _ date: String, _ amount: String) throws -> DepositPayment {
        DepositPayment(id: id, externalId: id, txnId: "T-\(id)", refNumber: id, customer: "Acme", amount: try #require(Money(amount)),
                       paymentMethod: method, date: try Self.date(date), depositToAccount: nil)
    }

    @Test("weekends are not business days; a weekend day batches on the next Monday")
    func calendar() throws {
        let calendar = BusinessCalendar(holidays: ["2026-12-25"])
        #expect(calendar.isBusinessDay(try Self.date("2026-11-18")))       // Wednesday
        #expect(!calendar.isBusinessDay(try Self.date("2026-11-21")))      // Saturday
        #expect(!calendar.isBusinessDay(try Self.date("2026-11-22")))      // Sunday
        #expect(!calendar.isBusinessDay(try Self.date("2026-12-25")))      // holiday (a Friday)
        #expect(calendar.onOrAfter(try Self.date("2026-11-22")) == (try Self.date("2026-11-23")))
        #expect(calendar.adding(businessDays: 2, to: try Self.date("2026-11-18")) == (try Self.date("2026-11-20")))
        #expect(calendar.adding(businessDays: 3, to: try Self.date("2026-11-18")) == (try Self.date("2026-11-23")))
        #expect(calendar.adding(businessDays: 1, to: try Self.date("2026-12-24")) == (try Self.date("2026-12-28")))
        // Leap day and year ends.
        #expect(calendar.isBusinessDay(try Self.date("2028-02-29")))       // Tuesday
        #expect(!calendar.isBusinessDay(try Self.date("2028-01-01")))      // Saturday
    }

    @Test("today is the UTC civil date, also across leap days")
    func today() throws {
        #expect(DepositService.today(now: Date(timeIntervalSince1970: 1_795_010_700)) == (try Self.date("2026-11-18")))
        #expect(DepositService.today(now: Date(timeIntervalSince1970: 951_782_400)) == (try Self.date("2000-02-29")))
        #expect(DepositService.today(now: Date(timeIntervalSince1970: 0)) == (try Self.date("1970-01-01")))
    }

    @Test("payment methods are sorted into card, ACH and other by name, with configured names first")
    func channels() {
        let standard = DepositSettings.standard
        #expect(standard.channel(of: "Visa") == .card)
        #expect(standard.channel(of: "American Express") == .card)
        #expect(standard.channel(of: "Credit Card") == .card)
        #expect(standard.channel(of: "ACH") == .ach)
        #expect(standard.channel(of: "E-Check") == .ach)
        #expect(standard.channel(of: "Bank transfer") == .ach)
        #expect(standard.channel(of: "Check") == .other)
        #expect(standard.channel(of: nil) == .other)
        var custom = standard
        custom.cardMethods = ["Stripe"]
        custom.achMethods = ["Plaid Pay"]
        #expect(custom.channel(of: "stripe") == .card)
        #expect(custom.channel(of: "PLAID PAY") == .ach)
    }

    @Test("card payments of one batch day are one deposit; ACH has an earliest and latest day; totals add up")
    func grouping() throws {
        let payments = [
            try Self.payment("a", "Visa", "2026-11-18", "100.00"), try Self.payment("b", "MasterCard", "2026-11-18", "20.50"),
            try Self.payment("c", "ACH", "2026-11-18", "300.00"), try Self.payment("d", "Visa", "2026-11-22", "5.00"),
            try Self.payment("e", "Check", "2026-11-19", "40.00"),
        ]
        let report = DepositReport(payments: payments, from: try Self.date("2026-11-16"), to: try Self.date("2026-11-30"), settings: .standard)
        #expect(report.deposits.map(\.channel) == [.other, .card, .ach, .card])
        let card = try #require(report.deposits.first { $0.channel == .card && $0.batchDate == (try? Self.date("2026-11-18")) })
        #expect(card.expectedDate == (try Self.date("2026-11-20")))
        #expect(card.total == Money("120.50"))
        let ach = try #require(report.deposits.first { $0.channel == .ach })
        #expect(ach.expectedDate == (try Self.date("2026-11-23")))
        #expect(ach.latestDate == (try Self.date("2026-11-24")))
        #expect(report.total() == Money("465.50"))
        #expect(report.total(.card) == Money("125.50"))
        // A narrower window keeps only the deposits expected in it.
        let friday = DepositReport(payments: payments, from: try Self.date("2026-11-20"), to: try Self.date("2026-11-20"), settings: .standard)
        #expect(friday.deposits.count == 1)
        #expect(friday.total() == Money("120.50"))
    }

    @Test("settings read from JSON take defaults for missing fields and name invalid ones")
    func settings() {
        let partial = DepositSettings(json: #"{"achBusinessDays": 4}"#)
        #expect(partial.cardBusinessDays == 2)
        #expect(partial.achBusinessDays == 4)
        #expect(partial.achLatestBusinessDays == 4)
        #expect(DepositSettings(json: nil) == .standard)
        var bad = DepositSettings.standard
        bad.holidays = ["tomorrow"]
        bad.achLatestBusinessDays = 1
        #expect(bad.problems.keys.sorted() == ["depositSettings.achLatestBusinessDays", "depositSettings.holidays"])
        // Found by schemathesis: an earliest ACH day above the maximum must be an error, not a trap.
        var high = DepositSettings.standard
        high.achBusinessDays = 11
        #expect(high.problems.keys.sorted() == ["depositSettings.achBusinessDays", "depositSettings.achLatestBusinessDays"])
    }
}
