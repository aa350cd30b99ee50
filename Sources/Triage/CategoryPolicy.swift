/// What support may do with a failure of one category, and whether the bridge re-checks it.
///
/// The single table of allowed actions and automatic re-checks; the classifier only narrows it
/// (no `retry` when there is no job to re-queue, none on our own duplicate payment).
struct CategoryPolicy: Sendable, Equatable {
    /// Actions on a failed job, most useful first.
    var actions: [FailureAction]
    /// How the bridge re-checks by itself; nil means it waits for a person.
    var retryPolicy: RetryPolicy?

    /// The row for `category`.
    ///
    /// Decisions worth knowing:
    /// - `invalid_request` has no `retry`: the same request fails the same way. The fix is a
    ///   corrected request (new job) from the sending app or a bridge fix; the old job is dismissed.
    /// - `already_applied` and `invoice_missing` never re-check by themselves: moving or re-posting
    ///   money is a bookkeeper's decision (docs/architecture.md, "Payment posting").
    /// - `amount_changed` re-checks every sync and posts once the balance fits (docs/failure-catalogue.md, "Automatic re-checks").
    /// - `period_closed`, `credit_limit_exceeded` and `subscription_required` wait for a person: a closing date,
    ///   a credit limit or a subscription changes only when someone decides so in QuickBooks; Retry follows that.
    /// - Connection categories keep `retry` here for the jobs of a batch QuickBooks turned away
    ///   (receiveResponseXML); a connection failure with no job drops it.
    static func `for`(_ category: FailureCategory) -> CategoryPolicy {
        switch category {
        case .alreadyApplied:
            CategoryPolicy(actions: [.dismiss, .retry, .delete], retryPolicy: nil)
        case .amountChanged:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: .everySync)
        case .invoiceMissing, .customerMissing, .referenceMissing, .duplicateName,
             .editSequenceStale, .featureUnavailable, .permissionDenied, .unknown,
             .periodClosed, .creditLimitExceeded, .subscriptionRequired:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: nil)
        case .recordLocked:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: .lockContention)
        case .notProcessed:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: .requeue)
        case .invalidRequest, .mappingConflict:
            CategoryPolicy(actions: [.dismiss, .delete], retryPolicy: nil)
        case .quickbooksInternal:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: .once)
        case .quickbooksBusy:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: .lockContention)
        case .popupBlocking, .quickbooksCannotStart, .singleUserMode, .wrongCompanyFile,
             .companyFileUnavailable, .applicationNotAuthorized, .qbxmlVersionUnsupported,
             .quickbooksNotInstalled, .authenticationFailed, .clientVersionOutdated, .notSyncing:
            CategoryPolicy(actions: [.retry, .dismiss, .delete], retryPolicy: nil)
        }
    }
}
