import QBXML

/// The write requests: ReceivePaymentAdd (§3.6), ReceivePaymentMod (§3.7) and TxnDel (§3.8), and CustomerAdd,
/// which upstream apps send as a raw request.
/// Every check runs before anything changes, so a refused request leaves the books untouched.
extension CompanyFile {
    mutating func receivePaymentAdd(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        guard let add = request.element.child("ReceivePaymentAdd") else { throw StatusFailure(.notSupported) }
        let customer = try resolveCustomer(add.child("CustomerRef"))
        if locked.contains(customer.listID.rawValue) { throw StatusFailure(.listLocked("Customer", customer.fullName)) }
        let arAccount = try arAccount(add.child("ARAccountRef"))
        var method: SimPaymentMethod?
        if let ref = add.child("PaymentMethodRef") { method = try resolvePaymentMethod(ref) }
        var deposit = undepositedFunds
        if let ref = add.child("DepositToAccountRef") { deposit = try resolveAccount(ref) }
        let txnDate = add.value("TxnDate").flatMap { QBDate($0) } ?? clock.today
        try checkOpenPeriod(txnDate, "Receive Payment")
        let total = add.value("TotalAmount").flatMap { Money($0) } ?? .zero
        let applications: [SimPaymentApplication]
        if let auto = add.value("IsAutoApply") {
            applications = RetOptions.isTrue(auto)
                ? try autoApplications(total: total, customer: customer.listID, arAccount: arAccount.listID) : []
        } else {
            applications = try plannedApplications(add.children(named: "AppliedToTxnAdd"), customer: customer.listID,
                                                   arAccount: arAccount.listID, replacing: nil)
        }
        guard Money.total(applications.map(\.amount)) <= total else { throw StatusFailure(.appliedMoreThanTotal(total)) }
        let stamp = clock.tick()
        let payment = SimPayment(
            txnID: ids.txnID(at: stamp), txnNumber: ids.nextTxnNumber(), customer: customer.listID, arAccount: arAccount.listID,
            txnDate: txnDate, refNumber: add.value("RefNumber"),
            totalAmount: total, paymentMethod: method?.listID, memo: add.value("Memo"), depositTo: deposit?.listID,
            externalGUID: add.value("ExternalGUID"), applications: applications,
            created: stamp, modified: stamp, editSequence: String(stamp.epoch)
        )
        record(payment, at: stamp)
        var out = XMLOut()
        render(payment: payment, options: RetOptions(addResponseFor: request), into: &out)
        return RequestOutcome(status: .ok, body: out.text)
    }

    /// CustomerAdd: a new customer, or a job under `ParentRef`; a full name already in use is 3100.
    mutating func customerAdd(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        guard let add = request.element.child("CustomerAdd"), let name = add.value("Name") else { throw StatusFailure(.notSupported) }
        var parent: SimCustomer?
        if let ref = add.child("ParentRef") { parent = try resolveCustomer(ref) }
        let fullName = parent.map { $0.fullName + ":" + name } ?? name
        guard customer(named: fullName) == nil else { throw StatusFailure(.nameInUse(fullName)) }
        let stamp = clock.tick()
        let isActive = add.value("IsActive").map(RetOptions.isTrue) ?? true
        let id: ListID
        do {
            id = try addCustomer(name: name, parent: parent?.listID, isActive: isActive, companyName: add.value("CompanyName"),
                                 email: add.value("Email"), phone: add.value("Phone"), at: stamp)
        } catch {
            throw StatusFailure(.nameInUse(fullName))
        }
        guard let created = customers[id] else { throw StatusFailure(.objectNotFound(id.rawValue)) }
        var out = XMLOut()
        render(customer: created, balances: [:], options: RetOptions(addResponseFor: request), into: &out)
        return RequestOutcome(status: .ok, body: out.text)
    }

