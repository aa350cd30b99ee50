import Testing
import Triage
import QBBridgeTesting

@Suite("Checking an invoice before posting", .tagFilter)
struct PreflightTests {
    @Test("an open invoice whose balance covers the amount is posted", arguments: ["1500.00", "900.00"])
    func fitsIsPosted(_ balance: String) {
        let evidence = Evidence.applying("900.00", to: Evidence.invoice1043(balance: balance))
        #expect(Classifier.preflight(evidence) == .post)
    }

    @Test("an invoice paid by QBBridge's own earlier post is a duplicate: dismiss, never retry")
    func ownDuplicate() throws {
        let evidence = Evidence.applying(
            "1500.00", to: Evidence.invoice1043(balance: "0.00", isPaid: true, links: [Evidence.manualPayment5512]),
            own: [Evidence.manualPayment5512.txnID])
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a duplicate must not be posted")
            return
        }
        #expect(draft.category == .alreadyApplied)
        #expect(draft.title == "Payment already posted by QBBridge for invoice 1043")
        #expect(draft.summary.contains("which QBBridge itself posted earlier"))
        #expect(draft.actions == [.dismiss, .delete])
        #expect(draft.evidence.ownDuplicate == true)
    }

    @Test("a zero balance counts as paid even when QuickBooks' IsPaid flag is false")
    func zeroBalanceIsPaid() throws {
        let evidence = Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "0.00", links: [Evidence.creditMemo311]))
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a zero balance must not be posted to")
            return
        }
        #expect(draft.category == .alreadyApplied)
        #expect(draft.summary.contains("was already closed in QuickBooks by credit memo CM-311 on 2026-11-15 ($200.00)"))
    }

    @Test("a partial manual payment becomes amount_changed naming that payment")
    func partialManualPayment() throws {
        let partial = LinkedTransaction(
            txnType: "ReceivePayment", txnID: "1A50-1716000000", refNumber: "5600", txnDate: "2026-11-17",
            amount: Evidence.dollars("-500.00"))
        let evidence = Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "1000.00", links: [partial]))
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a partly paid invoice must not take the full amount")
            return
        }
        #expect(draft.category == .amountChanged)
        #expect(draft.summary.contains("Payment #5600 on 2026-11-17 ($500.00) already paid part of it in QuickBooks."))
    }

    @Test("with no linked change the invoice was edited: the summary gives its new total and date")
    func editedInvoice() throws {
        let evidence = Evidence.applying(
            "1500.00",
            to: Evidence.invoice1043(balance: "1404.00", subtotal: "1300.00", tax: "104.00", timeModified: "2026-11-19T10:02:11-08:00"))
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("an edited invoice below the amount must not be posted to")
            return
        }
        #expect(draft.category == .amountChanged)
        #expect(draft.summary.contains("the invoice itself was changed: its total is now $1,404.00 (subtotal $1,300.00 plus $104.00 sales tax), last changed on 2026-11-19."))
        #expect(draft.resolution[0].contains("its lines and sales tax"))
    }

    @Test("an invoice now under another customer is customer_missing naming both customers")
    func customerMismatch() throws {
        let holdings = ListReference(listID: "80000999-1700000000", fullName: "Acme Holdings")
        let evidence = Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "1500.00", customer: holdings))
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a payment must not pay another customer's invoice")
            return
        }
        #expect(draft.category == .customerMissing)
        #expect(draft.summary.contains("The payment is from Acme Supply, but invoice 1043 now belongs to Acme Holdings"))
    }

    @Test("an invoice in another A/R account is reference_missing naming both accounts")
    func arAccountMismatch() throws {
        let euro = ListReference(listID: "8000000C-1600000001", fullName: "Accounts Receivable - EUR")
        let evidence = Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "1500.00"), paymentARAccount: euro)
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("a payment must use the invoice's A/R account")
            return
        }
        #expect(draft.category == .referenceMissing)
        #expect(draft.summary.contains("“Accounts Receivable”, but the payment uses “Accounts Receivable - EUR”"))
        #expect(draft.evidence.objectType == "ar_account")
    }

    @Test("a 3210 refusal on an invoice whose balance still fits is unknown and retried once")
    func refusedButFits() throws {
        var input = StatusSample.synthetic[0].input
        input.preflight = Evidence.applying("250.00", to: Evidence.invoice1043(balance: "1500.00"))
        let draft = try #require(Classifier.classify(input))
        #expect(draft.category == .unknown)
        #expect(draft.retryPolicy == .once)
        #expect(draft.autoRecheck)
        #expect(draft.summary.contains("open balance of $1,500.00"))
    }

    @Test("1, 500 and 3120 on the check query mean the invoice is not there", arguments: [(1, true), (500, true), (3120, true), (0, false), (3210, false)])
    func notFoundCodes(_ code: Int, _ notFound: Bool) {
        #expect(Classifier.meansNotFound(statusCode: code) == notFound)
    }

    @Test("a 3210 on a two-invoice payment asks to check the invoice whose amount QuickBooks quotes")
    func followUpPicksQuotedAmount() throws {
        let sample = try #require(StatusSample.synthetic.first { $0.id == "S06a" })
        #expect(Classifier.invoicesToRecheck(after: sample.input) == ["1A41-1714700001"])
    }
}
