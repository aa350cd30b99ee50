extension Classifier {
    /// The draft for an invoice-check verdict; nil when the payment may be posted.
    ///
    /// With a `context` the payment was already sent and refused (a 3120/3210 with check
    /// evidence): the status travels with the draft, and `fits` becomes `unknown`, retried once.
    static func invoiceDraft(
        _ verdict: InvoiceVerdict, _ preflight: PreflightEvidence, context: RequestContext?
    ) -> FailureRecordDraft? {
        let facts = InvoiceFacts(preflight)
        let rejected = context != nil
        var evidence = context?.baseEvidence() ?? FailureEvidence()
        if context == nil { evidence.source = "preflight" }
        evidence.invoiceTxnID = preflight.invoiceTxnID
        evidence.invoiceRefNumber = facts.refNumber
        evidence.customerName = facts.customerName ?? evidence.customerName
        evidence.amountToApply = preflight.amountToApply
        evidence.invoice = preflight.invoice

        let category: FailureCategory
        let text: FailureText
        var actions: [FailureAction]?
        var retryPolicy: RetryPolicy??
        switch verdict {
        case .missing:
            category = .invoiceMissing
            evidence.candidate = preflight.candidate
            text = InvoiceTexts.missing(facts, candidate: preflight.candidate, rejected: rejected)
        case .alreadyPaid(let paidBy, let ownDuplicate):
            guard let invoice = preflight.invoice else { return nil }
            category = .alreadyApplied
            evidence.causes = paidBy
            evidence.ownDuplicate = ownDuplicate
            if ownDuplicate { actions = [.dismiss, .delete] }
            text = InvoiceTexts.alreadyPaid(
                facts, invoice: invoice, paidBy: paidBy, ownDuplicate: ownDuplicate,
                ownPaymentTxnIDs: preflight.ownPaymentTxnIDs)
        case .lowerBalance(let causes):
            guard let invoice = preflight.invoice else { return nil }
            category = .amountChanged
            evidence.causes = causes
            text = InvoiceTexts.lowerBalance(
                facts, invoice: invoice, causes: causes, ownPaymentTxnIDs: preflight.ownPaymentTxnIDs,
                rejected: rejected)
        case .customerMerged(let invoiceCustomer):
            category = .customerMissing
            evidence.paymentCustomer = preflight.paymentCustomer
            evidence.invoiceCustomer = invoiceCustomer
            evidence.paymentCustomerExists = false
            evidence.customerName = invoiceCustomer.fullName ?? evidence.customerName
            evidence.objectType = "Customer"
            evidence.objectID = preflight.paymentCustomer?.listID
            evidence.objectName = preflight.paymentCustomer?.fullName
            // Retry cannot help: the merged name is gone for good, so the payment must be resent for the new customer.
            actions = [.dismiss, .delete]
            text = InvoiceTexts.customerMerged(
                facts, invoiceCustomer: invoiceCustomer, paymentCustomer: preflight.paymentCustomer, rejected: rejected)
        case .customerMismatch(let invoiceCustomer):
            category = .customerMissing
            evidence.paymentCustomer = preflight.paymentCustomer
            evidence.invoiceCustomer = invoiceCustomer
            evidence.paymentCustomerExists = preflight.paymentCustomerExists
            text = InvoiceTexts.customerMismatch(
                facts, invoiceCustomer: invoiceCustomer, paymentCustomer: preflight.paymentCustomer, rejected: rejected)
        case .arAccountMismatch(let invoiceAccount):
            category = .referenceMissing
            evidence.objectType = ReferenceKind.arAccount.rawValue
            evidence.objectName = invoiceAccount.displayName
            text = InvoiceTexts.arAccountMismatch(
                facts, invoiceAccount: invoiceAccount, paymentAccount: preflight.paymentARAccount, rejected: rejected)
        case .fits:
            guard rejected, let invoice = preflight.invoice else { return nil }
            category = .unknown
            retryPolicy = .some(.once)
            text = InvoiceTexts.rejectedButFits(facts, invoice: invoice)
        }
        return draft(
            category, text, evidence: evidence, actions: actions, retryPolicy: retryPolicy,
            statusCode: context?.input.statusCode, statusMessage: context?.input.statusMessage)
    }
}
