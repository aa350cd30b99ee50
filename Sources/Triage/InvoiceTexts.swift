/// The texts of the three mission cases (already applied, amount changed, invoice missing) and
/// of the other invoice-check outcomes, naming the invoice, amounts, dates and the transaction
/// that explains them (docs/failure-catalogue.md, "The invoice check" and "Categories").
enum InvoiceTexts {
    /// Where the bookkeeper sees who paid or changed an invoice.
    private static func historyStep(_ facts: InvoiceFacts, showing what: String) -> String {
        "In QuickBooks, open \(facts.invoiceForCustomer) (Customers → Customer Center) and check its history (Reports tab → Transaction History) to see \(what)."
    }

    /// Ends a summary: whether QuickBooks refused the post or QBBridge held it back.
    private static func outcome(rejected: Bool) -> String {
        rejected ? "QuickBooks refused the payment." : "QBBridge did not post the payment."
    }

    /// (a) The invoice is already paid; `paidBy` closed it.
    static func alreadyPaid(
        _ facts: InvoiceFacts, invoice: InvoiceSnapshot, paidBy: [LinkedTransaction],
        ownDuplicate: Bool, ownPaymentTxnIDs: [String]
    ) -> FailureText {
        let named = Phrase.list(paidBy.map { link in
            Phrase.link(link) + (ownPaymentTxnIDs.contains(link.txnID) ? ", posted by QBBridge" : "")
        })
        let names = Phrase.list(paidBy.map(Phrase.linkName))
        if ownDuplicate {
            return FailureText(
                title: "Payment already posted by QBBridge for \(facts.invoice)",
                summary: "\(facts.capitalizedInvoice) was already paid by \(Phrase.list(paidBy.map(Phrase.link))), which QBBridge itself posted earlier. This is a second copy of the same payment; QBBridge did not post it, so nothing was paid twice.",
                resolution: [
                    "Nothing needs to change in QuickBooks: the payment is recorded once, as \(names).",
                    "Click Dismiss syncing to close this duplicate.",
                    "If duplicates keep appearing, ask the app that sends payments to reuse the same externalId whenever it sends the same payment again.",
                ])
        }
        let balance = invoice.balanceRemaining.displayText
        let credit = "a payment not applied to any invoice (a credit\(facts.customerName.map { " for \($0)" } ?? ""))"
        guard !paidBy.isEmpty, paidBy.allSatisfy(\.isPayment) else {
            let how = paidBy.isEmpty
                ? "is already marked paid in QuickBooks, although no payment or credit memo is linked to it (it may have been closed by a discount or a journal entry)"
                : "was already closed in QuickBooks by \(named)"
            let what = paidBy.isEmpty ? "whatever closed it" : names
            return FailureText(
                title: "\(facts.capitalizedInvoice) is already paid in QuickBooks",
                summary: "\(Phrase.sentenceCase(facts.invoiceForCustomer)) \(how). Its open balance is \(balance), so there is nothing left for this payment of \(facts.amountText) to pay. QBBridge did not post it.",
                resolution: [
                    historyStep(facts, showing: paidBy.isEmpty ? "how it was closed" : names),
                    "If \(what) was applied to \(facts.invoice) by mistake, remove it from the invoice in QuickBooks and click Retry.",
                    "If it is right, the customer owes nothing on \(facts.invoice): record this \(facts.amountText) in QuickBooks as \(credit) or refund it, then click Dismiss syncing.",
                ])
        }
        return FailureText(
            title: "\(facts.capitalizedInvoice) is already paid in QuickBooks",
            summary: "\(Phrase.sentenceCase(facts.invoiceForCustomer)) was already paid in QuickBooks by \(named). Its open balance is \(balance), so posting this payment of \(facts.amountText) would pay it twice. QBBridge did not post it.",
            resolution: [
                historyStep(facts, showing: names),
                "If \(names) is this same customer payment entered by hand, it is already recorded: click Dismiss syncing so QBBridge never posts it.",
                "If \(names) was entered by mistake, delete it in QuickBooks (open it, then Edit → Delete), and click Retry.",
                "If the customer really paid twice, do not retry: record the extra \(facts.amountText) in QuickBooks as \(credit) or refund it, then click Dismiss syncing.",
            ])
    }

