import Bridge
import Foundation
import HummingbirdTesting
import Domain
import Store
import Testing
import Triage
import QBBridgeTesting

@Suite("Failure records: lifecycle through the API, health and the 10% alert", .tagFilter)
struct FailureLifecycleTests {
    /// Queues a payment through the API and fails it with a classifier draft, as the pipeline would.
    static func failedPayment(_ bridge: RunningBridge, company: Company, externalId: String, category: FailureCategory = .amountChanged) async throws -> (Job, FailureID) {
        let response = try await bridge.api(.post, "/companies/\(company.id)/payments", json: PaymentAPITests.body(externalId: externalId))
        let id = try #require(try PaymentAPITests.json(response)["id"] as? String)
        var job = try #require(try await bridge.store.jobs.find(JobID(id)))
        let draft: FailureRecordDraft
        switch category {
        case .amountChanged:
            let invoice = InvoiceSnapshot(txnID: "1A2B-1700000000", refNumber: "1043", balanceRemaining: Amount(cents: 120_000), isPaid: false,
                                          linkedTransactions: [LinkedTransaction(txnType: "CreditMemo", txnID: "CM-1", refNumber: "CM-17", amount: Amount(cents: -30_000))])
            guard case .fail(let made) = Classifier.preflight(PreflightEvidence(invoiceTxnID: "1A2B-1700000000", invoice: invoice, amountToApply: Amount(cents: 150_000))) else {
                Issue.record("expected amount_changed")
                throw CancellationError()
            }
            draft = made
        default:
            draft = try #require(Classifier.classify(RequestFailureInput(requestKind: "ReceivePaymentAdd", statusCode: 3140, statusSeverity: "Error",
                statusMessage: "There is an invalid reference to QuickBooks Customer \"Jasmine Desai\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")))
        }
        job.status = .failed
        job.nextAttemptAt = draft.autoRecheck ? .now : nil
        try await bridge.store.jobs.save(job, activity: nil, failure: .open(NewFailure(draft, companyID: company.id, jobID: job.id)))
        let failure = try #require(try await bridge.store.failures.open(forJob: job.id))
        return (job, failure.id)
    }

    @Test("a failed payment embeds its open failure with summary, evidence, steps and actions")
    func embedded() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let (job, failureID) = try await Self.failedPayment(bridge, company: company, externalId: "a")
            let payment = try PaymentAPITests.json(try await bridge.api(.get, "/payments/\(job.id)"))
            #expect(payment["status"] as? String == "failed")
            let failure = try #require(payment["failure"] as? [String: Any])
            #expect(failure["id"] as? String == failureID.rawValue)
            #expect(failure["category"] as? String == "amount_changed")
            #expect((failure["summary"] as? String)?.contains("1043") == true)
            #expect((failure["resolution"] as? [String])?.isEmpty == false)
            #expect((failure["actions"] as? [String])?.contains("dismiss") == true)
            #expect(failure["autoRecheck"] as? Bool == true)
            #expect((failure["evidence"] as? [String: Any])?["invoice"] != nil)
        }
    }

    @Test("dismiss needs a reason (422), then the job is never sent; a dismissed record refuses retry (409)")
    func dismissAndRetry() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let (job, failureID) = try await Self.failedPayment(bridge, company: company, externalId: "b")
            let noReason = try await bridge.api(.post, "/failures/\(failureID)/dismiss", json: #"{"reason": "  "}"#)
            #expect(noReason.status == .unprocessableContent)
            let empty = try await bridge.api(.post, "/failures/\(failureID)/dismiss")
            #expect(empty.status == .unprocessableContent)
            let dismissed = try await bridge.api(.post, "/failures/\(failureID)/dismiss", json: #"{"reason": "customer credited by check"}"#)
            #expect(dismissed.status == .ok)
            #expect(try PaymentAPITests.json(dismissed)["status"] as? String == "dismissed")
            #expect(try await bridge.store.jobs.find(job.id)?.status == .dismissed)
            #expect(try await bridge.store.jobs.pendingCount(companyID: company.id, upTo: 10) == 0)
            let retry = try await bridge.api(.post, "/failures/\(failureID)/retry")
            #expect(retry.status == .conflict)
            #expect(String(buffer: retry.body).contains("applies only to open failures"))
            let log = try await bridge.store.activity.list(companyID: company.id)
            #expect(log.contains { $0.action == "failure.dismissed" && $0.detail.contains("customer credited by check") && $0.actor == "api:test" })
        }
    }

    @Test("retry re-queues the job now; delete hides the record from default lists but keeps it in the log")
    func retryAndDelete() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let (job, failureID) = try await Self.failedPayment(bridge, company: company, externalId: "c", category: .customerMissing)
            let retried = try await bridge.api(.post, "/failures/\(failureID)/retry")
            #expect(retried.status == .ok)
            #expect(try await bridge.store.jobs.find(job.id)?.status == .queued)
            let deleted = try await bridge.api(.post, "/failures/\(failureID)/delete", json: #"{"reason": "duplicate of another record"}"#)
            #expect(deleted.status == .ok)
            let again = try await bridge.api(.post, "/failures/\(failureID)/delete")
            #expect(again.status == .conflict)
            let open = try PaymentAPITests.json(try await bridge.api(.get, "/failures?companyId=\(company.id)&status=open"))
            #expect((open["failures"] as? [Any])?.isEmpty == true)
            let all = try PaymentAPITests.json(try await bridge.api(.get, "/failures?companyId=\(company.id)"))
            #expect((all["failures"] as? [[String: Any]])?.first?["status"] as? String == "deleted")
            #expect(try await bridge.store.activity.list(companyID: company.id).contains { $0.action == "failure.deleted" })
        }
    }

    @Test("the failure-rate alert is raised at 3 failing of 20 payments and not at 1 of 20", arguments: [(3, true), (1, false)])
    func rateAlert(failing: Int, alert: Bool) async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            for index in 0..<failing { _ = try await Self.failedPayment(bridge, company: company, externalId: "f\(index)") }
            for index in failing..<20 {
                _ = try await bridge.api(.post, "/companies/\(company.id)/payments", json: PaymentAPITests.body(externalId: "ok\(index)"))
            }
            let health = try PaymentAPITests.json(try await bridge.api(.get, "/companies/\(company.id)/health"))
            let rate = try #require(health["failureRate"] as? [String: Any])
            #expect(rate["payments"] as? Int == 20)
            #expect(rate["failed"] as? Int == failing)
            let raised = health["alert"] as? [String: Any]
            #expect(((raised?["message"] as? String)?.contains("10% alert level") ?? false) == alert)
            if alert {
                #expect((raised?["topCategories"] as? [[String: Any]])?.first?["category"] as? String == "amount_changed")
                #expect((raised?["whatToCheck"] as? [String])?.isEmpty == false)
            }
        }
    }

    @Test("fewer than 10 payments never raise the rate alert")
    func smallSample() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            for index in 0..<3 { _ = try await Self.failedPayment(bridge, company: company, externalId: "s\(index)") }
            let health = try PaymentAPITests.json(try await bridge.api(.get, "/companies/\(company.id)/health"))
            #expect(((health["alert"] as? [String: Any])?["message"] as? String)?.contains("10% alert") != true)
        }
    }
}
