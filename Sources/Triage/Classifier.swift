public import Foundation

/// Turns what QuickBooks and the Web Connector report into failure records (docs/failure-catalogue.md).
///
/// Pure functions over plain values: no I/O, no clock, no state. The tables they read are
/// `StatusCodeTable`, `HResultTable`, `ConnectionMessagePatterns`, `LockPatterns` and
/// `CategoryPolicy`; the texts live in `InvoiceTexts`, `RequestTexts`, `ConnectionTexts` and
/// `ConnectionSteps`.
public enum Classifier {
    /// Classifies one `*Rs` status. Returns nil when it is not a failure: success (0), "no match"
    /// (1) and warnings (500–999). Keys on `statusCode`, never on severity.
    public static func classify(_ input: RequestFailureInput) -> FailureRecordDraft? {
        let rule = StatusCodeTable.rule(for: input.statusCode)
        let context = RequestContext(input)
        switch rule {
        case .notAFailure:
            return nil
        case .fixed(let category):
            return requestDraft(category, context)
        case .missingObject:
            return missingObject(context)
        case .invalidReference:
            return invalidReference(context)
        case .saveRefused:
            return requestDraft(context.message.saveRefusal, context)
        case .fieldValue:
            return fieldValue(context)
        }
    }

    /// Classifies a failure to reach QuickBooks or to run a session. Always a failure.
    public static func classify(_ input: ConnectionFailureInput) -> FailureRecordDraft {
        switch input.source {
        case .connectionError, .receiveResponseXML:
            hresultDraft(input)
        case .authentication:
            authenticationDraft(input)
        case .clientVersion:
            clientVersionDraft(input)
        case .schedule:
            notSyncingDraft(input)
        }
    }

    /// Decides whether a payment may be posted to one invoice, from the check query's result
    /// (docs/failure-catalogue.md, "The invoice check"): missing → `invoice_missing`, paid → `already_applied`, balance too low →
    /// `amount_changed`, another customer or A/R account → `customer_missing` /
    /// `reference_missing`, otherwise post.
    public static func preflight(_ evidence: PreflightEvidence) -> PreflightDecision {
        guard let draft = invoiceDraft(InvoiceCheck.evaluate(evidence), evidence, context: nil) else {
            return .post
        }
        return .fail(draft)
    }

    /// Decides whether a payment may be sent at all, from its date and the closing date this session's host
    /// report named (docs/failure-catalogue.md, "The closing date"): on or before the closing date →
    /// `period_closed`, without a request QuickBooks would refuse with 3171.
    public static func preflight(_ dating: PaymentDating) -> PreflightDecision {
        guard dating.isInClosedPeriod else { return .post }
        var evidence = FailureEvidence()
        evidence.source = "preflight"
        evidence.requestKind = "ReceivePaymentAdd"
        evidence.customerName = dating.customer?.fullName
        evidence.amountToApply = dating.amount
        evidence.transactionDate = dating.paymentDate.description
        evidence.closingDate = dating.closingDate?.description
        let text = BusinessRuleTexts.periodClosed(BusinessRuleTexts.ClosedPeriod(
            noun: "payment", transactionDate: dating.paymentDate, closingDate: dating.closingDate,
            customerName: dating.customer?.fullName, amount: dating.amount, refusal: nil))
        return .fail(draft(.periodClosed, text, evidence: evidence))
    }

    /// The invoice TxnIDs to read again (InvoiceQuery by TxnID with linked transactions) before a rejected
    /// payment is classified; empty when the classification does not read the invoice, so no round trip is
    /// spent on it. The rule per status code is `InvoiceRecheck` (docs/failure-catalogue.md, "Payments"):
    /// a 3120 naming an applied invoice (or no object), or an over-payment 3210, on a payment without
    /// check evidence yet.
    public static func invoicesToRecheck(after input: RequestFailureInput) -> [String] {
        guard input.isPayment, input.preflight == nil else { return [] }
        let context = RequestContext(input)
        switch StatusCodeTable.rule(for: input.statusCode).invoiceRecheck {
        case .none:
            return []
        case .namedInvoice:
            guard let id = context.message.objectID else { return input.applications.map(\.txnID) }
            if input.applications.contains(where: { $0.txnID == id }) { return [id] }
            return input.applications.isEmpty ? [id] : []
        case .overpaidInvoice:
            guard context.message.isOverpayment else { return [] }
            if let application = overpaidApplication(context) { return [application.txnID] }
            return input.applications.map(\.txnID)
        }
    }

    /// True when a check query's status means "the invoice is not there": 1 (no match),
    /// 500 (element not found) or 3120 (object not found), docs/failure-catalogue.md, "Status codes".
    public static func meansNotFound(statusCode: Int) -> Bool {
        [1, 500, 3120].contains(statusCode)
    }

    /// True when QuickBooks skipped the request because an earlier one of its set failed (3231): nothing
    /// happened, so the request is simply sent again (docs/failure-catalogue.md, "Payments").
    public static func meansNotProcessed(statusCode: Int) -> Bool {
        statusCode == 3231
    }

    /// True when a query's iterator is gone (3391, or any code from 3000 whose message mentions the
    /// iterator): the pull starts a new one over the same filter (docs/failure-catalogue.md, "Pulls").
    public static func meansIteratorLost(statusCode: Int, message: String) -> Bool {
        statusCode == 3391 || (statusCode >= 3000 && message.localizedCaseInsensitiveContains("iterator"))
    }

    /// True when no session for this long is more than the schedule allows: three missed runs,
    /// and never less than an hour, so one slow run or a reboot does not raise an alarm.
    public static func isSyncOverdue(lastSessionAt: Date, now: Date, runEveryMinutes: Int) -> Bool {
        let allowedMinutes = max(runEveryMinutes * 3, 60)
        return now.timeIntervalSince(lastSessionAt) > Double(allowedMinutes * 60)
    }
}
