import Bridge
import Foundation
import QBSimulator
import QBXML
import Store
import Domain
import Testing
import QBBridgeTesting

/// A rejected payment costs QuickBooks round trips only for what its classification reads: the invoices
/// are read again after a rejection only when Triage asks for them (docs/failure-catalogue.md, "Payments").
@Suite("Payment round trips: a rejection is read again only when its classification needs it", .tagFilter)
struct PaymentRoundTripTests {
    /// QuickBooks' own wording of a 3000 on a payment (the captured sample M06 of the Triage tests).
    static let invalidObjectID = QBXMLStatus(code: 3000, severity: "Error",
                                             message: "The given object ID \"-1\" in the field \"Transaction id\" is invalid")

    @Test("a payment rejected with 3000 is classified from the message alone: no invoice is read again")
    func invalidObjectIDCostsNoFollowUp() async throws {
        let session = try await Self.rejectedPayment(seed: 6) { quickBooks, _ in
            await quickBooks.answerNext("ReceivePaymentAddRq", with: Self.invalidObjectID)
        }
        #expect(session.roundTrips == 3, "company-file check, preflight, post")
        #expect(session.invoiceQueriesAfterThePost == 0)
        #expect(session.failure.category == .invalidRequest)
        #expect(session.failure.statusCode == 3000)
    }

    @Test("a payment rejected with 3120 for its invoice reads that invoice again, once, and becomes invoice_missing")
    func objectNotFoundCostsOneFollowUp() async throws {
        let session = try await Self.rejectedPayment(seed: 7) { quickBooks, invoice in
            await quickBooks.setBeforeApplying { [quickBooks] _ in
                await quickBooks.setBeforeApplying(nil)
                try? await quickBooks.deleteInvoice(invoice)
            }
        }
        #expect(session.roundTrips == 4, "company-file check, preflight, post, follow-up")
        #expect(session.invoiceQueriesAfterThePost == 1)
        #expect(session.failure.category == .invoiceMissing)
        #expect(session.failure.statusCode == 3120)
    }

    /// What one session did with a payment QuickBooks rejected.
    struct RejectedSession: Sendable {
        var roundTrips: Int
        /// The InvoiceQuery requests QuickBooks received after the ReceivePaymentAdd.
        var invoiceQueriesAfterThePost: Int
        var failure: FailureRecord
    }

    /// Queues a payment of an open invoice, lets `reject` arrange QuickBooks' rejection of its add, and runs
    /// one session to its end; the payment must end failed with a failure record.
    static func rejectedPayment(seed: UInt64, reject: @escaping @Sendable (FakeQuickBooks, TxnID) async -> Void,
                                sourceLocation: SourceLocation = #_sourceLocation) async throws -> RejectedSession {
        let session = try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: seed)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("rejected-\(seed)", sourceLocation: sourceLocation)
            await reject(quickBooks, open.txnID)
            let report = try #require(await lab.sync(maxSessions: 1, sourceLocation: sourceLocation).first, sourceLocation: sourceLocation)
            #expect(report.outcome == .completed, sourceLocation: sourceLocation)
            #expect(try await lab.job(job).status == .failed, sourceLocation: sourceLocation)
            let requests = await quickBooks.requests
            let post = try #require(requests.lastIndex { $0.name == "ReceivePaymentAddRq" }, sourceLocation: sourceLocation)
            return RejectedSession(roundTrips: report.roundTrips,
                                   invoiceQueriesAfterThePost: requests[(post + 1)...].filter { $0.name == "InvoiceQueryRq" }.count,
                                   failure: try #require(try await lab.failure(job), sourceLocation: sourceLocation))
        }
        return session
    }
}
