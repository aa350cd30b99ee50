import Foundation
import QBSimulator
import QBXML
import Testing
import QBBridgeTesting

@Suite("Simulated QuickBooks: the closing date", .tagFilter)
struct ClosingDateTests {
    static let closedMessage = "An attempt was made to modify a Receive Payment with a date that is on or before the closing date of the company.  If you are sure you really want to do this, please ask a user with Admin privileges to remove the password for editing transactions on or before to closing date (this setting is in the Accounting Company Preferences), then try again."

    @Test("the closing date an admin sets is reported in the host report's preferences")
    func reportsClosingDate() async throws {
        let quickBooks = try acme()
        #expect(try HCPResponse(parsing: await quickBooks.hcpResponse(ownerID: nil)).preferences?.closingDate == nil)
        let closing = try #require(QBDate("2026-10-31"))
        await quickBooks.setClosingDate(closing)
        let report = try HCPResponse(parsing: await quickBooks.hcpResponse(ownerID: nil))
        #expect(report.preferences?.closingDate == "2026-10-31")
    }

    @Test("a payment dated on or before the closing date is refused with 3171 in QuickBooks' words and changes nothing",
          arguments: ["2026-11-20", "2026-12-31"])
    func refusesClosedPeriod(_ closing: String) async throws {
        let quickBooks = try acme()
        let date = try #require(QBDate(closing))
        await quickBooks.setClosingDate(date)
        let invoice = try await invoiceID("1009", in: quickBooks)
        let before = try #require(await quickBooks.invoice(invoice)?.balanceRemaining)
        let paymentsBefore = await quickBooks.payments().count
        let response = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "120.00", applying: [(invoice, "120.00")]),
                                         to: quickBooks)
        expectStatus(response, 3171, Self.closedMessage, severity: "Error")
        #expect(response.payments.isEmpty)
        #expect(await quickBooks.payments().count == paymentsBefore)
        #expect(await quickBooks.invoice(invoice)?.balanceRemaining == before)
    }

    @Test("a payment dated after the closing date posts")
    func acceptsOpenPeriod() async throws {
        let quickBooks = try acme()
        let closing = try #require(QBDate("2026-11-19"))
        await quickBooks.setClosingDate(closing)
        let invoice = try await invoiceID("1009", in: quickBooks)
        let response = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "120.00", applying: [(invoice, "120.00")]),
                                         to: quickBooks)
        expectStatus(response, 0)
        #expect(response.payments.count == 1)
    }
}
