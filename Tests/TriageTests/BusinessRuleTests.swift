import Testing
import Triage
import QBBridgeTesting

/// Status messages of QuickBooks' business-rule refusals. 3171 and 3180 are QuickBooks' wording as captured
/// from real company files (3171 for an invoice reads "modify a Invoice"; a payment is a "Receive Payment");
/// 3220, 3262 and 3264 follow QuickBooks' status table, their wording is not captured, and the code alone
/// decides their category.
enum BusinessRuleSamples {
    static let closedPeriod = "An attempt was made to modify a Receive Payment with a date that is on or before the closing date of the company.  If you are sure you really want to do this, please ask a user with Admin privileges to remove the password for editing transactions on or before to closing date (this setting is in the Accounting Company Preferences), then try again."
    static let creditLimit = "There was an error when saving a Invoice.  QuickBooks error message: The credit limit for the name on this transaction has been exceeded."
    static let subscription = "This feature requires a subscription to an Intuit service that is not active for this company file."
    static let notAuthorized = "The user is not authorized to perform this action in QuickBooks."
}

@Suite("Business-rule refusals: the closing date, credit limits, subscriptions, authorization", .tagFilter)
struct BusinessRuleTests {
    static let customer = ListReference(listID: "80000102-1795183203", fullName: "Harbor Dental")

    static func payment(_ code: Int, _ message: String, date: String? = "2026-11-20", closing: String? = "2026-12-31") -> RequestFailureInput {
        RequestFailureInput(
            requestKind: "ReceivePaymentAdd", statusCode: code, statusSeverity: "Error", statusMessage: message,
            applications: [AppliedInvoice(txnID: "1C5D-1780069371", refNumber: "1043", amount: Amount("1500.00"))],
            customer: customer, transactionDate: date.flatMap(LedgerDate.init), closingDate: closing.flatMap(LedgerDate.init))
    }

    // MARK: The closing date

    @Test("3171 on a payment is period_closed, naming the payment date and the closing date")
    func closedPeriodRefusal() throws {
        let draft = try #require(Classifier.classify(Self.payment(3171, BusinessRuleSamples.closedPeriod)))
        #expect(draft.category == .periodClosed)
        #expect(draft.title == "The payment dated 2026-11-20 is on or before the closing date 2026-12-31")
        #expect(draft.summary.contains("from “Harbor Dental” is dated 2026-11-20, on or before the closing date 2026-12-31"))
        #expect(draft.summary.contains("QuickBooks refused it (code 3171)"))
        #expect(draft.evidence.transactionDate == "2026-11-20")
        #expect(draft.evidence.closingDate == "2026-12-31")
        #expect(draft.evidence.source == "request")
        #expect(draft.statusCode == 3171)
        #expect(draft.actions == [.retry, .dismiss, .delete])
        #expect(draft.retryPolicy == nil, "a closing date moves only when a person decides so")
        #expect(draft.resolution.contains { $0.contains("correct its date in the app that sent it") && $0.contains("Dismiss syncing") })
        #expect(draft.resolution.contains { $0.contains("Company → Set Closing Date") && $0.contains("before 2026-11-20") && $0.contains("Retry") })
    }

    @Test("3171 when the closing date was not reported names the payment date and the company's closing date")
    func closedPeriodWithoutKnownClosingDate() throws {
        let draft = try #require(Classifier.classify(Self.payment(3171, BusinessRuleSamples.closedPeriod, closing: nil)))
        #expect(draft.category == .periodClosed)
        #expect(draft.title == "The payment dated 2026-11-20 is on or before the company's closing date")
        #expect(draft.evidence.closingDate == nil)
        #expect(draft.evidence.quickBooksMessage == nil)
        #expect(draft.summary.contains("“An attempt was made to modify a Receive Payment with a date that is on or before the closing date of the company."))
    }

    @Test("3171 on a request whose date the bridge does not know still reads as a closed period")
    func closedPeriodWithoutDates() throws {
        let input = RequestFailureInput(requestKind: "TxnDel", statusCode: 3171, statusMessage: BusinessRuleSamples.closedPeriod)
        let draft = try #require(Classifier.classify(input))
        #expect(draft.category == .periodClosed)
        #expect(draft.title == "The transaction deletion is dated on or before the company's closing date")
        #expect(draft.resolution.contains { $0.contains("to a day before the transaction deletion's date") })
    }

    @Test("a payment dated on or before the reported closing date is held back by the pre-flight check",
          arguments: ["2026-12-31", "2026-11-20", "2019-01-01"])
    func preflightHoldsBackClosedPeriod(_ date: String) throws {
        let dating = PaymentDating(
            paymentDate: try #require(LedgerDate(date)), closingDate: LedgerDate("2026-12-31"),
            customer: Self.customer, amount: Amount("1500.00"))
        guard case .fail(let draft) = Classifier.preflight(dating) else {
            Issue.record("a payment in the closed period must not be sent")
            return
        }
        #expect(draft.category == .periodClosed)
        #expect(draft.title == "The payment dated \(date) is on or before the closing date 2026-12-31")
        #expect(draft.summary.contains("This payment of $1,500.00 from “Harbor Dental” is dated \(date)"))
        #expect(draft.summary.contains("QBBridge did not send it"))
        #expect(draft.evidence.source == "preflight")
        #expect(draft.evidence.transactionDate == date)
        #expect(draft.evidence.closingDate == "2026-12-31")
        #expect(draft.evidence.amountToApply == Amount("1500.00"))
        #expect(draft.statusCode == nil)
        #expect(draft.actions == [.retry, .dismiss, .delete])
    }

