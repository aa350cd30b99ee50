extension Classifier {
    /// A payment that names no invoice, whose customer QuickBooks no longer knows: the query for its open
    /// invoices (filtered by that customer's ListID or full name) answered "not found" (500 or 3120). The
    /// customer was merged into another, renamed or deleted; applying the money to the open invoices of
    /// nobody is not `amount_changed` (docs/failure-catalogue.md, "The invoice check").
    public static func paymentCustomerNotFound(
        _ customer: ListReference, amount: Amount, statusCode: Int, statusMessage: String
    ) -> FailureRecordDraft {
        let message = StatusMessage(raw: statusMessage)
        var evidence = FailureEvidence()
        evidence.source = "preflight"
        evidence.requestKind = "InvoiceQuery"
        evidence.message = message.text.isEmpty ? nil : message.text
        evidence.objectType = "Customer"
        evidence.objectID = customer.listID
        evidence.objectName = customer.fullName
        evidence.customerName = customer.displayName
        evidence.paymentCustomer = customer
        evidence.paymentCustomerExists = false
        evidence.amountToApply = amount
        let text = CustomerTexts.paymentCustomerGone(customer, amount: amount)
        return draft(.customerMissing, text, evidence: evidence, statusCode: statusCode, statusMessage: statusMessage)
    }
}

/// Texts about the payment's customer itself; they name it, never by its bare ListID.
enum CustomerTexts {
    /// The customer a payment without invoices names is gone from QuickBooks.
    static func paymentCustomerGone(_ customer: ListReference, amount: Amount) -> FailureText {
        let named = customer.readableName.map { "the customer \(Phrase.quoted($0))" } ?? "the customer the payment names"
        let search = customer.readableName.map { " and search for \(Phrase.quoted($0))" } ?? ""
        return FailureText(
            title: "\(Phrase.sentenceCase(named)) no longer exists in QuickBooks",
            summary: "This \(amount.displayText) payment names no invoice, so QBBridge looked for the open invoices of \(named), but QuickBooks no longer knows that customer: it was most likely merged into another customer, renamed or deleted. QBBridge did not post the payment and never posts a payment to another customer by itself.",
            resolution: [
                "In QuickBooks, open Customers → Customer Center, set View to All Customers (so inactive ones show)\(search), and find the customer this payer is now (after a merge, the one whose invoices it took over).",
                "Have the app that sent the payment send it again for that customer, and update the customer it keeps for this payer so later payments name it too.",
                "Then click Dismiss syncing on this one.",
            ])
    }
}
