import Triage

/// Builders for check-query evidence used by the mission and preflight tests.
enum Evidence {
    static let acme = ListReference(listID: "80000456-1690000000", fullName: "Acme Supply")
    static let receivables = ListReference(listID: "8000000B-1600000000", fullName: "Accounts Receivable")

    static func dollars(_ text: String) -> Amount {
        guard let amount = Amount(text) else { preconditionFailure("bad test amount \(text)") }
        return amount
    }

    /// Invoice 1043 for Acme Supply, $1,500.00, as QuickBooks shows it with `balance` open.
    static func invoice1043(
        balance: String, isPaid: Bool = false, links: [LinkedTransaction] = [],
        subtotal: String = "1500.00", tax: String = "0.00", customer: ListReference = acme,
        timeModified: String = "2026-11-12T09:00:00-08:00"
    ) -> InvoiceSnapshot {
        InvoiceSnapshot(
            txnID: "1A2E-1714069000", refNumber: "1043", customer: customer, arAccount: receivables,
            txnDate: "2026-11-10", subtotal: dollars(subtotal), salesTaxTotal: dollars(tax),
            balanceRemaining: dollars(balance), isPaid: isPaid, timeModified: timeModified,
            linkedTransactions: links)
    }

    /// The evidence for applying `amount` to invoice 1043.
    static func applying(
        _ amount: String, to invoice: InvoiceSnapshot?, own: [String] = [], candidate: CandidateInvoice? = nil,
        paymentCustomer: ListReference = acme, paymentARAccount: ListReference? = receivables
    ) -> PreflightEvidence {
        PreflightEvidence(
            invoiceTxnID: "1A2E-1714069000", expectedRefNumber: "1043", invoice: invoice,
            amountToApply: dollars(amount), paymentCustomer: paymentCustomer, paymentARAccount: paymentARAccount,
            ownPaymentTxnIDs: own, candidate: candidate)
    }

    static let manualPayment5512 = LinkedTransaction(
        txnType: "ReceivePayment", txnID: "1A3B-1714665790", refNumber: "5512", txnDate: "2026-11-18",
        amount: dollars("-1500.00"))

    static let creditMemo311 = LinkedTransaction(
        txnType: "CreditMemo", txnID: "1A39-1714598400", refNumber: "CM-311", txnDate: "2026-11-15",
        amount: dollars("-200.00"))
}
