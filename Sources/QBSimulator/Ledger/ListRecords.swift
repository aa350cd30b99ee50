import QBXML

/// A customer or job in the simulated company file (docs/qbxml-messages.md, "Responses QBBridge reads"). Its balance is not
/// stored: `Ledger` computes it from the open transactions, so it can never disagree with them.
struct SimCustomer: Sendable {
    var listID: ListID
    var name: String
    /// The parent customer of a job; nil for a top-level customer.
    var parent: ListID?
    /// `Parent:Job` path, what a `CustomerRef/FullName` must match.
    var fullName: String
    var sublevel: Int
    var isActive: Bool
    var companyName: String?
    var email: String?
    var phone: String?
    var created: Stamp
    var modified: Stamp
    var editSequence: String
}

/// An account, for reference checks on A/R, deposit and discount accounts.
struct SimAccount: Sendable {
    var listID: ListID
    var fullName: String
    /// qbXML AccountType, e.g. `AccountsReceivable`, `Bank`, `OtherCurrentAsset`.
    var type: String
    var isActive: Bool
    var created: Stamp
}

/// A payment method (`Visa`, `ACH`, `Check` …), for `PaymentMethodRef` checks.
struct SimPaymentMethod: Sendable {
    var listID: ListID
    var name: String
    /// qbXML PaymentMethodType, e.g. `Check`, `Visa`, `ECheck`.
    var type: String
    var isActive: Bool
    var created: Stamp
}

/// One line of an invoice or credit memo.
struct SimLine: Sendable {
    var txnLineID: String
    var item: String?
    var desc: String?
    var quantity: QBDecimal?
    var rate: QBDecimal?
    var amount: Money
}

extension String {
    /// The form names are compared in: QuickBooks matches list names without regard to case.
    var nameKey: String { uppercased() }
}
