public import QBXML

/// What a bookkeeper does in QuickBooks between syncs, so tests can create each failure the bridge must
/// handle (docs/failure-catalogue.md, "The invoice check"): the invoice paid by hand (already applied), a credit memo or an edit lowering
/// the balance (amount changed), the invoice deleted or recreated (invoice missing), a customer merged
/// away, a record left open in another window (locked), the books closed up to a date (period closed).
extension FakeQuickBooks {
    /// Records a payment by hand for an invoice (Receive Payments window): the whole open balance by
    /// default. Returns the payment's TxnID.
    @discardableResult
    public func payInvoiceByHand(_ invoice: TxnID, amount: Money? = nil, refNumber: String? = nil,
                                 paymentMethod: String? = "Check", date: QBDate? = nil,
                                 memo: String? = nil) throws(FakeQuickBooksError) -> TxnID {
        guard let record = file.invoices[invoice] else { throw .noSuchInvoice(invoice) }
        let paid = amount ?? record.balanceRemaining
        guard paid.isPositive else { throw .invalidAmount("invoice \(invoice) has nothing left to pay") }
        var method: ListID?
        if let paymentMethod {
            guard let found = file.paymentMethod(named: paymentMethod) else { throw .noSuchPaymentMethod(paymentMethod) }
            method = found.listID
        }
        let stamp = file.clock.tick()
        return try file.seedPayment(customer: record.customer, txnDate: date ?? file.clock.today, refNumber: refNumber,
                                    totalAmount: paid, paymentMethod: method, depositTo: nil, memo: memo,
                                    applications: [(invoice, paid)], at: stamp)
    }

    /// Records a payment by hand with any applications (left-over money stays as unused payment).
    @discardableResult
    public func receivePaymentByHand(customer: String, totalAmount: Money, applications: [(invoice: TxnID, amount: Money)],
                                     refNumber: String? = nil, paymentMethod: String? = nil, externalGUID: String? = nil,
                                     date: QBDate? = nil) throws(FakeQuickBooksError) -> TxnID {
        guard let record = file.customer(customer) else { throw .noSuchCustomer(customer) }
        var method: ListID?
        if let paymentMethod {
            guard let found = file.paymentMethod(named: paymentMethod) else { throw .noSuchPaymentMethod(paymentMethod) }
            method = found.listID
        }
        let stamp = file.clock.tick()
        return try file.seedPayment(customer: record.listID, txnDate: date ?? file.clock.today, refNumber: refNumber,
                                    totalAmount: totalAmount, paymentMethod: method, depositTo: nil, memo: nil,
                                    applications: applications, externalGUID: externalGUID, at: stamp)
    }

    /// Deletes a payment; the invoices it paid reopen.
    public func deletePayment(_ payment: TxnID) throws(FakeQuickBooksError) {
        let stamp = file.clock.tick()
        guard file.removePayment(payment, at: stamp) != nil else { throw .noSuchPayment(payment) }
    }

    /// Applies credit to an invoice: from `creditMemo` when given, else from a new credit memo of
    /// exactly `amount` for the invoice's customer. Returns the credit memo's TxnID.
    @discardableResult
    public func applyCreditMemo(to invoice: TxnID, amount: Money, creditMemo: TxnID? = nil,
                                refNumber: String? = nil) throws(FakeQuickBooksError) -> TxnID {
        guard let target = file.invoices[invoice] else { throw .noSuchInvoice(invoice) }
        let stamp = file.clock.tick()
        let memo = creditMemo ?? file.addCreditMemo(customer: target.customer, arAccount: target.arAccount, txnDate: file.clock.today,
                                                    refNumber: refNumber, memo: "Credit", amount: amount, item: "Credit", at: stamp)
        try file.seedCredit(memo: memo, invoice: invoice, amount: amount, at: stamp)
        return memo
    }

    /// Takes a credit memo's applications off an invoice; the invoice's balance goes back up.
    public func unapplyCreditMemo(_ creditMemo: TxnID, from invoice: TxnID) throws(FakeQuickBooksError) {
        guard let memo = file.creditMemos[creditMemo] else { throw .noSuchCreditMemo(creditMemo) }
        guard memo.applications.contains(where: { $0.invoice == invoice }) else {
            throw .creditNotApplied(creditMemo: creditMemo, invoice: invoice)
        }
        file.unapplyCredit(memo: creditMemo, from: invoice, at: file.clock.tick())
    }

    /// Deletes an invoice: its TxnID is then unknown (3120); payments on it keep their money unapplied.
    public func deleteInvoice(_ invoice: TxnID) throws(FakeQuickBooksError) {
        guard file.removeInvoice(invoice, at: file.clock.tick()) != nil else { throw .noSuchInvoice(invoice) }
    }

