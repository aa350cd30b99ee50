import QBXML

/// Deciding what a payment applies to: explicit `AppliedToTxnAdd`/`AppliedToTxnMod` lines checked
/// against each invoice's open balance, or QuickBooks' auto-apply (docs/qbxml-messages.md, "Requests QBBridge sends", ReceivePaymentAddRq).
extension CompanyFile {
    /// Checks explicit applications. Each invoice must exist, belong to the customer and A/R account
    /// (else 3120, the way QuickBooks reports an invoice it cannot find among the customer's open
    /// ones), not be locked (3175), and have enough open balance for payment + discount + credits
    /// (else 3210, also when it is already paid). `replacing` is the payment a Mod rewrites: what it
    /// applied counts as open again.
    func plannedApplications(_ elements: [RequestElement], customer: ListID, arAccount: ListID,
                             replacing: SimPayment?) throws(StatusFailure) -> [SimPaymentApplication] {
        var usedOnInvoice: [TxnID: Int64] = [:]
        var usedOnMemo: [TxnID: Int64] = [:]
        var planned: [SimPaymentApplication] = []
        for element in elements {
            let idText = element.value("TxnID") ?? ""
            let id = TxnID(idText)
            guard let invoice = invoices[id], invoice.customer == customer, invoice.arAccount == arAccount else {
                throw StatusFailure(.objectNotFound(idText))
            }
            if locked.contains(idText) { throw StatusFailure(.transactionLocked(idText)) }
            let amount = element.value("PaymentAmount").flatMap { Money($0) } ?? .zero
            let discount = element.value("DiscountAmount").flatMap { Money($0) } ?? .zero
            if let account = element.child("DiscountAccountRef") { _ = try resolveAccount(account) }
            var credits: [(memo: TxnID, amount: Money)] = []
            for setCredit in element.children(named: "SetCredit") {
                let memoText = setCredit.value("CreditTxnID") ?? ""
                guard let memo = creditMemos[TxnID(memoText)], memo.customer == customer else {
                    throw StatusFailure(.objectNotFound(memoText))
                }
                let applied = setCredit.value("AppliedAmount").flatMap { Money($0) } ?? .zero
                let returned = replacing?.applications.flatMap(\.credits).filter { $0.memo == memo.txnID }.reduce(Int64(0)) { $0 + $1.amount.cents } ?? 0
                let remaining = memo.creditRemaining.cents + returned - usedOnMemo[memo.txnID, default: 0]
                guard applied.cents <= remaining else { throw StatusFailure(.creditTooLarge(applied)) }
                usedOnMemo[memo.txnID, default: 0] += applied.cents
                credits.append((memo.txnID, applied))
            }
            let previous = replacing?.applications.filter { $0.invoice == id }.reduce(Int64(0)) { sum, application in
                sum + application.amount.cents + application.discount.cents + application.credits.reduce(0) { $0 + $1.amount.cents }
            } ?? 0
            let open = invoice.balanceRemaining.cents + previous - usedOnInvoice[id, default: 0]
            let needed = amount.cents + discount.cents + credits.reduce(0) { $0 + $1.amount.cents }
            guard needed <= open else { throw StatusFailure(.cannotPayMore(amount)) }
            usedOnInvoice[id, default: 0] += needed
            planned.append(SimPaymentApplication(invoice: id, amount: amount, discount: discount, credits: credits))
        }
        return planned
    }

    /// `IsAutoApply=true`: an open invoice of exactly the payment's amount if there is one, else the
    /// open invoices oldest first until the money runs out; what is left stays unused.
    func autoApplications(total: Money, customer: ListID, arAccount: ListID) throws(StatusFailure) -> [SimPaymentApplication] {
        let open = orderedInvoices
            .filter { $0.customer == customer && $0.arAccount == arAccount && $0.balanceRemaining.isPositive }
            .sorted { ($0.txnDate, $0.txnNumber) < ($1.txnDate, $1.txnNumber) }
        var chosen: [SimPaymentApplication] = []
        if let exact = open.first(where: { $0.balanceRemaining == total }) {
            chosen = [SimPaymentApplication(invoice: exact.txnID, amount: total, discount: .zero, credits: [])]
        } else {
            var left = total.cents
            for invoice in open where left > 0 {
                let amount = min(left, invoice.balanceRemaining.cents)
                chosen.append(SimPaymentApplication(invoice: invoice.txnID, amount: .simulated(cents: amount), discount: .zero, credits: []))
                left -= amount
            }
        }
        if let busy = chosen.first(where: { locked.contains($0.invoice.rawValue) }) {
            throw StatusFailure(.transactionLocked(busy.invoice.rawValue))
        }
        return chosen
    }
}