    @Test("a payment dated after the closing date, or with no closing date reported, passes the pre-flight check",
          arguments: [("2027-01-01", "2026-12-31"), ("2026-11-20", nil)] as [(String, String?)])
    func preflightPassesOpenPeriod(_ date: String, _ closing: String?) throws {
        let dating = PaymentDating(paymentDate: try #require(LedgerDate(date)), closingDate: closing.flatMap(LedgerDate.init))
        #expect(Classifier.preflight(dating) == .post)
    }

    @Test("a ledger date reads exactly the days of the calendar written YYYY-MM-DD",
          arguments: [("2024-02-29", true), ("2026-12-31", true), ("2026-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
                      ("2026-13-01", false), ("2026-04-31", false), ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T00:00", false), ("", false)])
    func ledgerDateParsing(_ text: String, _ valid: Bool) {
        let date = LedgerDate(text)
        #expect((date != nil) == valid)
        if let date { #expect(date.description == text) }
    }

    @Test("ledger dates compare by year, month and day")
    func ledgerDateOrder() throws {
        let dates = try ["2026-12-31", "2026-02-01", "2025-12-31", "2026-01-31"].map { try #require(LedgerDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-31", "2026-02-01", "2026-12-31"])
    }

    // MARK: Credit limit, subscriptions, authorization

    @Test("3180 with QuickBooks' credit-limit wording is credit_limit_exceeded, naming the customer and the limit's place")
    func creditLimit() throws {
        let draft = try #require(Classifier.classify(Self.payment(3180, BusinessRuleSamples.creditLimit)))
        #expect(draft.category == .creditLimitExceeded)
        #expect(draft.title == "The credit limit of “Harbor Dental” would be exceeded")
        #expect(draft.summary.contains("The credit limit for the name on this transaction has been exceeded."))
        #expect(draft.evidence.quickBooksMessage == "The credit limit for the name on this transaction has been exceeded.")
        #expect(draft.evidence.objectType == "Invoice")
        #expect(draft.resolution.contains { $0.contains("Credit Limit") && $0.contains("Harbor Dental") })
        #expect(draft.resolution.contains { $0.contains("raise it") && $0.contains("Retry") })
        #expect(draft.actions == [.retry, .dismiss, .delete])
        #expect(draft.retryPolicy == nil)
    }

    @Test("3170 and 3180 are decided by QuickBooks' reason: a lock, the credit limit, or a refused value",
          arguments: [
            (3180, BusinessRuleSamples.creditLimit, FailureCategory.creditLimitExceeded),
            (3170, "There was an error when modifying a Sales Receipt.  QuickBooks error message: The credit limit for the name on this transaction has been exceeded.", .creditLimitExceeded),
            (3180, "There was an error when saving a Invoice.  QuickBooks error message: The transaction could not be locked.  It is in use by another user.", .recordLocked),
            (3180, "There was an error when saving a Customer list, element \"Harbor Dental\". QuickBooks error message: This record has an error in it.", .invalidRequest),
          ])
    func saveRefusals(_ code: Int, _ message: String, _ expected: FailureCategory) throws {
        let input = RequestFailureInput(requestKind: "InvoiceAdd", statusCode: code, statusMessage: message, customer: Self.customer)
        let draft = try #require(Classifier.classify(input))
        #expect(draft.category == expected)
    }

    @Test("3262 and 3264 are subscription_required, with steps to activate the subscription or stop sending", arguments: [3262, 3264])
    func subscriptionRequired(_ code: Int) throws {
        let draft = try #require(Classifier.classify(Self.payment(code, BusinessRuleSamples.subscription)))
        #expect(draft.category == .subscriptionRequired)
        #expect(draft.title == "This payment needs a QuickBooks subscription the company file does not have")
        #expect(draft.summary.contains("(code \(code))"))
        #expect(draft.resolution.contains { $0.contains("activate or renew it") })
        #expect(draft.resolution.contains { $0.contains("stop sending it") && $0.contains("Dismiss syncing") })
        #expect(draft.actions == [.retry, .dismiss, .delete])
    }

    @Test("3220 is permission_denied, with the steps that give the integration's QuickBooks user the right")
    func notAuthorized() throws {
        let draft = try #require(Classifier.classify(Self.payment(3220, BusinessRuleSamples.notAuthorized)))
        #expect(draft.category == .permissionDenied)
        #expect(draft.summary.contains("(code 3220)"))
        #expect(draft.resolution.contains { $0.contains("Company → Users") })
        #expect(draft.actions.contains(.retry))
    }

    @Test("no business-rule refusal costs a round trip to read the invoice again", arguments: [3171, 3180, 3220, 3262, 3264])
    func noRecheck(_ code: Int) {
        let message = code == 3171 ? BusinessRuleSamples.closedPeriod : code == 3180 ? BusinessRuleSamples.creditLimit : BusinessRuleSamples.subscription
        #expect(Classifier.invoicesToRecheck(after: Self.payment(code, message)).isEmpty)
    }
}
