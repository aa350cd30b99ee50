public import QBXML

/// Reading the simulated books directly, for assertions. Records come back as the QBXML module's
/// record types, shaped as the bridge would read them from a response (links and lines included).
extension FakeQuickBooks {
    /// An invoice by TxnID; nil once deleted.
    public func invoice(_ txnID: TxnID) -> Invoice? {
        file.invoices[txnID].map(file.snapshot)
    }

    /// Invoices with this RefNumber (ignoring case), oldest first; a recreated invoice shares its number.
    public func invoices(refNumber: String) -> [Invoice] {
        file.orderedInvoices.filter { $0.refNumber?.nameKey == refNumber.nameKey }.map(file.snapshot)
    }

    /// Every invoice, or those of one customer (ListID or full name), oldest first.
    public func invoices(customer: String? = nil) -> [Invoice] {
        let id = customer.flatMap { file.customer($0)?.listID }
        if customer != nil, id == nil { return [] }
        return file.orderedInvoices.filter { id == nil || $0.customer == id }.map(file.snapshot)
    }

    /// Unpaid invoices (BalanceRemaining > 0), optionally of one customer.
    public func openInvoices(customer: String? = nil) -> [Invoice] {
        invoices(customer: customer).filter { $0.isPaid == false }
    }

    /// A customer by ListID or full name (ignoring case), with its balances.
    public func customer(_ key: String) -> Customer? {
        guard let record = file.customer(key) else { return nil }
        return file.snapshot(record, balances: file.customerBalances())
    }

    /// Every customer.
    public func customers() -> [Customer] {
        let balances = file.customerBalances()
        return file.orderedCustomers.map { file.snapshot($0, balances: balances) }
    }

    /// A payment by TxnID; nil once deleted.
    public func payment(_ txnID: TxnID) -> ReceivePayment? {
        file.payments[txnID].map(file.snapshot)
    }

    /// Every payment, oldest first.
    public func payments() -> [ReceivePayment] {
        file.orderedPayments.map(file.snapshot)
    }

    /// Payments carrying this ExternalGUID (compared ignoring case): exactly one after an idempotent post.
    public func payments(externalGUID: String) -> [ReceivePayment] {
        file.orderedPayments.filter { $0.externalGUID?.uppercased() == externalGUID.uppercased() }.map(file.snapshot)
    }

    /// A credit memo by TxnID.
    public func creditMemo(_ txnID: TxnID) -> CreditMemo? {
        file.creditMemos[txnID].map(file.snapshot)
    }

    /// Every credit memo, oldest first.
    public func creditMemos() -> [CreditMemo] {
        file.orderedCreditMemos.map(file.snapshot)
    }

    /// The ListID of an account by full name.
    public func accountID(named name: String) -> ListID? {
        file.account(named: name)?.listID
    }

    /// The ListID of a payment method by name.
    public func paymentMethodID(named name: String) -> ListID? {
        file.paymentMethod(named: name)?.listID
    }
}

extension CompanyFile {
    func snapshot(_ invoice: SimInvoice) -> Invoice {
        Invoice(
            txnID: invoice.txnID, timeCreated: invoice.created.dateTime, timeModified: invoice.modified.dateTime,
            editSequence: invoice.editSequence, txnNumber: invoice.txnNumber,
            customer: ListRef(listID: invoice.customer, fullName: customers[invoice.customer]?.fullName),
            arAccount: ListRef(listID: invoice.arAccount, fullName: accounts[invoice.arAccount]?.fullName),
            txnDate: invoice.txnDate, refNumber: invoice.refNumber, dueDate: invoice.dueDate, subtotal: invoice.subtotal,
            salesTaxTotal: invoice.salesTaxTotal, appliedAmount: invoice.applied.negated,
            balanceRemaining: invoice.balanceRemaining, isPaid: invoice.isPaid, memo: invoice.memo,
            linkedTxns: invoice.links.map {
                LinkedTxn(txnID: $0.txnID, txnType: $0.kind.rawValue, txnDate: $0.txnDate, refNumber: $0.refNumber,
                          linkType: "AMTTYPE", amount: $0.amount.adding(amount: $0.discount).negated)
            },
            lines: invoice.lines.map {
                InvoiceLine(txnLineID: $0.txnLineID, item: $0.item.map { ListRef(fullName: $0) }, desc: $0.desc,
                            quantity: $0.quantity, rate: $0.rate, amount: $0.amount)
            }
        )
    }

    func snapshot(_ customer: SimCustomer, balances: [ListID: Money]) -> Customer {
        let own = balances[customer.listID] ?? .zero
        return Customer(
            listID: customer.listID, name: customer.name, fullName: customer.fullName, isActive: customer.isActive,
            companyName: customer.companyName, email: customer.email, phone: customer.phone, balance: own,
            totalBalance: Money.total([own] + descendants(of: customer.listID).map { balances[$0] ?? .zero }),
            editSequence: customer.editSequence, timeModified: customer.modified.dateTime
        )
    }

    func snapshot(_ payment: SimPayment) -> ReceivePayment {
        ReceivePayment(
            txnID: payment.txnID, timeCreated: payment.created.dateTime, timeModified: payment.modified.dateTime,
            editSequence: payment.editSequence, txnNumber: payment.txnNumber,
            customer: ListRef(listID: payment.customer, fullName: customers[payment.customer]?.fullName),
            arAccount: ListRef(listID: payment.arAccount, fullName: accounts[payment.arAccount]?.fullName),
            txnDate: payment.txnDate, refNumber: payment.refNumber, totalAmount: payment.totalAmount,
            paymentMethod: payment.paymentMethod.map { ListRef(listID: $0, fullName: paymentMethods[$0]?.name) },
            memo: payment.memo,
            depositToAccount: payment.depositTo.map { ListRef(listID: $0, fullName: accounts[$0]?.fullName) },
            unusedPayment: payment.unusedPayment, unusedCredits: .zero, externalGUID: payment.externalGUID,
            appliedTo: payment.applications.filter { $0.amount.isPositive || $0.discount.isPositive }.map { application in
                let invoice = invoices[application.invoice]
                return AppliedToTxn(txnID: application.invoice, txnType: "Invoice", txnDate: invoice?.txnDate,
                                    refNumber: invoice?.refNumber, balanceRemaining: invoice?.balanceRemaining,
                                    amount: application.amount,
                                    discountAmount: application.discount.isPositive ? application.discount : nil)
            }
        )
    }

    func snapshot(_ memo: SimCreditMemo) -> CreditMemo {
        CreditMemo(
            txnID: memo.txnID, customer: ListRef(listID: memo.customer, fullName: customers[memo.customer]?.fullName),
            txnDate: memo.txnDate, refNumber: memo.refNumber, totalAmount: memo.total, creditRemaining: memo.creditRemaining,
            linkedTxns: memo.applications.map {
                LinkedTxn(txnID: $0.invoice, txnType: "Invoice", txnDate: invoices[$0.invoice]?.txnDate ?? $0.txnDate,
                          refNumber: invoices[$0.invoice]?.refNumber, linkType: "AMTTYPE", amount: $0.amount.negated)
            },
            timeModified: memo.modified.dateTime, editSequence: memo.editSequence,
            lines: memo.lines.map { InvoiceLine(txnLineID: $0.txnLineID, item: $0.item.map { ListRef(fullName: $0) }, desc: $0.desc, amount: $0.amount) }
        )
    }
}
