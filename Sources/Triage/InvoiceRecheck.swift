/// Which invoices a rejected payment needs read again before the rejection can be classified
/// (docs/failure-catalogue.md, "Payments").
///
/// A re-read costs the bridge one more QuickBooks round trip, so it is asked for only where the classifier
/// reads its answer: the status rule decides which evidence the classifier looks at, and only two rules look
/// at the invoice as QuickBooks shows it after the rejection.
enum InvoiceRecheck: Sendable, Equatable {
    /// The category follows from the code and the message alone (3000 "invalid object ID" names the
    /// field and the ID it refused): a re-read would be thrown away.
    case none
    /// 3120 "object not found": the invoice the message names, to tell a deleted invoice (`invoice_missing`)
    /// from one QuickBooks still shows. Every applied invoice when the message names no object; none when it
    /// names the customer or another reference, which the message alone classifies.
    case namedInvoice
    /// 3210 on the applied amount ("cannot pay more than the amount due"): the invoice whose amount QuickBooks
    /// quotes, else every applied one, for the invoice check (`amount_changed`, `already_applied`…). Any other
    /// 3210 field is `invalid_request` from the message alone.
    case overpaidInvoice
}

/// status rule → invoice re-read, in one table; the rules come from `StatusCodeTable`.
extension StatusRule {
    /// What a payment rejected under this rule needs read again.
    var invoiceRecheck: InvoiceRecheck {
        switch self {
        case .missingObject: .namedInvoice
        case .fieldValue: .overpaidInvoice
        case .notAFailure, .fixed, .invalidReference, .saveRefused: .none
        }
    }
}
