import QBXML

/// Loading a fixture into a company file, oldest records first, with time stamps taken from each
/// record's own date so that IDs, EditSequences and TimeModified look like QuickBooks' and are the
/// same on every run.
extension CompanyFile {
    init(fixture: CompanyFixture, clock: QuickBooksClock) throws(FakeQuickBooksError) {
        try self.init(facts: fixture.company, clock: clock)
        let earliest = ([fixture.invoices.map(\.txnDate).min()] + fixture.customers.map(\.created)).compactMap { $0 }.min()
        let setupDate = (earliest ?? self.clock.today).adding(days: -30)
        var setup = self.clock.stamp(date: setupDate, hour: 8)

        for account in fixture.accounts ?? Self.defaultAccounts {
            _ = try addAccount(name: account.name, type: account.type, at: setup)
        }
        for method in fixture.paymentMethods ?? Self.defaultPaymentMethods {
            _ = try addPaymentMethod(name: method.name, type: method.type, at: setup)
        }
        for (index, customer) in fixture.customers.enumerated() {
            let base = customer.created.map { self.clock.stamp(date: $0, hour: 8) } ?? setup
            setup = self.clock.stamp(epoch: base.epoch + Int64(index) * 60)
            var parent: ListID?
            if let parentName = customer.parent {
                guard let record = self.customer(named: parentName) else {
                    throw .fixtureInvalid("customer \"\(customer.name)\" names parent \"\(parentName)\", which is not listed before it")
                }
                parent = record.listID
            }
            _ = try addCustomer(name: customer.name, parent: parent, isActive: customer.isActive ?? true,
                                companyName: customer.companyName, email: customer.email, phone: customer.phone, at: setup)
        }
        var byRefNumber: [String: TxnID] = [:]
        let invoices = fixture.invoices.enumerated().sorted { ($0.element.txnDate, $0.offset) < ($1.element.txnDate, $1.offset) }
        for (index, invoice) in invoices {
            guard let customer = self.customer(named: invoice.customer) else { throw .noSuchCustomer(invoice.customer) }
            guard let arAccount = defaultARAccount else { throw .noSuchAccount("Accounts Receivable") }
            var lines: [(item: String?, desc: String?, quantity: QBDecimal?, rate: QBDecimal?, amount: Money)] = []
            for line in invoice.lines {
                lines.append((line.item, line.desc, line.quantity, line.rate, try line.resolvedAmount()))
            }
            let stamp = self.clock.stamp(epoch: self.clock.stamp(date: invoice.txnDate, hour: 9).epoch + Int64(index))
            guard byRefNumber[invoice.refNumber] == nil else { throw .fixtureInvalid("invoice RefNumber \(invoice.refNumber) is used twice") }
            byRefNumber[invoice.refNumber] = addInvoice(
                customer: customer.listID, arAccount: arAccount.listID, txnDate: invoice.txnDate, dueDate: invoice.dueDate,
                refNumber: invoice.refNumber, memo: invoice.memo, lines: lines, salesTax: invoice.salesTax ?? .zero,
                terms: invoice.terms, poNumber: invoice.poNumber, at: stamp)
        }
        func invoiceID(_ refNumber: String) throws(FakeQuickBooksError) -> TxnID {
            guard let id = byRefNumber[refNumber] else { throw .fixtureInvalid("no invoice has RefNumber \(refNumber)") }
            return id
        }
        for (index, memo) in (fixture.creditMemos ?? []).enumerated() {
            guard let customer = self.customer(named: memo.customer) else { throw .noSuchCustomer(memo.customer) }
            guard let arAccount = defaultARAccount else { throw .noSuchAccount("Accounts Receivable") }
            let stamp = self.clock.stamp(epoch: self.clock.stamp(date: memo.txnDate, hour: 10).epoch + Int64(index))
            let id = addCreditMemo(customer: customer.listID, arAccount: arAccount.listID, txnDate: memo.txnDate,
                                   refNumber: memo.refNumber, memo: memo.memo, amount: memo.amount, item: memo.item, at: stamp)
            for application in memo.appliedTo ?? [] {
                try seedCredit(memo: id, invoice: try invoiceID(application.invoice), amount: application.amount, at: stamp)
            }
        }
        let payments = (fixture.payments ?? []).enumerated().sorted { ($0.element.txnDate, $0.offset) < ($1.element.txnDate, $1.offset) }
        for (index, payment) in payments {
            guard let customer = self.customer(named: payment.customer) else { throw .noSuchCustomer(payment.customer) }
            var method: ListID?
            if let name = payment.paymentMethod {
                guard let record = paymentMethod(named: name) else { throw .noSuchPaymentMethod(name) }
                method = record.listID
            }
            var deposit: ListID?
            if let name = payment.depositTo {
                guard let record = account(named: name) else { throw .noSuchAccount(name) }
                deposit = record.listID
            }
            var applications: [(invoice: TxnID, amount: Money)] = []
            for application in payment.appliedTo { applications.append((try invoiceID(application.invoice), application.amount)) }
            let stamp = self.clock.stamp(epoch: self.clock.stamp(date: payment.txnDate, hour: 14).epoch + Int64(index))
            try seedPayment(customer: customer.listID, txnDate: payment.txnDate, refNumber: payment.refNumber,
                            totalAmount: payment.totalAmount, paymentMethod: method, depositTo: deposit, memo: payment.memo,
                            applications: applications, at: stamp)
        }
    }

    static let defaultAccounts = [
        CompanyFixture.Account(name: "Accounts Receivable", type: "AccountsReceivable"),
        CompanyFixture.Account(name: "Undeposited Funds", type: "OtherCurrentAsset"),
        CompanyFixture.Account(name: "Checking", type: "Bank"),
    ]

    static let defaultPaymentMethods = [
        CompanyFixture.PaymentMethod(name: "Check", type: "Check"),
        CompanyFixture.PaymentMethod(name: "Visa", type: "Visa"),
        CompanyFixture.PaymentMethod(name: "ACH", type: "ECheck"),
    ]
}
