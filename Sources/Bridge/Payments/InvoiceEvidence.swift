import QBXML
import Triage

/// Converts qbXML values into the Triage module's plain evidence types (Triage depends on nothing).
enum InvoiceEvidence {
    static func amount(_ money: Money) -> Amount {
        Amount(cents: Int(money.cents))
    }

    static func snapshot(_ invoice: Invoice, balanceOverride: Money? = nil) -> InvoiceSnapshot? {
        guard let txnID = invoice.txnID?.rawValue else { return nil }
        let balance = balanceOverride ?? invoice.balanceRemaining ?? .zero
        return InvoiceSnapshot(
            txnID: txnID, refNumber: invoice.refNumber,
            customer: invoice.customer.map { ListReference(listID: $0.listID?.rawValue, fullName: $0.fullName) },
            arAccount: invoice.arAccount.map { ListReference(listID: $0.listID?.rawValue, fullName: $0.fullName) },
            txnDate: invoice.txnDate?.description, subtotal: invoice.subtotal.map(amount), salesTaxTotal: invoice.salesTaxTotal.map(amount),
            appliedAmount: invoice.appliedAmount.map(amount), balanceRemaining: amount(balance),
            isPaid: (invoice.isPaid ?? false) || balance <= .zero, timeModified: invoice.timeModified?.description,
            linkedTransactions: invoice.linkedTxns.compactMap { link in
                guard let id = link.txnID?.rawValue else { return nil }
                return LinkedTransaction(txnType: link.txnType ?? "Unknown", txnID: id, refNumber: link.refNumber,
                                         txnDate: link.txnDate?.description, amount: amount(link.amount ?? .zero))
            }
        )
    }

    /// The payment's customer as the job names it; `knownName` (seen on its invoices in QuickBooks) fills in the
    /// name when the job gave only a ListID, so texts can name the customer.
    static func customer(_ payload: PaymentPayload, knownName: String? = nil) -> ListReference {
        ListReference(listID: payload.customer.listId, fullName: payload.customer.fullName ?? knownName)
    }

    /// Whether QuickBooks' invoice belongs to the payment's customer (ListID, else full name ignoring case).
    static func belongs(_ invoice: Invoice, to payload: PaymentPayload) -> Bool {
        guard let ref = invoice.customer else { return true }
        if let listID = payload.customer.listId, let invoiceID = ref.listID?.rawValue { return listID == invoiceID }
        if let name = payload.customer.fullName, let invoiceName = ref.fullName {
            return name.caseInsensitiveCompare(invoiceName) == .orderedSame
        }
        return true
    }
}
