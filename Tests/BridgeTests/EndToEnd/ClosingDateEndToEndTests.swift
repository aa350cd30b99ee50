import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// The closing date end to end (issue 22, item 5): QuickBooks reports it in the host report's preferences and
/// refuses payments dated on or before it with 3171. The bridge holds such a payment back when the report
/// named the closing date, and records QuickBooks' 3171 the same way when it did not.
@Suite("The closing date end to end: simulated Web Connector and QuickBooks over HTTP", .tagFilter)
struct ClosingDateEndToEndTests {
    static let paymentDate = "2026-11-20"

    @Test("a payment dated on or before the closing date QuickBooks reports is held back as period_closed without being sent; moving the closing date and Retry posts it")
    func preflightCatchesKnownClosingDate() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 22)
            let closing = try #require(QBDate("2026-11-30"))
            await quickBooks.setClosingDate(closing)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("closed-known")
            let paymentsBefore = await quickBooks.payments().count

            await lab.sync()
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .periodClosed)
            #expect(failure.title == "The payment dated \(Self.paymentDate) is on or before the closing date 2026-11-30")
            #expect(failure.summary.contains("QBBridge did not send it"))
            #expect(failure.evidence.source == "preflight")
            #expect(failure.evidence.transactionDate == Self.paymentDate)
            #expect(failure.evidence.closingDate == "2026-11-30")
            #expect(failure.statusCode == nil)
            #expect(!failure.autoRecheck)
            #expect(failure.resolution.contains { $0.contains("Company → Set Closing Date") })
            #expect(await quickBooks.requests.contains { $0.name == "ReceivePaymentAddRq" } == false, "QuickBooks never saw the payment")
            #expect(await quickBooks.payments().count == paymentsBefore)

            // The admin moves the closing date back; Retry re-queues the payment and the next host report says so.
            let reopened = try #require(QBDate("2026-11-01"))
            await quickBooks.setClosingDate(reopened)
            let retried = try await bridge.api(.post, "/failures/\(failure.id)/retry", json: #"{"reason": "closing date moved to 2026-11-01"}"#)
            #expect(retried.status == .ok, "\(String(buffer: retried.body))")
            await lab.sync()
            let posted = try await lab.job(job)
            #expect(posted.status == .posted)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == .zero)
            #expect(await quickBooks.payments().count == paymentsBefore + 1)
        }
    }

    @Test("a closing date set after the host report makes QuickBooks refuse the payment with 3171, recorded as period_closed; the next report lets the pre-flight check hold it back")
    func quickBooksRefusalWhenClosingDateUnknown() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 23)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("closed-later")
            let paymentsBefore = await quickBooks.payments().count
            // An admin closes the books after the session's host report and the invoice check, just before the post.
            let closing = try #require(QBDate("2026-11-30"))
            await quickBooks.setBeforeApplying { [quickBooks] _ in
                await quickBooks.setBeforeApplying(nil)
                await quickBooks.setClosingDate(closing)
            }

            await lab.sync(maxSessions: 1)
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .periodClosed)
            #expect(failure.statusCode == 3171)
            #expect(failure.statusMessage?.contains("on or before the closing date of the company") == true)
            #expect(failure.title == "The payment dated \(Self.paymentDate) is on or before the company's closing date")
            #expect(failure.summary.contains("QuickBooks refused it (code 3171)"))
            #expect(failure.evidence.source == "request")
            #expect(failure.evidence.transactionDate == Self.paymentDate)
            #expect(failure.evidence.closingDate == nil, "the host report did not name it")
            #expect(failure.actions.contains(.retry))
            #expect(await quickBooks.requests.filter { $0.name == "ReceivePaymentAddRq" }.count == 1)
            #expect(await quickBooks.payments().count == paymentsBefore)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == open.balance)

            // Retry without moving the closing date: the next session's host report names it, so the payment is
            // held back before it is sent, and the record now names the closing date.
            let retried = try await bridge.api(.post, "/failures/\(failure.id)/retry", json: #"{"reason": "try again"}"#)
            #expect(retried.status == .ok, "\(String(buffer: retried.body))")
            await lab.sync()
            #expect(try await lab.job(job).status == .failed)
            let again = try #require(try await lab.failure(job))
            #expect(again.category == .periodClosed)
            #expect(again.evidence.source == "preflight")
            #expect(again.evidence.closingDate == "2026-11-30")
            #expect(again.title.contains("the closing date 2026-11-30"))
            #expect(await quickBooks.requests.filter { $0.name == "ReceivePaymentAddRq" }.count == 1, "not sent a second time")
        }
    }
}