    /// (b) The open balance is below the amount; `causes` lowered it (none: the invoice was edited).
    static func lowerBalance(
        _ facts: InvoiceFacts, invoice: InvoiceSnapshot, causes: [LinkedTransaction],
        ownPaymentTxnIDs: [String], rejected: Bool
    ) -> FailureText {
        let balance = invoice.balanceRemaining
        let amount = facts.amount ?? balance
        let excess = amount - balance
        let credits = causes.filter(\.isCreditMemo)
        let payments = causes.filter(\.isPayment)
        let ownPayments = payments.filter { ownPaymentTxnIDs.contains($0.txnID) }
        let otherPayments = payments.filter { !ownPaymentTxnIDs.contains($0.txnID) }
        let others = causes.filter { !$0.isCreditMemo && !$0.isPayment }
        var why: [String] = []
        if !credits.isEmpty {
            why.append("\(Phrase.sentenceCase(Phrase.list(credits.map(Phrase.link)))) \(credits.count == 1 ? "was" : "were") applied to it in QuickBooks and lowered the balance.")
        }
        if !otherPayments.isEmpty {
            why.append("\(Phrase.sentenceCase(Phrase.list(otherPayments.map(Phrase.link)))) already paid part of it in QuickBooks.")
        }
        if !ownPayments.isEmpty {
            why.append("QBBridge's own earlier \(Phrase.list(ownPayments.map(Phrase.link))) already paid part of it.")
        }
        if !others.isEmpty {
            why.append("\(Phrase.sentenceCase(Phrase.list(others.map(Phrase.link)))) also changed it.")
        }
        let checkWhat: String
        if causes.isEmpty {
            var edited = "No credit memo or payment is linked to it, so the invoice itself was changed"
            if let total = invoice.total, let subtotal = invoice.subtotal {
                let tax = invoice.salesTaxTotal.flatMap { $0.cents == 0 ? nil : " plus \($0.displayText) sales tax" } ?? ""
                edited += ": its total is now \(total.displayText) (subtotal \(subtotal.displayText)\(tax))"
            } else {
                edited += " (its lines or sales tax)"
            }
            if let modified = invoice.timeModified { edited += ", last changed on \(Phrase.day(modified))" }
            why.append(edited + ".")
            checkWhat = "its lines and sales tax"
        } else {
            checkWhat = Phrase.list(causes.map(Phrase.link))
        }
        let refusal = rejected
            ? "QuickBooks refused the payment as more than the amount due."
            : "QuickBooks would refuse it as more than the amount due, so QBBridge did not post it."
        return FailureText(
            title: "\(facts.capitalizedInvoice) has \(balance.displayText) left to pay, less than the payment's \(amount.displayText)",
            summary: "\(Phrase.sentenceCase(facts.invoiceForCustomer)) now has an open balance of \(balance.displayText), but this payment applies \(amount.displayText) to it. \(why.joined(separator: " ")) \(refusal)",
            resolution: [
                "In QuickBooks, open \(facts.invoiceForCustomer) and check \(checkWhat): is that change right for this invoice?",
                "If the change is right, the customer paid \(excess.displayText) more than they now owe on it: have the app that sent the payment apply \(balance.displayText) to \(facts.invoice) (the rest stays with the customer as a credit), then click Dismiss syncing on this one.",
                "If the change was a mistake, undo it in QuickBooks. QBBridge checks \(facts.invoice) again on every sync and posts the payment by itself once the open balance covers \(amount.displayText).",
                "Click Retry to check again right away.",
            ])
    }