    /// Deletes an invoice and enters it again: same customer, RefNumber, dates, lines and tax, but a new
    /// TxnID and no payments or credits. Returns the new TxnID.
    @discardableResult
    public func recreateInvoice(_ invoice: TxnID) throws(FakeQuickBooksError) -> TxnID {
        let stamp = file.clock.tick()
        guard let old = file.removeInvoice(invoice, at: stamp) else { throw .noSuchInvoice(invoice) }
        return file.addInvoice(customer: old.customer, arAccount: old.arAccount, txnDate: old.txnDate, dueDate: old.dueDate,
                               refNumber: old.refNumber, memo: old.memo,
                               lines: old.lines.map { ($0.item, $0.desc, $0.quantity, $0.rate, $0.amount) },
                               salesTax: old.salesTaxTotal, terms: old.terms, poNumber: old.poNumber, at: stamp)
    }

    /// Enters a new one-line invoice. Returns its TxnID.
    @discardableResult
    public func addInvoice(customer: String, refNumber: String?, amount: Money, txnDate: QBDate? = nil,
                           dueDate: QBDate? = nil, item: String = "Services") throws(FakeQuickBooksError) -> TxnID {
        guard let record = file.customer(customer) else { throw .noSuchCustomer(customer) }
        guard let arAccount = file.defaultARAccount else { throw .noSuchAccount("Accounts Receivable") }
        let stamp = file.clock.tick()
        let date = txnDate ?? file.clock.today
        return file.addInvoice(customer: record.listID, arAccount: arAccount.listID, txnDate: date,
                               dueDate: dueDate ?? date.adding(days: 30), refNumber: refNumber, memo: nil,
                               lines: [(item, item, nil, nil, amount)], salesTax: .zero, at: stamp)
    }

    /// Adds a customer. Returns its ListID.
    @discardableResult
    public func addCustomer(name: String, email: String? = nil, parent: String? = nil) throws(FakeQuickBooksError) -> ListID {
        var parentID: ListID?
        if let parent {
            guard let record = file.customer(parent) else { throw .noSuchCustomer(parent) }
            parentID = record.listID
        }
        return try file.addCustomer(name: name, parent: parentID, email: email, at: file.clock.tick())
    }

    /// Makes a customer inactive (hidden from `ActiveOnly` queries) or active again.
    public func setCustomerActive(_ customer: String, _ isActive: Bool) throws(FakeQuickBooksError) {
        guard let record = file.customer(customer) else { throw .noSuchCustomer(customer) }
        let stamp = file.clock.tick()
        file.updateCustomer(record.listID) {
            $0.isActive = isActive
            $0.modified = stamp
            $0.editSequence = stamp.editSequence(after: $0.editSequence)
        }
    }

    /// Merges one customer into another, as QuickBooks does when a customer is renamed to an existing
    /// name: every transaction moves to `target`, and `customer`'s ListID and name stop existing.
    public func mergeCustomer(_ customer: String, into target: String) throws(FakeQuickBooksError) {
        guard let from = file.customer(customer) else { throw .noSuchCustomer(customer) }
        guard let into = file.customer(target) else { throw .noSuchCustomer(target) }
        guard file.descendants(of: from.listID).isEmpty else {
            throw .unsupported("merging a customer that has jobs; merge or delete its jobs first")
        }
        file.mergeCustomer(from.listID, into: into.listID, at: file.clock.tick())
    }

    /// Edits an invoice so its lines total `subtotal` (the last line absorbs the difference), as when a
    /// bookkeeper corrects an amount. The new total may not fall below what is already applied.
    public func editInvoiceAmount(_ invoice: TxnID, subtotal: Money, salesTax: Money? = nil) throws(FakeQuickBooksError) {
        guard let record = file.invoices[invoice], let last = record.lines.indices.last else { throw .noSuchInvoice(invoice) }
        let difference = subtotal.cents - record.subtotal.cents
        let lastAmount = record.lines[last].amount.cents + difference
        guard lastAmount >= 0 else { throw .invalidAmount("the invoice's last line would become negative; give a larger subtotal") }
        let newTotal = subtotal.adding(amount: salesTax ?? record.salesTaxTotal)
        guard newTotal >= record.applied else {
            throw .invalidAmount("the new total \(newTotal) is below the \(record.applied) already applied to invoice \(invoice)")
        }
        file.touchInvoice(invoice, at: file.clock.tick()) { invoice in
            invoice.lines[last].amount = .simulated(cents: lastAmount)
            invoice.lines[last].quantity = nil
            invoice.lines[last].rate = nil
            if let salesTax { invoice.salesTaxTotal = salesTax }
        }
    }

    /// Sets the company's closing date, or clears it (nil), as an admin does in Company → Set Closing Date:
    /// QuickBooks then reports it in `PreferencesRet` (`AccountingPreferences/ClosingDate`) and refuses payments
    /// dated on or before it with 3171.
    public func setClosingDate(_ date: QBDate?) {
        file.facts.preferences.closingDate = date
    }

    /// Marks a record (a TxnID or ListID) as open in another user's window: writes touching it fail
    /// with 3175 (transactions) or 3170 (customers) until `unlock`.
    public func lock(_ id: String) {
        file.locked.insert(id)
    }

    /// Releases a lock set with `lock`.
    public func unlock(_ id: String) {
        file.locked.remove(id)
    }
}
