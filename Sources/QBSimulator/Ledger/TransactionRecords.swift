import QBXML

/// Something applied to an invoice: a payment (with an optional discount) or a credit memo.
/// Stored on the invoice; the payment or memo holds the matching record, and `Ledger` changes both
/// sides together.
struct SimLink: Sendable {
    enum Kind: String, Sendable {
        case payment = "ReceivePayment"
        case creditMemo = "CreditMemo"
    }

    var kind: Kind
    var txnID: TxnID
    var txnDate: QBDate
    var refNumber: String?
    /// The amount applied (positive).
    var amount: Money
    /// An early-payment discount taken with a payment (positive).
    var discount: Money
}

/// An invoice (docs/qbxml-messages.md, "Responses QBBridge reads"). Totals and balances are computed from lines and links.
struct SimInvoice: Sendable {
    var txnID: TxnID
    var txnNumber: Int
    var customer: ListID
    var arAccount: ListID
    var txnDate: QBDate
    var dueDate: QBDate?
    var refNumber: String?
    var poNumber: String?
    var memo: String?
    var terms: String?
    var lines: [SimLine]
    var salesTaxTotal: Money
    var links: [SimLink]
    var created: Stamp
    var modified: Stamp
    var editSequence: String

    var subtotal: Money { Money.total(lines.map(\.amount)) }
    var total: Money { subtotal.adding(amount: salesTaxTotal) }
    /// Payments, discounts and credits applied (positive).
    var applied: Money { Money.total(links.map { $0.amount.adding(amount: $0.discount) }) }
    var balanceRemaining: Money { total.subtracting(amount: applied) }
    var isPaid: Bool { balanceRemaining.cents <= 0 }
}

/// Where part of a credit memo went.
struct SimCreditApplication: Sendable {
    var invoice: TxnID
    var amount: Money
    var txnDate: QBDate
    /// The payment whose `SetCredit` applied it; deleting that payment takes the credit back.
    var viaPayment: TxnID?
}

/// A credit memo (docs/qbxml-messages.md, "Responses QBBridge reads").
struct SimCreditMemo: Sendable {
    var txnID: TxnID
    var txnNumber: Int
    var customer: ListID
    var arAccount: ListID
    var txnDate: QBDate
    var refNumber: String?
    var memo: String?
    var lines: [SimLine]
    var salesTaxTotal: Money
    var applications: [SimCreditApplication]
    var created: Stamp
    var modified: Stamp
    var editSequence: String

    var subtotal: Money { Money.total(lines.map(\.amount)) }
    var total: Money { subtotal.adding(amount: salesTaxTotal) }
    var creditRemaining: Money { total.subtracting(amount: Money.total(applications.map(\.amount))) }
}

/// What one payment did to one invoice.
struct SimPaymentApplication: Sendable {
    var invoice: TxnID
    var amount: Money
    var discount: Money
    /// Credit memos applied to the invoice as part of this payment (`SetCredit`).
    var credits: [(memo: TxnID, amount: Money)]
}

/// A received payment (docs/qbxml-messages.md, "Responses QBBridge reads").
struct SimPayment: Sendable {
    var txnID: TxnID
    var txnNumber: Int
    var customer: ListID
    var arAccount: ListID
    var txnDate: QBDate
    var refNumber: String?
    var totalAmount: Money
    var paymentMethod: ListID?
    var memo: String?
    var depositTo: ListID?
    var externalGUID: String?
    var applications: [SimPaymentApplication]
    var created: Stamp
    var modified: Stamp
    var editSequence: String

    var unusedPayment: Money {
        totalAmount.subtracting(amount: Money.total(applications.map(\.amount)))
    }
}

/// The fields every transaction query filters on (docs/qbxml-messages.md, "Shared parts", TxnFilter).
protocol SimTransaction: Sendable {
    var txnID: TxnID { get }
    var customer: ListID { get }
    var arAccount: ListID { get }
    var txnDate: QBDate { get }
    var refNumber: String? { get }
    var modified: Stamp { get }
}

extension SimInvoice: SimTransaction {}
extension SimCreditMemo: SimTransaction {}
extension SimPayment: SimTransaction {}

extension Stamp {
    /// The EditSequence QuickBooks writes: the epoch second of the change, kept strictly increasing per
    /// record so that two changes in one second still differ.
    func editSequence(after previous: String?) -> String {
        guard let previous, let last = Int64(previous), last >= epoch else { return String(epoch) }
        return String(last + 1)
    }
}
