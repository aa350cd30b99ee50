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
    // Transactions: changed together with their links by `CompanyFile+Posting.swift`.
    var invoices: [TxnID: SimInvoice] = [:]
    var invoiceOrder: [TxnID] = []
    var creditMemos: [TxnID: SimCreditMemo] = [:]
    var creditMemoOrder: [TxnID] = []
    var payments: [TxnID: SimPayment] = [:]
    var paymentOrder: [TxnID] = []

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

    /// Where payments go when the request names no deposit account (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on").
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
        let id = ids.listID(.customer, at: stamp)
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
        let id = ids.listID(.account, at: stamp)
        accounts[id] = SimAccount(listID: id, fullName: name, type: type, isActive: true, created: stamp)
        accountOrder.append(id)
        accountByName[name.nameKey] = id
        return id
    }

    mutating func addPaymentMethod(name: String, type: String, at stamp: Stamp) throws(FakeQuickBooksError) -> ListID {
        guard paymentMethodByName[name.nameKey] == nil else { throw .duplicateName(name) }
        let id = ids.listID(.paymentMethod, at: stamp)
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
}