    /// (b) without a check result: QuickBooks said 3210 "more than the amount due".
    static func overpaymentUnchecked(_ facts: InvoiceFacts) -> FailureText {
        FailureText(
            title: "Payment is more than \(facts.invoice)'s open balance",
            summary: "QuickBooks refused to apply \(facts.amountText) to \(facts.invoiceForCustomer) because that is more than the amount still due. The invoice was paid, credited or edited in QuickBooks after the customer paid. QBBridge checks the invoice again on the next sync to find out which, and posts the payment by itself once the balance covers it.",
            resolution: [
                "In QuickBooks, open \(facts.invoiceForCustomer) and compare its balance due with \(facts.amountText); look for a credit memo or another payment applied to it.",
                "If a credit or another payment is right, have the app that sent the payment apply only the open balance (the rest stays with the customer as a credit), then click Dismiss syncing on this one.",
                "If the invoice was changed by mistake, undo the change in QuickBooks; QBBridge posts the payment by itself on a later sync.",
                "Click Retry to check again right away.",
            ])
    }

    /// (c) The invoice's TxnID no longer exists; `candidate` may be its re-creation.
    static func missing(_ facts: InvoiceFacts, candidate: CandidateInvoice?, rejected: Bool) -> FailureText {
        let amountNote = facts.amount.map { " this \($0.displayText) payment" } ?? " the payment"
        let customerNote = facts.customerName.map { " for \($0)" } ?? ""
        var summary = "QuickBooks cannot find \(facts.invoice)\(customerNote) that\(amountNote) applies to: it was deleted, or deleted and re-created under a new ID."
        var steps = [
            "In QuickBooks, run Reports → Accountant & Taxes → Voided/Deleted Transactions Detail to see when \(facts.invoice) was deleted and by whom.",
        ]
        if let candidate {
            let described = describe(candidate)
            summary += " \(Phrase.sentenceCase(described)) looks like its re-creation."
            steps.append("If \(described) is the same sale, have the app that sent the payment send it again for that invoice\(candidate.refNumber == nil ? " (ID \(candidate.txnID))" : ""), then click Dismiss syncing on this one.")
        } else {
            steps.append("If the invoice was re-created, find the new one (Customer Center\(facts.customerName.map { " → \($0)" } ?? "") → Transactions → Invoices), have the app that sent the payment send it again for the new invoice, then click Dismiss syncing on this one.")
        }
        summary += rejected
            ? " QuickBooks refused the payment; QBBridge never moves a payment to another invoice by itself."
            : " QBBridge did not post the payment and never moves a payment to another invoice by itself."
        steps.append("If the invoice was deleted on purpose, decide whether to re-create it or to record the payment in QuickBooks as a credit\(facts.customerName.map { " for \($0)" } ?? ""), then click Dismiss syncing.")
        steps.append("Click Retry only if the invoice is back under its old ID (for example after restoring a backup).")
        return FailureText(
            title: "\(facts.capitalizedInvoice) no longer exists in QuickBooks",
            summary: summary,
            resolution: steps)
    }

    /// "invoice 1043 of 2026-11-19 ($1,500.00)".
    private static func describe(_ candidate: CandidateInvoice) -> String {
        var text = Phrase.invoice(candidate.refNumber, txnID: candidate.txnID)
        if let date = candidate.txnDate { text += " of \(date)" }
        if let amount = candidate.amount { text += " (\(amount.displayText))" }
        return text
    }

