import Testing
import Triage
import QBBridgeTesting

@Suite("The three mission cases", .tagFilter)
struct MissionCaseTests {
    @Test("a payment on an invoice already paid by hand becomes already_applied naming that payment")
    func alreadyAppliedByManualPayment() throws {
        let evidence = Evidence.applying(
            "1500.00", to: Evidence.invoice1043(balance: "0.00", isPaid: true, links: [Evidence.manualPayment5512]))
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a paid invoice must not be posted to")
            return
        }
        #expect(draft.category == .alreadyApplied)
        #expect(draft.title == "Invoice 1043 is already paid in QuickBooks")
        #expect(draft.summary.contains("Invoice 1043 for Acme Supply was already paid in QuickBooks by payment #5512 on 2026-11-18 ($1,500.00)."))
        #expect(draft.summary.contains("would pay it twice"))
        #expect(draft.resolution.contains { $0.contains("click Dismiss syncing") && $0.contains("payment #5512") })
        #expect(draft.resolution.contains { $0.contains("Edit → Delete") && $0.contains("Retry") })
        #expect(draft.actions.first == .dismiss)
        #expect(draft.autoRecheck == false)
        #expect(draft.evidence.causes == [Evidence.manualPayment5512])
        #expect(draft.evidence.ownDuplicate == false)
        #expect(draft.evidence.source == "preflight")
        #expect(draft.statusCode == nil)
    }

    @Test("the 3210 refusal plus a paid invoice in the follow-up (S04) is already_applied, not amount_changed")
    func alreadyAppliedAfterRefusal() throws {
        let payment = LinkedTransaction(
            txnType: "ReceivePayment", txnID: "1A3B-1714665790", refNumber: "CHK 8812", txnDate: "2024-05-02",
            amount: Evidence.dollars("-250.00"))
        let invoice = InvoiceSnapshot(
            txnID: "1A2E-1714069000", refNumber: "10455", customer: Evidence.acme, subtotal: Evidence.dollars("250.00"),
            appliedAmount: Evidence.dollars("-250.00"), balanceRemaining: Evidence.dollars("0.00"), isPaid: true,
            linkedTransactions: [payment])
        let input = RequestFailureInput(
            requestKind: "ReceivePaymentAdd", statusCode: 3210, statusSeverity: "Error",
            statusMessage: StatusSample.synthetic[0].message,
            applications: [AppliedInvoice(txnID: "1A2E-1714069000", refNumber: "10455", amount: Evidence.dollars("250.00"))],
            preflight: PreflightEvidence(
                invoiceTxnID: "1A2E-1714069000", invoice: invoice, amountToApply: Evidence.dollars("250.00"),
                paymentCustomer: Evidence.acme))
        let draft = try #require(Classifier.classify(input))
        #expect(draft.category == .alreadyApplied)
        #expect(draft.summary.contains("payment CHK 8812 on 2024-05-02 ($250.00)"))
        #expect(draft.statusCode == 3210)
        #expect(draft.evidence.field == "AppliedToTxnAdd payment amount")
    }

    @Test("a credit memo that lowered the balance becomes amount_changed naming the memo and the amounts")
    func amountChangedByCreditMemo() throws {
        let evidence = Evidence.applying(
            "1500.00", to: Evidence.invoice1043(balance: "1300.00", links: [Evidence.creditMemo311]))
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a payment above the open balance must not be posted")
            return
        }
        #expect(draft.category == .amountChanged)
        #expect(draft.title.contains("Invoice 1043 has $1,300.00 left to pay"))
        #expect(draft.summary.contains("open balance of $1,300.00, but this payment applies $1,500.00"))
        #expect(draft.summary.contains("Credit memo CM-311 on 2026-11-15 ($200.00) was applied to it in QuickBooks"))
        #expect(draft.resolution.contains { $0.contains("paid $200.00 more than they now owe") && $0.contains("apply $1,300.00") })
        #expect(draft.resolution.contains { $0.contains("posts the payment by itself") })
        #expect(draft.autoRecheck)
        #expect(draft.retryPolicy == .everySync)
        #expect(draft.actions.first == .retry)
    }

    @Test("the S05 follow-up explains the S01 refusal as the credit memo CM-311")
    func syntheticCreditMemoFollowUp() throws {
        let memo = LinkedTransaction(
            txnType: "CreditMemo", txnID: "1A39-1714598400", refNumber: "CM-311", txnDate: "2024-05-01",
            amount: Evidence.dollars("-40.00"))
        let invoice = InvoiceSnapshot(
            txnID: "1A2E-1714069000", refNumber: "10455", customer: Evidence.acme, subtotal: Evidence.dollars("250.00"),
            balanceRemaining: Evidence.dollars("210.00"), isPaid: false, linkedTransactions: [memo])
        var input = StatusSample.synthetic[0].input
        input.preflight = PreflightEvidence(
            invoiceTxnID: "1A2E-1714069000", invoice: invoice, amountToApply: Evidence.dollars("250.00"))
        let draft = try #require(Classifier.classify(input))
        #expect(draft.category == .amountChanged)
        #expect(draft.summary.contains("Invoice 10455 for Acme Supply now has an open balance of $210.00, but this payment applies $250.00"))
        #expect(draft.summary.contains("credit memo CM-311".capitalizedFirst))
        #expect(draft.summary.hasSuffix("QuickBooks refused the payment as more than the amount due."))
    }

    @Test("a deleted invoice with a likely re-creation becomes invoice_missing showing the candidate, never moving the payment")
    func invoiceMissingWithCandidate() throws {
        let candidate = CandidateInvoice(
            txnID: "1B77-1716000000", refNumber: "1043", amount: Evidence.dollars("1500.00"), txnDate: "2026-11-19")
        let evidence = Evidence.applying("1500.00", to: nil, candidate: candidate)
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a missing invoice must not be posted to")
            return
        }
        #expect(draft.category == .invoiceMissing)
        #expect(draft.title == "Invoice 1043 no longer exists in QuickBooks")
        #expect(draft.summary.contains("QuickBooks cannot find invoice 1043 for Acme Supply that this $1,500.00 payment applies to"))
        #expect(draft.summary.contains("Invoice 1043 of 2026-11-19 ($1,500.00) looks like its re-creation."))
        #expect(draft.summary.contains("never moves a payment to another invoice by itself"))
        #expect(draft.resolution.contains { $0.contains("If invoice 1043 of 2026-11-19 ($1,500.00) is the same sale") })
        #expect(!draft.resolution.contains { $0.contains("1B77-1716000000") }, "named by its number; the TxnID stays in the evidence")
        #expect(draft.evidence.candidate == candidate)
        #expect(draft.autoRecheck == false)
    }

    @Test("the 3120 of S02 with an empty follow-up is invoice_missing and keeps the status")
    func invoiceMissingAfterRefusal() throws {
        var input = StatusSample.synthetic[1].input
        input.preflight = PreflightEvidence(
            invoiceTxnID: "1A2F-1714070000", expectedRefNumber: "10456", invoice: nil,
            amountToApply: Evidence.dollars("120.00"),
            candidate: CandidateInvoice(txnID: "1C00-1716500000", refNumber: "10456-R", amount: Evidence.dollars("120.00")))
        let draft = try #require(Classifier.classify(input))
        #expect(draft.category == .invoiceMissing)
        #expect(draft.statusCode == 3120)
        #expect(draft.summary.contains("invoice 10456-R ($120.00)".capitalizedFirst))
        #expect(draft.summary.contains("QuickBooks refused the payment; QBBridge never moves a payment to another invoice by itself."))
    }
}

extension String {
    /// "credit memo CM-311" → "Credit memo CM-311", as at the start of a sentence.
    var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
