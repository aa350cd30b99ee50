public import QBXML

/// Why the simulated QuickBooks refused a set-up step or a bookkeeper action a test asked for.
///
/// qbXML requests never throw: they answer with a status code as QuickBooks does. These errors are
/// for the test author, so each says what to change.
public enum FakeQuickBooksError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fixture file could not be read.
    case fixtureUnreadable(path: String, reason: String)
    /// The fixture is readable but describes impossible books (a reference to nothing, an overpayment …).
    case fixtureInvalid(String)
    /// The time zone name is not a known IANA name.
    case unknownTimeZone(String)
    /// No invoice has this TxnID (never existed, or deleted).
    case noSuchInvoice(TxnID)
    /// No credit memo has this TxnID.
    case noSuchCreditMemo(TxnID)
    /// No payment has this TxnID.
    case noSuchPayment(TxnID)
    /// No customer has this ListID or full name.
    case noSuchCustomer(String)
    /// No account has this ListID or full name.
    case noSuchAccount(String)
    /// No payment method has this ListID or name.
    case noSuchPaymentMethod(String)
    /// A list name is already taken.
    case duplicateName(String)
    /// Applying `amount` would take the invoice below zero.
    case amountExceedsBalance(invoice: TxnID, amount: Money, balance: Money)
    /// Applying `amount` would use more credit than the memo has left.
    case amountExceedsCredit(creditMemo: TxnID, amount: Money, remaining: Money)
    /// The credit memo is not applied to that invoice.
    case creditNotApplied(creditMemo: TxnID, invoice: TxnID)
    /// An amount is negative, zero where it must be positive, or otherwise unusable.
    case invalidAmount(String)
    /// The action is beyond what the simulator models.
    case unsupported(String)

    /// A sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .fixtureUnreadable(let path, let reason):
            return "The simulator fixture \(path) could not be read: \(reason). Check the path and that it is JSON like Samples/simulator/acme-company.json."
        case .fixtureInvalid(let reason):
            return "The simulator fixture is inconsistent: \(reason). Fix the fixture so every reference names a record it defines."
        case .unknownTimeZone(let name):
            return "\"\(name)\" is not an IANA time zone name; use one such as America/Los_Angeles."
        case .noSuchInvoice(let id):
            return "The simulated company has no invoice \(id) (it never existed or was deleted); use an id from invoices(…) or the fixture."
        case .noSuchCreditMemo(let id):
            return "The simulated company has no credit memo \(id)."
        case .noSuchPayment(let id):
            return "The simulated company has no payment \(id) (it never existed or was deleted)."
        case .noSuchCustomer(let key):
            return "The simulated company has no customer \"\(key)\" (by ListID or full name)."
        case .noSuchAccount(let key):
            return "The simulated company has no account \"\(key)\"; add it to the fixture's accounts."
        case .noSuchPaymentMethod(let key):
            return "The simulated company has no payment method \"\(key)\"; add it to the fixture's paymentMethods."
        case .duplicateName(let name):
            return "The name \"\(name)\" is already used in that list; QuickBooks list names are unique (ignoring case)."
        case .amountExceedsBalance(let invoice, let amount, let balance):
            return "Applying \(amount) to invoice \(invoice) exceeds its open balance \(balance); apply at most the balance."
        case .amountExceedsCredit(let memo, let amount, let remaining):
            return "Applying \(amount) from credit memo \(memo) exceeds its remaining credit \(remaining)."
        case .creditNotApplied(let memo, let invoice):
            return "Credit memo \(memo) is not applied to invoice \(invoice), so there is nothing to un-apply."
        case .invalidAmount(let reason):
            return "Invalid amount: \(reason)."
        case .unsupported(let reason):
            return "The simulator does not model this: \(reason)."
        }
    }
}