    mutating func receivePaymentMod(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        guard let mod = request.element.child("ReceivePaymentMod") else { throw StatusFailure(.notSupported) }
        let idText = mod.value("TxnID") ?? ""
        guard let original = payments[TxnID(idText)] else { throw StatusFailure(.objectNotFound(idText)) }
        if locked.contains(idText) { throw StatusFailure(.transactionLocked(idText)) }
        let sequence = mod.value("EditSequence") ?? ""
        guard sequence == original.editSequence else { throw StatusFailure(.editSequenceStale(sequence)) }
        var payment = original
        if let ref = mod.child("CustomerRef") { payment.customer = try resolveCustomer(ref).listID }
        if let ref = mod.child("ARAccountRef") { payment.arAccount = try resolveAccount(ref).listID }
        try checkOpenPeriod(original.txnDate, "Receive Payment")
        if let date = mod.value("TxnDate").flatMap({ QBDate($0) }) {
            try checkOpenPeriod(date, "Receive Payment")
            payment.txnDate = date
        }
        if let refNumber = mod.value("RefNumber") { payment.refNumber = refNumber }
        if let total = mod.value("TotalAmount").flatMap({ Money($0) }) { payment.totalAmount = total }
        if let ref = mod.child("PaymentMethodRef") { payment.paymentMethod = try resolvePaymentMethod(ref).listID }
        if let memo = mod.value("Memo") { payment.memo = memo }
        if let ref = mod.child("DepositToAccountRef") { payment.depositTo = try resolveAccount(ref).listID }
        let modifications = mod.children(named: "AppliedToTxnMod")
        if !modifications.isEmpty {
            // Any AppliedToTxnMod replaces all existing applications (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on").
            payment.applications = try plannedApplications(modifications, customer: payment.customer,
                                                           arAccount: payment.arAccount, replacing: original)
        } else if payment.customer != original.customer || payment.arAccount != original.arAccount,
                  let first = original.applications.first {
            // Moving an applied payment to another customer or A/R account needs new applications.
            throw StatusFailure(.objectNotFound(first.invoice.rawValue))
        }
        guard Money.total(payment.applications.map(\.amount)) <= payment.totalAmount else {
            throw StatusFailure(.appliedMoreThanTotal(payment.totalAmount))
        }
        let stamp = clock.tick()
        payment.modified = stamp
        payment.editSequence = stamp.editSequence(after: original.editSequence)
        rewrite(payment, at: stamp)
        var out = XMLOut()
        render(payment: payment, options: RetOptions(addResponseFor: request), into: &out)
        return RequestOutcome(status: .ok, body: out.text)
    }

    /// Deletes a payment, invoice or credit memo and reverses its effects. Other types hold nothing in
    /// the simulated company, so their TxnIDs are never found (3120).
    mutating func txnDel(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        let type = request.element.value("TxnDelType") ?? ""
        let idText = request.element.value("TxnID") ?? ""
        let id = TxnID(idText)
        let refNumber: String?
        switch type {
        case "ReceivePayment":
            guard let payment = payments[id] else { throw StatusFailure(.objectNotFound(idText)) }
            refNumber = payment.refNumber
        case "Invoice":
            guard let invoice = invoices[id] else { throw StatusFailure(.objectNotFound(idText)) }
            refNumber = invoice.refNumber
        case "CreditMemo":
            guard let memo = creditMemos[id] else { throw StatusFailure(.objectNotFound(idText)) }
            refNumber = memo.refNumber
        default:
            throw StatusFailure(.objectNotFound(idText))
        }
        if locked.contains(idText) { throw StatusFailure(.transactionLocked(idText)) }
        let stamp = clock.tick()
        switch type {
        case "ReceivePayment": removePayment(id, at: stamp)
        case "Invoice": removeInvoice(id, at: stamp)
        default: removeCreditMemo(id, at: stamp)
        }
        var out = XMLOut()
        out.leaf("TxnDelType", type)
        out.leaf("TxnID", idText)
        out.leaf("TimeDeleted", stamp.dateTime.raw)
        out.leaf("RefNumber", refNumber)
        return RequestOutcome(status: .ok, body: out.text)
    }

    /// The payment's A/R account: the one named (it must be an A/R account), else the default.
    /// Refuses a write dated on or before the company's closing date (3171), as QuickBooks does for every
    /// transaction in a closed period.
    private func checkOpenPeriod(_ date: QBDate, _ transaction: String) throws(StatusFailure) {
        if let closing = facts.preferences.closingDate, date <= closing {
            throw StatusFailure(.closedPeriod(transaction))
        }
    }

    private func arAccount(_ ref: RequestElement?) throws(StatusFailure) -> SimAccount {
        if let ref {
            let account = try resolveAccount(ref)
            guard account.type == "AccountsReceivable" else {
                throw StatusFailure(.invalidReference("Account", account.fullName, in: Self.receivePaymentLabel))
            }
            return account
        }
        guard let account = defaultARAccount else {
            throw StatusFailure(.invalidReference("Account", "Accounts Receivable", in: Self.receivePaymentLabel))
        }
        return account
    }
}
