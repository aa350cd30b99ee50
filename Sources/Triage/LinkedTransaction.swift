import Foundation

/// A transaction QuickBooks links to an invoice (`InvoiceRet/LinkedTxn`): a payment or credit memo.
///
/// The links say *who* changed an invoice: a `ReceivePayment` that paid it (already_applied) or a
/// `CreditMemo` that lowered its balance (amount_changed), docs/failure-catalogue.md, "The invoice check".
public struct LinkedTransaction: Sendable, Codable, Equatable {
    /// QuickBooks' TxnType, e.g. `"ReceivePayment"`, `"CreditMemo"`, `"JournalEntry"`.
    public var txnType: String
    /// The linked transaction's TxnID.
    public var txnID: String
    /// Its reference number as shown in QuickBooks (check number, memo number), if any.
    public var refNumber: String?
    /// Its date as QuickBooks gives it (`"2026-11-18"`).
    public var txnDate: String?
    /// The amount it applied to the invoice; QuickBooks reports it negative (`-250.00`).
    public var amount: Amount

    /// Describes one linked transaction.
    public init(txnType: String, txnID: String, refNumber: String? = nil, txnDate: String? = nil, amount: Amount) {
        self.txnType = txnType
        self.txnID = txnID
        self.refNumber = refNumber
        self.txnDate = txnDate
        self.amount = amount
    }

    /// True for a customer payment (`ReceivePayment`).
    var isPayment: Bool {
        txnType.caseInsensitiveCompare("ReceivePayment") == .orderedSame
    }

    /// True for a credit memo (`CreditMemo`).
    var isCreditMemo: Bool {
        txnType.caseInsensitiveCompare("CreditMemo") == .orderedSame
    }
}
