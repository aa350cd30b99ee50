/// How one qbXML `statusCode` is classified.
enum StatusRule: Sendable, Equatable {
    /// Success, "no match" (1) or a warning (5xx): not a failure (docs/failure-catalogue.md, "Status codes").
    case notAFailure
    /// Always this category.
    case fixed(FailureCategory)
    /// 3120: which object was not found decides (invoice, customer, other reference).
    case missingObject
    /// 3140: the object type in the message decides (Customer vs Item/Account/…).
    case invalidReference
    /// 3170/3180 ("There was an error when saving/modifying a …"): QuickBooks' reason decides. A lock wording
    /// is `record_locked`, the credit-limit wording `credit_limit_exceeded`, anything else `invalid_request`.
    case saveRefused
    /// 3210: the over-payment on a payment needs the invoice check; other fields are `invalid_request`.
    case fieldValue
}

/// statusCode → rule, in one table (docs/failure-catalogue.md, "Status codes").
///
/// Entries are checked in order, so single codes come before the ranges around them. Codes in no
/// entry (3263, 3270, 9001…) are `unknown` and keep their raw code and message.
enum StatusCodeTable {
    /// The table.
    static let entries: [(codes: ClosedRange<Int>, rule: StatusRule)] = [
        (0...999, .notAFailure),
        (1000...1000, .fixed(.quickbooksInternal)),
        (1010...1010, .fixed(.quickbooksBusy)),
        (1030...1030, .fixed(.featureUnavailable)),
        (1060...1060, .fixed(.invalidRequest)),
        (3000...3099, .fixed(.invalidRequest)),
        (3100...3100, .fixed(.duplicateName)),
        (3120...3120, .missingObject),
        (3130...3130, .fixed(.customerMissing)),
        (3140...3140, .invalidReference),
        (3150...3150, .fixed(.invalidRequest)),
        (3170...3170, .saveRefused),
        (3171...3171, .fixed(.periodClosed)),
        (3175...3176, .fixed(.recordLocked)),
        (3180...3180, .saveRefused),
        (3190...3190, .fixed(.invalidRequest)),
        (3200...3200, .fixed(.editSequenceStale)),
        (3210...3210, .fieldValue),
        (3220...3220, .fixed(.permissionDenied)),
        (3231...3231, .fixed(.notProcessed)),
        (3250...3250, .fixed(.featureUnavailable)),
        (3260...3261, .fixed(.permissionDenied)),
        (3262...3262, .fixed(.subscriptionRequired)),
        (3264...3264, .fixed(.subscriptionRequired)),
        (3391...3391, .fixed(.invalidRequest)),
        (9100...9199, .fixed(.invalidRequest)),
    ]

    /// The rule for `code`, `.fixed(.unknown)` when no entry covers it.
    static func rule(for code: Int) -> StatusRule {
        entries.first { $0.codes.contains(code) }?.rule ?? .fixed(.unknown)
    }
}
