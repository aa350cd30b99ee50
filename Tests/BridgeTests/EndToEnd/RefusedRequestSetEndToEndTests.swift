import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// QuickBooks refusing a whole request set (issue 22, item 4): receiveResponseXML carries an HRESULT instead of
/// a response, and QuickBooks processed none of the set. When the set itself was at fault, the jobs in it fail
/// with their own records; when QuickBooks was only busy, they are sent again by themselves.
@Suite("A refused request set end to end", .tagFilter)
struct RefusedRequestSetEndToEndTests {
    @Test("a payment set QuickBooks cannot parse (0x80040400) fails each payment with its own record naming the HRESULT and the element; it is not sent again until Retry")
    func parseErrorFailsThePayments() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 20, seed: 41)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("refused-1")
            await quickBooks.refuseNextDocument(containing: "ReceivePaymentAddRq", with: .parseError)

            _ = await lab.webConnector.runUntilIdle(maxSessions: 3)
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.jobID == job)
            #expect(failure.category == .invalidRequest)
            #expect(failure.hresult == "0x80040400")
            #expect(failure.evidence.requestKind == "ReceivePaymentAddRq")
            #expect(failure.summary.contains("refused the whole request set"))
            #expect(failure.actions.contains(.retry))
            #expect(!failure.autoRecheck)
            let company = try #require(try await bridge.store.companies.find(lab.company.id))
            #expect(company.connectionProblem == nil, "a refusal caused by the request is the payment's, not the connection's")
            let payment = try PaymentAPITests.json(try await bridge.api(.get, "/payments/\(job.rawValue)"))
            #expect((payment["failure"] as? [String: Any])?["category"] as? String == "invalid_request")

            // The next syncs do not send it again: it would be refused the same way.
            let sentBefore = await quickBooks.requests.filter { $0.name == "ReceivePaymentAddRq" }.count
            _ = await lab.webConnector.runUntilIdle(maxSessions: 2)
            #expect(await quickBooks.requests.filter { $0.name == "ReceivePaymentAddRq" }.count == sentBefore)
            #expect(try await lab.job(job).status == .failed)

            // After a fix, Retry sends it once more and it posts.
            let retried = try await bridge.api(.post, "/failures/\(failure.id)/retry", json: #"{"reason": "request corrected"}"#)
            #expect(retried.status == .ok, "\(String(buffer: retried.body))")
            await lab.sync()
            #expect(try await lab.job(job).status == .posted)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == .zero)
        }
    }

    @Test("a raw request whose set QuickBooks cannot parse fails with the HRESULT as its answer and a record with the element")
    func parseErrorFailsTheRawRequest() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 5, seed: 42)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let queued = try await bridge.api(.post, "/companies/\(lab.company.id)/requests",
                                              json: #"{"qbxml": "<CustomerQueryRq requestID=\"r-1\"><MaxReturned>2</MaxReturned></CustomerQueryRq>"}"#)
            let id = try #require(try PaymentAPITests.json(queued)["id"] as? String)
            await quickBooks.refuseNextDocument(containing: "CustomerQueryRq", with: .parseError)

            _ = await lab.webConnector.runUntilIdle(maxSessions: 3)
            let answer = try PaymentAPITests.json(try await bridge.api(.get, "/requests/\(id)"))
            #expect(answer["status"] as? String == "failed")
            let failure = try #require(try await bridge.store.failures.open(forJob: JobID(id)))
            #expect(failure.category == .invalidRequest)
            #expect(failure.evidence.requestKind == "CustomerQueryRq")
            #expect(failure.hresult == "0x80040400")
            #expect(await quickBooks.requests.filter { $0.name == "CustomerQueryRq" }.isEmpty, "QuickBooks ran none of it")
        }
    }

    @Test("a set refused because QuickBooks was busy (0x8004041B) fails no payment: it is sent again by itself and posts once")
    func busyRefusalRetriesByItself() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 20, seed: 43)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("busy-1")
            await quickBooks.refuseNextDocument(containing: "ReceivePaymentAddRq", with: .unableToLock)

            let refused = await lab.webConnector.runUntilIdle(maxSessions: 1)
            #expect(refused.first?.outcome == .endedWithError)
            #expect([.queued, .uncertain].contains(try await lab.job(job).status), "given back to the queue, not failed")
            #expect(try await lab.failure(job) == nil)

            // The next scheduled sync sends it again by itself.
            await lab.sync()
            #expect(try await lab.job(job).status == .posted)
            #expect(try await lab.failure(job) == nil)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == .zero)
            #expect(await quickBooks.payments().filter { $0.memo?.contains("busy-1") == true }.count <= 1)
        }
    }
}