    /// The payment's customer no longer exists and its invoice belongs to `invoiceCustomer`: a merge.
    /// Nothing is posted to the other customer by QBBridge; the sending app resends the payment for it.
    static func customerMerged(
        _ facts: InvoiceFacts, invoiceCustomer: ListReference, paymentCustomer: ListReference?, rejected: Bool
    ) -> FailureText {
        let theirs = invoiceCustomer.readableName ?? "another customer"
        let gone = paymentCustomer?.readableName.map { "The payment is from \($0), a customer that no longer exists in QuickBooks" }
            ?? "The customer the payment names no longer exists in QuickBooks"
        let invoice = facts.refNumber.map { "invoice \($0)" } ?? "the invoice it applies to"
        return FailureText(
            title: "The payment's customer no longer exists in QuickBooks; \(invoice) now belongs to \(theirs)",
            summary: "\(gone), and \(invoice) now belongs to \(theirs): the customer was most likely merged into \(theirs). \(outcome(rejected: rejected)) QBBridge never posts a payment to another customer by itself.",
            resolution: [
                "In QuickBooks, open \(theirs) (Customers → Customer Center) and check that \(invoice) is the sale this payment is for.",
                "Have the app that sent the payment send it again for \(theirs), and update the customer it keeps for this payer so later payments name \(theirs) too.",
                "Then click Dismiss syncing on this one.",
            ])
    }

    /// The invoice now belongs to another customer than the payment's.
    static func customerMismatch(
        _ facts: InvoiceFacts, invoiceCustomer: ListReference, paymentCustomer: ListReference?, rejected: Bool
    ) -> FailureText {
        let theirs = invoiceCustomer.readableName ?? "another customer"
        let ours = paymentCustomer?.readableName ?? "the payment's customer"
        return FailureText(
            title: "\(facts.capitalizedInvoice) belongs to another customer now",
            summary: "The payment is from \(ours), but \(facts.invoice) now belongs to \(theirs) in QuickBooks: the invoice was moved to another customer, or the customers were merged. \(outcome(rejected: rejected))",
            resolution: [
                "In QuickBooks, open \(facts.invoice) and check its customer (\(theirs)).",
                "If the customers were merged or the invoice was moved on purpose, have the app that sent the payment send it again for \(theirs), then click Dismiss syncing on this one.",
                "If the invoice was moved by mistake, change its customer back to \(ours) in QuickBooks and click Retry.",
            ])
    }

    /// The invoice uses another A/R account than the payment; QuickBooks requires them to match.
    static func arAccountMismatch(
        _ facts: InvoiceFacts, invoiceAccount: ListReference, paymentAccount: ListReference?, rejected: Bool
    ) -> FailureText {
        let theirs = invoiceAccount.readableName.map(Phrase.quoted) ?? "another A/R account"
        let ours = paymentAccount?.readableName.map(Phrase.quoted) ?? "a different A/R account"
        return FailureText(
            title: "\(facts.capitalizedInvoice) uses a different A/R account than the payment",
            summary: "\(facts.capitalizedInvoice) is in the A/R account \(theirs), but the payment uses \(ours). QuickBooks only lets a payment pay invoices in its own A/R account. \(outcome(rejected: rejected))",
            resolution: [
                "In QuickBooks, open \(facts.invoice) and check the A/R Account field at the top.",
                "If the invoice is in the right account, change the A/R account QBBridge (or the sending app) uses for this customer's payments to \(theirs); if not, move the invoice to \(ours) in QuickBooks.",
                "Click Retry.",
            ])
    }

    /// QuickBooks refused the payment as too much, yet the invoice check shows it fits.
    static func rejectedButFits(_ facts: InvoiceFacts, invoice: InvoiceSnapshot) -> FailureText {
        FailureText(
            title: "QuickBooks refused the payment on \(facts.invoice) although its balance covers it",
            summary: "QuickBooks refused to apply \(facts.amountText) to \(facts.invoiceForCustomer) as more than the amount due, but the invoice still shows an open balance of \(invoice.balanceRemaining.displayText) for the same customer and A/R account. It may have been changing at that moment; QBBridge tries once more by itself in 5 minutes.",
            resolution: [
                "Nothing to do yet: QBBridge tries once more by itself.",
                "If it fails again, make sure nobody has \(facts.invoice) or a Receive Payments window open with unsaved changes in QuickBooks, then click Retry.",
                "If it still fails, send the code and message shown here to your QBBridge administrator.",
            ])
    }
}
