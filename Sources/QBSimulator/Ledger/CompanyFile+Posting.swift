import QBXML

/// The accounting of payments, credits and deletions: every change touches both sides of a link
/// (the invoice's `LinkedTxn` and the payment's or memo's application) and stamps what it modified,
/// so balances, links and TimeModified always agree.
extension CompanyFile {
    /// Stores a payment built by the caller and links it to every invoice (and credit) it applies to.
    /// The caller has checked the amounts.
    mutating func record(_ payment: SimPayment, at stamp: Stamp) {
        payments[payment.txnID] = payment
        paymentOrder.append(payment.txnID)
        link(payment, at: stamp)
    }

    /// Replaces a payment's fields and applications (a ReceivePaymentMod), relinking the invoices.
    mutating func rewrite(_ payment: SimPayment, at stamp: Stamp) {
        guard let old = payments[payment.txnID] else { return }
        unlink(old, at: stamp)
        payments[payment.txnID] = payment
        link(payment, at: stamp)
    }

    /// Deletes a payment and reverses everything it did: its invoice links and the credits it applied.
    @discardableResult
    mutating func removePayment(_ id: TxnID, at stamp: Stamp) -> SimPayment? {
        guard let payment = payments.removeValue(forKey: id) else { return nil }
        paymentOrder.removeAll { $0 == id }
        unlink(payment, at: stamp)
        return payment
    }

    private mutating func link(_ payment: SimPayment, at stamp: Stamp) {
        for application in payment.applications {
            for credit in application.credits {
                applyCredit(memo: credit.memo, to: application.invoice, amount: credit.amount, viaPayment: payment.txnID,
                            date: payment.txnDate, at: stamp)
            }
            guard application.amount.isPositive || application.discount.isPositive else { continue }
            touchInvoice(application.invoice, at: stamp) { invoice in
                invoice.links.append(SimLink(kind: .payment, txnID: payment.txnID, txnDate: payment.txnDate,
                                             refNumber: payment.refNumber, amount: application.amount, discount: application.discount))
            }
        }
    }

    private mutating func unlink(_ payment: SimPayment, at stamp: Stamp) {
        for application in payment.applications {
            touchInvoice(application.invoice, at: stamp) { $0.links.removeAll { $0.kind == .payment && $0.txnID == payment.txnID } }
            for credit in application.credits {
                unapplyCredit(memo: credit.memo, from: application.invoice, viaPayment: payment.txnID, at: stamp)
            }
        }
    }

    /// Links part of a credit memo to an invoice (both sides).
    mutating func applyCredit(memo: TxnID, to invoice: TxnID, amount: Money, viaPayment: TxnID?, date: QBDate, at stamp: Stamp) {
        guard var record = creditMemos[memo] else { return }
        record.applications.append(SimCreditApplication(invoice: invoice, amount: amount, txnDate: date, viaPayment: viaPayment))
        record.modified = stamp
        record.editSequence = stamp.editSequence(after: record.editSequence)
        creditMemos[memo] = record
        let link = SimLink(kind: .creditMemo, txnID: memo, txnDate: record.txnDate, refNumber: record.refNumber,
                           amount: amount, discount: .zero)
        touchInvoice(invoice, at: stamp) { $0.links.append(link) }
    }

    /// Removes a credit memo's applications to an invoice (only those made through `viaPayment`, when given).
    mutating func unapplyCredit(memo: TxnID, from invoice: TxnID, viaPayment: TxnID? = nil, at stamp: Stamp) {
        if var record = creditMemos[memo] {
            record.applications.removeAll { $0.invoice == invoice && (viaPayment == nil || $0.viaPayment == viaPayment) }
            record.modified = stamp
            record.editSequence = stamp.editSequence(after: record.editSequence)
            creditMemos[memo] = record
        }
        let record = creditMemos[memo]
        let remaining = record?.applications.filter { $0.invoice == invoice } ?? []
        touchInvoice(invoice, at: stamp) { invoice in
            invoice.links.removeAll { $0.kind == .creditMemo && $0.txnID == memo }
            for application in remaining {
                invoice.links.append(SimLink(kind: .creditMemo, txnID: memo, txnDate: record?.txnDate ?? application.txnDate,
                                             refNumber: record?.refNumber, amount: application.amount, discount: .zero))
            }
        }
    }

    /// Deletes an invoice. Payments applied to it keep their money as unused payment and credits
    /// applied to it return to their memos, as when a bookkeeper deletes an invoice in QuickBooks.
    @discardableResult
    mutating func removeInvoice(_ id: TxnID, at stamp: Stamp) -> SimInvoice? {
        guard let invoice = invoices.removeValue(forKey: id) else { return nil }
        invoiceOrder.removeAll { $0 == id }
        for link in invoice.links {
            switch link.kind {
            case .payment:
                guard var payment = payments[link.txnID] else { continue }
                payment.applications.removeAll { $0.invoice == id }
                payment.modified = stamp
                payment.editSequence = stamp.editSequence(after: payment.editSequence)
                payments[link.txnID] = payment
            case .creditMemo:
                guard var memo = creditMemos[link.txnID] else { continue }
                memo.applications.removeAll { $0.invoice == id }
                memo.modified = stamp
                memo.editSequence = stamp.editSequence(after: memo.editSequence)
                creditMemos[link.txnID] = memo
            }
        }
        return invoice
    }

    /// Deletes a credit memo and takes back every credit it gave.
    @discardableResult
    mutating func removeCreditMemo(_ id: TxnID, at stamp: Stamp) -> SimCreditMemo? {
        guard let memo = creditMemos.removeValue(forKey: id) else { return nil }
        creditMemoOrder.removeAll { $0 == id }
        for invoice in Set(memo.applications.map(\.invoice)) {
            touchInvoice(invoice, at: stamp) { $0.links.removeAll { $0.kind == .creditMemo && $0.txnID == id } }
        }
        for paymentID in Set(memo.applications.compactMap(\.viaPayment)) {
            guard var payment = payments[paymentID] else { continue }
            for index in payment.applications.indices { payment.applications[index].credits.removeAll { $0.memo == id } }
            payments[paymentID] = payment
        }
        return memo
    }

    /// Changes an invoice and records the modification (TimeModified, EditSequence).
    mutating func touchInvoice(_ id: TxnID, at stamp: Stamp, _ change: (inout SimInvoice) -> Void) {
        guard var invoice = invoices[id] else { return }
        change(&invoice)
        invoice.modified = stamp
        invoice.editSequence = stamp.editSequence(after: invoice.editSequence)
        invoices[id] = invoice
    }

    /// Moves every transaction of one customer to another (a merge in QuickBooks), then removes it.
    /// The caller makes sure the customer has no jobs.
    mutating func mergeCustomer(_ from: ListID, into target: ListID, at stamp: Stamp) {
        for id in invoiceOrder where invoices[id]?.customer == from {
            touchInvoice(id, at: stamp) { $0.customer = target }
        }
        for id in creditMemoOrder where creditMemos[id]?.customer == from {
            creditMemos[id]?.customer = target
            creditMemos[id]?.modified = stamp
        }
        for id in paymentOrder where payments[id]?.customer == from {
            payments[id]?.customer = target
            payments[id]?.modified = stamp
        }
        removeCustomer(from)
    }
}
