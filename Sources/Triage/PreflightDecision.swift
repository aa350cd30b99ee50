/// The outcome of checking an invoice before posting a payment to it (docs/failure-catalogue.md, "The invoice check").
public enum PreflightDecision: Sendable, Equatable {
    /// The invoice exists, belongs to the payment's customer and A/R account, and its open
    /// balance covers the amount: send the ReceivePaymentAdd.
    case post
    /// Do not post; record this failure instead.
    case fail(FailureRecordDraft)
}
