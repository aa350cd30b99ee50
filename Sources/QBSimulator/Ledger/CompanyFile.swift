import Foundation
import QBXML

/// Everything in one simulated company file: list and transaction records, the host clock, the ID
/// counters, record locks and live iterators. A plain value owned by the `FakeQuickBooks` actor, so
/// every change happens on that actor and the accounting rules can be read (and tested) without it.
struct CompanyFile: Sendable {
    var facts: CompanyFacts
    var clock: HostClock
    var ids = IDGenerator()
    /// ListIDs and TxnIDs a test marked as in use by another QuickBooks user.
    var locked: Set<String> = []
    var iterators = IteratorStore()

    private(set) var customers: [ListID: SimCustomer] = [:]
    private(set) var customerOrder: [ListID] = []
    private var customerByName: [String: ListID] = [:]
    private(set) var accounts: [ListID: SimAccount] = [:]
    private(set) var accountOrder: [ListID] = []
    private var accountByName: [String: ListID] = [:]
    private(set) var paymentMethods: [ListID: SimPaymentMethod] = [:]
    private var paymentMethodByName: [String: ListID] = [:]
    var invoices: [TxnID: SimInvoice] = [:]
    private(set) var invoiceOrder: [TxnID] = []
    var creditMemos: [TxnID: SimCreditMemo] = [:]
    private(set) var creditMemoOrder: [TxnID] = []
    var payments: [TxnID: SimPayment] = [:]
    private(set) var paymentOrder: [TxnID] = []

    init(facts: CompanyFacts, clock: QuickBooksClock) throws(FakeQuickBooksError) {
        guard let zone = TimeZone(identifier: facts.timeZone) else { throw .unknownTimeZone(facts.timeZone) }
        self.facts = facts
        self.clock = HostClock(mode: clock, timeZone: zone)
    }

    // MARK: Lookups (names ignore case, as QuickBooks' do)

    func customer(named fullName: String) -> SimCustomer? {
        customerByName[fullName.nameKey].flatMap { customers[$0] }
    }

    func account(named fullName: String) -> SimAccount? {
        accountByName[fullName.nameKey].flatMap { accounts[$0] }
    }

    func paymentMethod(named name: String) -> SimPaymentMethod? {
        paymentMethodByName[name.nameKey].flatMap { paymentMethods[$0] }
    }

    func customer(_ key: String) -> SimCustomer? {
        customers[ListID(key)] ?? customer(named: key)
    }

    /// The default A/R account: the first `AccountsReceivable` account.
    var defaultARAccount: SimAccount? {
        accountOrder.lazy.compactMap { self.accounts[$0] }.first { $0.type == "AccountsReceivable" }
    }

    /// Where payments go when the request names no deposit account (qbxml-messages.md §3.6).
    var undepositedFunds: SimAccount? {
        account(named: "Undeposited Funds")
    }

    var orderedInvoices: [SimInvoice] { invoiceOrder.compactMap { invoices[$0] } }
    var orderedCreditMemos: [SimCreditMemo] { creditMemoOrder.compactMap { creditMemos[$0] } }
    var orderedPayments: [SimPayment] { paymentOrder.compactMap { payments[$0] } }
    var orderedCustomers: [SimCustomer] { customerOrder.compactMap { customers[$0] } }

    /// Jobs under a customer, and their jobs, excluding the customer itself.
    func descendants(of parent: ListID) -> [ListID] {
        guard let root = customers[parent] else { return [] }
        let prefix = root.fullName.nameKey + ":"
        return customerOrder.filter { customers[$0]?.fullName.nameKey.hasPrefix(prefix) == true }
    }

    /// Each customer's own A/R balance: open invoices minus open credits minus unused payments.
    /// Computed from the transactions in one pass, so it can never drift from them.
    func customerBalances() -> [ListID: Money] {
        var cents: [ListID: Int64] = [:]
        for invoice in invoices.values { cents[invoice.customer, default: 0] += invoice.balanceRemaining.cents }
        for memo in creditMemos.values { cents[memo.customer, default: 0] -= memo.creditRemaining.cents }
        for payment in payments.values { cents[payment.customer, default: 0] -= payment.unusedPayment.cents }
        return cents.mapValues { Money.simulated(cents: $0) }
    }

    // MARK: Adding records

