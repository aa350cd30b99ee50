/// The outcome of checking an invoice before posting a payment to it (design §4).
public enum PreflightDecision: Sendable, Equatable {
    /// The invoice exists, belongs to the payment's customer and A/R account, and its open
    /// balance covers the amount: send the ReceivePaymentAdd.
    case post
    /// Do not post; record this failure instead.
    case fail(FailureRecordDraft)
}
