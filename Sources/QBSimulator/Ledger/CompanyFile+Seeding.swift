import QBXML

/// Creating payments and credits outside the qbXML path: for fixtures, the generator and the
/// bookkeeper actions. Same accounting as a ReceivePaymentAdd, with errors for the test author.
extension CompanyFile {
    /// Records a payment applied to the given invoices; refuses an application beyond an invoice's
    /// open balance or a total below the applied sum.
    @discardableResult
    mutating func seedPayment(customer: ListID, txnDate: QBDate, refNumber: String?, totalAmount: Money?,
                              paymentMethod: ListID?, depositTo: ListID?, memo: String?,
                              applications: [(invoice: TxnID, amount: Money)], externalGUID: String? = nil,
                              at stamp: Stamp) throws(FakeQuickBooksError) -> TxnID {
        var used: [TxnID: Int64] = [:]
        for application in applications {
            guard let invoice = invoices[application.invoice] else { throw .noSuchInvoice(application.invoice) }
            guard invoice.customer == customer else {
                throw .fixtureInvalid("invoice \(invoice.refNumber ?? invoice.txnID.rawValue) belongs to another customer than the payment")
            }
            guard application.amount.cents >= 0 else { throw .invalidAmount("\(application.amount) is negative") }
            let open = invoice.balanceRemaining.cents - used[application.invoice, default: 0]
            guard application.amount.cents <= open else {
                throw .amountExceedsBalance(invoice: application.invoice, amount: application.amount, balance: .simulated(cents: open))
            }
            used[application.invoice, default: 0] += application.amount.cents
        }
        let applied = Money.total(applications.map(\.amount))
        let total = totalAmount ?? applied
        guard applied <= total else { throw .invalidAmount("the payment total \(total) is less than the \(applied) it applies") }
        let arAccount = applications.first.flatMap { invoices[$0.invoice]?.arAccount } ?? defaultARAccount?.listID
        guard let arAccount else { throw .noSuchAccount("Accounts Receivable") }
        let payment = SimPayment(
            txnID: ids.txnID(at: stamp), txnNumber: ids.nextTxnNumber(), customer: customer, arAccount: arAccount,
            txnDate: txnDate, refNumber: refNumber, totalAmount: total, paymentMethod: paymentMethod, memo: memo,
            depositTo: depositTo ?? undepositedFunds?.listID, externalGUID: externalGUID,
            applications: applications.map { SimPaymentApplication(invoice: $0.invoice, amount: $0.amount, discount: .zero, credits: []) },
            created: stamp, modified: stamp, editSequence: String(stamp.epoch)
        )
        record(payment, at: stamp)
        return payment.txnID
    }

    /// Applies part of a credit memo to an invoice, checking both sides.
    mutating func seedCredit(memo: TxnID, invoice: TxnID, amount: Money, at stamp: Stamp) throws(FakeQuickBooksError) {
        guard let record = creditMemos[memo] else { throw .noSuchCreditMemo(memo) }
        guard let target = invoices[invoice] else { throw .noSuchInvoice(invoice) }
        guard record.customer == target.customer else {
            throw .fixtureInvalid("credit memo \(record.refNumber ?? memo.rawValue) and invoice \(target.refNumber ?? invoice.rawValue) belong to different customers")
        }
        guard amount.isPositive else { throw .invalidAmount("a credit of \(amount) must be positive") }
        guard amount <= record.creditRemaining else {
            throw .amountExceedsCredit(creditMemo: memo, amount: amount, remaining: record.creditRemaining)
        }
        guard amount <= target.balanceRemaining else {
            throw .amountExceedsBalance(invoice: invoice, amount: amount, balance: target.balanceRemaining)
        }
        applyCredit(memo: memo, to: invoice, amount: amount, viaPayment: nil, date: record.txnDate, at: stamp)
    }
}