    mutating func addCustomer(name: String, parent: ListID? = nil, isActive: Bool = true, companyName: String? = nil,
                              email: String? = nil, phone: String? = nil, at stamp: Stamp) throws(FakeQuickBooksError) -> ListID {
        var fullName = name
        var sublevel = 0
        if let parent {
            guard let parentRecord = customers[parent] else { throw .noSuchCustomer(parent.rawValue) }
            fullName = parentRecord.fullName + ":" + name
            sublevel = parentRecord.sublevel + 1
        }
        guard customerByName[fullName.nameKey] == nil else { throw .duplicateName(fullName) }
        let id = ids.listID(at: stamp)
        customers[id] = SimCustomer(listID: id, name: name, parent: parent, fullName: fullName, sublevel: sublevel,
                                    isActive: isActive, companyName: companyName, email: email, phone: phone,
                                    created: stamp, modified: stamp, editSequence: String(stamp.epoch))
        customerOrder.append(id)
        customerByName[fullName.nameKey] = id
        return id
    }

    mutating func removeCustomer(_ id: ListID) {
        guard let record = customers.removeValue(forKey: id) else { return }
        customerOrder.removeAll { $0 == id }
        customerByName[record.fullName.nameKey] = nil
    }

    mutating func updateCustomer(_ id: ListID, _ change: (inout SimCustomer) -> Void) {
        guard var record = customers[id] else { return }
        change(&record)
        customers[id] = record
    }

    mutating func addAccount(name: String, type: String, at stamp: Stamp) throws(FakeQuickBooksError) -> ListID {
        guard accountByName[name.nameKey] == nil else { throw .duplicateName(name) }
        let id = ids.listID(at: stamp)
        accounts[id] = SimAccount(listID: id, fullName: name, type: type, isActive: true, created: stamp)
        accountOrder.append(id)
        accountByName[name.nameKey] = id
        return id
    }

    mutating func addPaymentMethod(name: String, type: String, at stamp: Stamp) throws(FakeQuickBooksError) -> ListID {
        guard paymentMethodByName[name.nameKey] == nil else { throw .duplicateName(name) }
        let id = ids.listID(at: stamp)
        paymentMethods[id] = SimPaymentMethod(listID: id, name: name, type: type, isActive: true, created: stamp)
        paymentMethodByName[name.nameKey] = id
        return id
    }

    /// A new invoice with its lines; line IDs and the TxnID come from the shared counter.
    mutating func addInvoice(customer: ListID, arAccount: ListID, txnDate: QBDate, dueDate: QBDate?, refNumber: String?,
                             memo: String?, lines: [(item: String?, desc: String?, quantity: QBDecimal?, rate: QBDecimal?, amount: Money)],
                             salesTax: Money, terms: String? = nil, poNumber: String? = nil, at stamp: Stamp) -> TxnID {
        let id = ids.txnID(at: stamp)
        let simLines = lines.map {
            SimLine(txnLineID: ids.lineID(at: stamp), item: $0.item, desc: $0.desc, quantity: $0.quantity, rate: $0.rate, amount: $0.amount)
        }
        invoices[id] = SimInvoice(txnID: id, txnNumber: ids.nextTxnNumber(), customer: customer, arAccount: arAccount,
                                  txnDate: txnDate, dueDate: dueDate, refNumber: refNumber, poNumber: poNumber, memo: memo,
                                  terms: terms, lines: simLines, salesTaxTotal: salesTax, links: [], created: stamp,
                                  modified: stamp, editSequence: String(stamp.epoch))
        invoiceOrder.append(id)
        return id
    }

    mutating func addCreditMemo(customer: ListID, arAccount: ListID, txnDate: QBDate, refNumber: String?, memo: String?,
                                amount: Money, item: String?, at stamp: Stamp) -> TxnID {
        let id = ids.txnID(at: stamp)
        let line = SimLine(txnLineID: ids.lineID(at: stamp), item: item, desc: memo, quantity: nil, rate: nil, amount: amount)
        creditMemos[id] = SimCreditMemo(txnID: id, txnNumber: ids.nextTxnNumber(), customer: customer, arAccount: arAccount,
                                        txnDate: txnDate, refNumber: refNumber, memo: memo, lines: [line], salesTaxTotal: .zero,
                                        applications: [], created: stamp, modified: stamp, editSequence: String(stamp.epoch))
        creditMemoOrder.append(id)
        return id
    }

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
