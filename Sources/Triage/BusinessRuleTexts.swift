/// Texts for QuickBooks' business-rule refusals (docs/failure-catalogue.md, "Categories"): the closing date,
/// the credit limit and a missing subscription. Nothing is wrong with the request itself; a rule the company
/// set (or a subscription it lacks) stops it, so every text says who can lift the rule and where.
enum BusinessRuleTexts {
    /// What a `period_closed` text names, from the pre-flight check or from QuickBooks' 3171.
    struct ClosedPeriod {
        /// "payment", "payment deletion"…
        var noun: String
        /// The transaction's date, when known.
        var transactionDate: LedgerDate?
        /// The company's closing date, when the host report named it.
        var closingDate: LedgerDate?
        /// The customer's name, when known.
        var customerName: String?
        /// The amount, when known.
        var amount: Amount?
        /// QuickBooks' code and quoted message when QuickBooks refused it; nil when the bridge held it back.
        var refusal: (code: Int, quotedMessage: String)?
    }

    /// `period_closed`: 3171, or the pre-flight check against the reported closing date.
    static func periodClosed(_ facts: ClosedPeriod) -> FailureText {
        let closing = facts.closingDate.map { "the closing date \($0)" } ?? "the company's closing date"
        let dated = facts.transactionDate.map { " dated \($0)" } ?? ""
        let title = facts.transactionDate == nil
            ? "The \(facts.noun) is dated on or before \(closing)"
            : "The \(facts.noun)\(dated) is on or before \(closing)"
        var what = "This \(facts.noun)"
        if let amount = facts.amount { what += " of \(amount.displayText)" }
        if let customer = facts.customerName { what += " from \(Phrase.quoted(customer))" }
        let when = facts.transactionDate.map { "is dated \($0), on or before \(closing)" } ?? "is dated on or before \(closing)"
        let rule = "QuickBooks accepts changes in a closed period only from someone who types the closing date password in QuickBooks itself, which an unattended sync cannot do."
        let summary: String
        if let refusal = facts.refusal {
            summary = "\(what) \(when). \(rule) "
                + Phrase.endSentence("QuickBooks refused it (code \(refusal.code)): \(refusal.quotedMessage)")
        } else {
            summary = "\(what) \(when), which QuickBooks reported at the start of this sync, so QBBridge did not send it. \(rule)"
        }
        let before = facts.transactionDate.map { " to a day before \($0)" } ?? " to a day before the \(facts.noun)'s date"
        return FailureText(
            title: title,
            summary: summary,
            resolution: [
                "If the \(facts.noun) really happened after \(closing), correct its date in the app that sent it and have the app send it again; then click Dismiss syncing on this one.",
                "If it belongs in the closed period, ask a QuickBooks admin to move the closing date\(before) (Company → Set Closing Date, where the closing date password is kept too), then click Retry.",
                "Once it is posted, the admin can set the closing date back.",
            ])
    }

    /// `period_closed` from a request status (3171): the dates the bridge knows about the request.
    static func periodClosed(_ context: RequestContext) -> FailureText {
        periodClosed(ClosedPeriod(
            noun: context.requestNoun, transactionDate: context.input.transactionDate,
            closingDate: context.input.closingDate, customerName: context.input.customer?.fullName,
            refusal: (context.input.statusCode, context.quotedMessage)))
    }

    /// `credit_limit_exceeded`: 3170/3180 with QuickBooks' credit-limit wording.
    static func creditLimitExceeded(_ context: RequestContext) -> FailureText {
        let name = context.input.customer?.fullName
        let customer = name.map(Phrase.quoted) ?? "the customer"
        let open = name.map { "double-click \(Phrase.quoted($0))" } ?? "double-click the customer"
        return FailureText(
            title: "The credit limit of \(customer) would be exceeded",
            summary: Phrase.endSentence("QuickBooks refused this \(context.requestNoun) because it would take \(customer) over the credit limit set on the customer in QuickBooks (code \(context.input.statusCode)): \(context.quotedMessage)"),
            resolution: [
                "In QuickBooks, open Customers → Customer Center, \(open) and compare Credit Limit (Payment Settings tab) with the customer's open balance.",
                "If the limit is too low, raise it or clear it, then click Retry.",
                "If the limit is right, record the customer's payments or credits first so the balance drops, then click Retry; if this \(context.requestNoun) should not be recorded at all, click Dismiss syncing.",
            ])
    }

    /// `subscription_required`: 3262, 3264.
    static func subscriptionRequired(_ context: RequestContext) -> FailureText {
        FailureText(
            title: "This \(context.requestNoun) needs a QuickBooks subscription the company file does not have",
            summary: Phrase.endSentence("QuickBooks refused this \(context.requestNoun) because the feature it uses needs an active Intuit subscription (such as a payroll, payments or Desktop Plus/Enterprise subscription) that this company file lacks or that has lapsed (code \(context.input.statusCode)): \(context.quotedMessage)"),
            resolution: [
                "In QuickBooks, as Admin, check the subscription QuickBooks' message names (Help → Manage My License, or Employees → My Payroll Service → Account/Billing Information) and activate or renew it.",
                "If the company does not use that feature, ask whoever runs QBBridge or the sending app to stop sending it for this company, then click Dismiss syncing.",
                "Once the subscription is active, click Retry.",
            ])
    }
}
