/// What the invoice check found, before texts are written.
enum InvoiceVerdict: Equatable {
    /// The check query found no invoice (1, 500 or 3120).
    case missing
    /// Paid or zero balance; `paidBy` are the links that closed it, `ownDuplicate` when all of
    /// its payments are QBBridge's own earlier posts.
    case alreadyPaid(paidBy: [LinkedTransaction], ownDuplicate: Bool)
    /// 0 < balance < amount; `causes` are the links that lowered it (empty: the invoice was edited).
    case lowerBalance(causes: [LinkedTransaction])
    /// The payment's customer no longer exists and the invoice belongs to `invoiceCustomer`: the
    /// customers were most likely merged (QuickBooks moves the invoices and removes the merged name).
    case customerMerged(invoiceCustomer: ListReference)
    /// The invoice now belongs to another customer than the payment's.
    case customerMismatch(invoiceCustomer: ListReference)
    /// The invoice uses another A/R account than the payment.
    case arAccountMismatch(invoiceAccount: ListReference)
    /// Balance covers the amount, same customer and A/R account.
    case fits
}

/// The decision rules of docs/failure-catalogue.md, "The invoice check", over one invoice, in order:
/// missing → customer merged away → already paid → balance too low → customer or A/R mismatch → fits.
/// A merged-away customer comes before the balance: no payment can be posted for a customer that no
/// longer exists, whatever the invoice's balance says.
enum InvoiceCheck {
    /// Evaluates one invoice against the amount we want to apply.
    static func evaluate(_ evidence: PreflightEvidence) -> InvoiceVerdict {
        guard let invoice = evidence.invoice else { return .missing }
        if evidence.paymentCustomerExists == false, let paymentCustomer = evidence.paymentCustomer,
           let invoiceCustomer = invoice.customer, paymentCustomer.differs(from: invoiceCustomer) {
            return .customerMerged(invoiceCustomer: invoiceCustomer)
        }
        let links = invoice.linkedTransactions
        if invoice.isPaid || invoice.balanceRemaining.cents <= 0 {
            let payments = links.filter(\.isPayment)
            let credits = links.filter(\.isCreditMemo)
            let paidBy = !payments.isEmpty ? payments : !credits.isEmpty ? credits : links
            let own = Set(evidence.ownPaymentTxnIDs)
            let ownDuplicate = !payments.isEmpty && payments.allSatisfy { own.contains($0.txnID) }
            return .alreadyPaid(paidBy: paidBy, ownDuplicate: ownDuplicate)
        }
        if invoice.balanceRemaining < evidence.amountToApply {
            return .lowerBalance(causes: links)
        }
        if let paymentCustomer = evidence.paymentCustomer, let invoiceCustomer = invoice.customer,
           paymentCustomer.differs(from: invoiceCustomer) {
            return .customerMismatch(invoiceCustomer: invoiceCustomer)
        }
        if let paymentAccount = evidence.paymentARAccount, let invoiceAccount = invoice.arAccount,
           paymentAccount.differs(from: invoiceAccount) {
            return .arAccountMismatch(invoiceAccount: invoiceAccount)
        }
        return .fits
    }
}
