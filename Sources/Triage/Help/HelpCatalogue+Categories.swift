/// The catalogue entry of each failure category.
///
/// The switch has no `default`: a new `FailureCategory` case does not compile until it has an entry, so a
/// category can never be missing from the help pages. Titles and steps are Triage's own: connection
/// categories use `ConnectionTexts` and `ConnectionSteps` as their records do, and request categories run
/// the record texts (`RequestTexts`, `InvoiceTexts`) over a request that names nothing, which gives their
/// general wording. Only `already_applied` and `mapping_conflict`, whose record texts are built around the
/// payments and customers found, have general steps written here.
extension HelpCatalogue {
    /// The entry for `category`.
    static func categoryEntry(_ category: FailureCategory) -> HelpEntry {
        let text = categoryText(category)
        return HelpEntry(code: category.rawValue, kind: .category, title: text.title, meaning: text.meaning,
                         causes: text.causes, steps: text.steps)
    }

    /// The four texts of a category entry.
    private struct CategoryText {
        var title: String
        var meaning: String
        var causes: [String]
        var steps: [String]

        /// A connection category: its record's title, explanation and steps, with the causes given here.
        static func connection(_ category: FailureCategory, meaning: String? = nil, causes: [String]) -> CategoryText {
            CategoryText(title: ConnectionTexts.title(for: category),
                         meaning: meaning ?? ConnectionTexts.explanation(for: category),
                         causes: causes,
                         steps: ConnectionSteps.steps(for: category, companyFilePath: nil))
        }

        /// A request category: the record text's steps (and title, unless a general one is given).
        static func request(_ text: FailureText, title: String? = nil, meaning: String, causes: [String]) -> CategoryText {
            CategoryText(title: title ?? text.title, meaning: meaning, causes: causes, steps: text.resolution)
        }
    }

    /// A request of `kind` that names no customer, invoice or value, so the record texts speak in general terms.
    private static func general(_ kind: String, statusCode: Int) -> RequestContext {
        RequestContext(RequestFailureInput(requestKind: kind, statusCode: statusCode))
    }

    /// Invoice facts with nothing known: "the invoice", "the payment's amount".
    private static var anyInvoice: InvoiceFacts {
        InvoiceFacts(application: nil, txnID: nil, customer: nil)
    }

    private static func categoryText(_ category: FailureCategory) -> CategoryText {
        let payment = "ReceivePaymentAdd"
        switch category {
        case .alreadyApplied:
            return CategoryText(
                title: "The invoice is already paid in QuickBooks",
                meaning: "The invoice this payment is for is already paid in QuickBooks, so posting it would pay the invoice twice. QBBridge held the payment back; nothing was changed in QuickBooks.",
                causes: [
                    "Someone entered the same customer payment by hand in QuickBooks (Receive Payments) before QBBridge posted it.",
                    "A credit memo, a discount or a journal entry closed the invoice.",
                    "The sending app sent the same payment a second time under a new externalId.",
                    "The customer really paid twice.",
                ],
                steps: [
                    "In QuickBooks, open the invoice (Customers → Customer Center) and check its history (Reports tab → Transaction History) to see what closed it.",
                    "If that is this same customer payment entered by hand, it is already recorded: click Dismiss syncing so QBBridge never posts it.",
                    "If it was entered by mistake, delete it in QuickBooks (open it, then Edit → Delete) and click Retry.",
                    "If the customer really paid twice, record the extra money in QuickBooks as a credit for the customer or refund it, then click Dismiss syncing.",
                    "If the record says QBBridge posted the first payment itself, nothing was paid twice: click Dismiss syncing, and ask the sending app to reuse the same externalId whenever it sends a payment again.",
                ])
        case .amountChanged:
            return .request(
                InvoiceTexts.overpaymentUnchecked(anyInvoice),
                title: "The invoice's open balance is less than the payment",
                meaning: "The invoice now has less left to pay than this payment applies to it, so QuickBooks would refuse it as more than the amount due. QBBridge checks the invoice again at every sync and posts the payment by itself once the balance covers it.",
                causes: [
                    "A credit memo was applied to the invoice in QuickBooks.",
                    "Another payment already paid part of the invoice.",
                    "The invoice was edited (lines, discount or sales tax) after the customer paid.",
                ])
        case .invoiceMissing:
            return .request(
                InvoiceTexts.missing(anyInvoice, candidate: nil, rejected: false),
                meaning: "QuickBooks no longer has the invoice the payment is for, under the ID the payment names. QBBridge never moves a payment to another invoice by itself.",
                causes: [
                    "The invoice was deleted in QuickBooks.",
                    "The invoice was deleted and entered again, which gives it a new ID.",
                    "A backup from before the invoice existed was restored.",
                ])
        case .customerMissing:
            return .request(
                RequestTexts.customerMissing(general(payment, statusCode: 3140), parent: false),
                meaning: "QuickBooks cannot find the customer the request names, or the invoice now belongs to another customer.",
                causes: [
                    "The customer was renamed or merged into another customer in QuickBooks.",
                    "The customer was made inactive or deleted.",
                    "The invoice was moved to another customer.",
                ])
        case .referenceMissing:
            return .request(
                RequestTexts.referenceMissing(general(payment, statusCode: 3140), kind: .other, name: nil, id: nil),
                title: "An account, payment method or other list entry was not found in QuickBooks",
                meaning: "QuickBooks cannot find a list entry the request uses (an account, payment method, item, class, sales tax code, template or A/R account), or the invoice and the payment use different A/R accounts.",
                causes: [
                    "The entry was renamed, made inactive or deleted in QuickBooks.",
                    "A QBBridge setting or the sending app names an entry that does not exist in this company file.",
                    "The invoice is in a different A/R account than the payment.",
                ])
        case .duplicateName:
            return .request(
                RequestTexts.duplicateName(general("CustomerAdd", statusCode: 3100)),
                title: "The name is already used in QuickBooks",
                meaning: "QuickBooks would not create a new list entry because another entry already has that name. Customers, vendors, employees and other names share one list of names.",
                causes: [
                    "The entry already exists, perhaps inactive.",
                    "A vendor, employee or other name uses the same name.",
                    "Two long names became the same when QuickBooks cut them to 31 or 41 characters.",
                ])
        case .editSequenceStale:
            return .request(
                RequestTexts.editSequenceStale(general("InvoiceMod", statusCode: 3200)),
                meaning: "Someone changed the record in QuickBooks after QBBridge read it, so QuickBooks refused QBBridge's change to protect theirs.",
                causes: ["A person edited the same record in QuickBooks between QBBridge reading it and saving it."])
        case .recordLocked:
            return .request(
                RequestTexts.recordLocked(general(payment, statusCode: 3175)),
                meaning: "A record QuickBooks needed was open or being changed by another user, so it could not be saved. QBBridge tries again by itself after 1, 5, 15 and 60 minutes.",
                causes: [
                    "Someone has the invoice, the customer or a Receive Payments window open in QuickBooks.",
                    "Another integration was changing the same records.",
                ])
        case .notProcessed:
            return .request(
                RequestTexts.notProcessed(general(payment, statusCode: 3231)),
                meaning: "QuickBooks skipped this request because an earlier request in the same batch failed. Nothing is wrong with this one; QBBridge sends it again by itself.",
                causes: ["Another request sent in the same sync failed first."])
        case .invalidRequest:
            return .request(
                RequestTexts.invalidRequest(general(payment, statusCode: 3000)),
                title: "QuickBooks rejected the request as invalid",
                meaning: "QuickBooks rejected the request or one of its values. The problem is in what QBBridge sent or what the sending app gave it, not in your books, and sending it again unchanged would fail the same way.",
                causes: [
                    "A value is too long, in the wrong format or not allowed (a date, an amount, an ID).",
                    "The sending app gave QBBridge data QuickBooks cannot take.",
                    "A defect in QBBridge.",
                ])
        case .featureUnavailable:
            return .request(
                RequestTexts.featureUnavailable(general(payment, statusCode: 3250)),
                title: "A QuickBooks feature the request needs is off or not available",
                meaning: "The request needs a QuickBooks feature that is turned off, or that this edition or version of QuickBooks does not have.",
                causes: [
                    "A preference such as multiple currencies, inventory, classes or sales tax is turned off.",
                    "The QuickBooks edition cannot do it (QuickBooks Basic cannot work with integrations at all).",
                    "The copy of QuickBooks is not registered.",
                ])
        case .permissionDenied:
            return .request(
                RequestTexts.permissionDenied(general(payment, statusCode: 3260)),
                meaning: "The QuickBooks user QBBridge logs in as may not do what the request asks, or QBBridge is not allowed to see personal data in this company file.",
                causes: [
                    "The integration's QuickBooks user lacks the rights (for payments: Customers & Receivables).",
                    "QBBridge's entry in Integrated Applications does not allow access to personal data.",
                ])
        case .periodClosed:
            return .request(
                BusinessRuleTexts.periodClosed(.init(noun: "payment", transactionDate: nil, closingDate: nil, customerName: nil, amount: nil, refusal: nil)),
                title: "The payment is dated on or before the company's closing date",
                meaning: "The company's books are closed up to a closing date, and the payment is dated on or before it. QuickBooks accepts changes in a closed period only from someone who types the closing date password in QuickBooks itself, which an unattended sync cannot do. When QuickBooks reported its closing date at the start of the sync, QBBridge held the payment back without sending it; otherwise QuickBooks refused it (code 3171).",
                causes: [
                    "The sending app dated the payment when the money was received, and the books for that month are already closed.",
                    "A payment was sent late, after the bookkeeper closed the period.",
                    "The closing date was set further ahead than intended.",
                ])
        case .creditLimitExceeded:
            return .request(
                BusinessRuleTexts.creditLimitExceeded(general(payment, statusCode: 3180)),
                title: "A customer's credit limit would be exceeded",
                meaning: "QuickBooks refused the transaction because it would take the customer over the credit limit set on the customer in QuickBooks (code 3180, sometimes 3170). Nothing was changed in QuickBooks.",
                causes: [
                    "The customer's credit limit in QuickBooks is lower than their open balance plus this transaction.",
                    "Older payments or credits of the customer are not recorded yet, so the balance looks higher than it is.",
                ])
        case .subscriptionRequired:
            return .request(
                BusinessRuleTexts.subscriptionRequired(general(payment, statusCode: 3262)),
                title: "The request needs a QuickBooks subscription the company file does not have",
                meaning: "QuickBooks refused the request because the feature it uses needs an active Intuit subscription that this company file lacks or that has lapsed (codes 3262 and 3264). Nothing was changed in QuickBooks.",
                causes: [
                    "A payroll, payments or Desktop Plus/Enterprise subscription has lapsed or was never activated on this company file.",
                    "The sending app uses a feature this company does not pay for.",
                ])
        case .quickbooksInternal:
            return .request(
                RequestTexts.quickbooksInternal(general(payment, statusCode: 1000)),
                meaning: "QuickBooks failed inside itself while working on the request. This is often temporary; QBBridge tries once more by itself in 5 minutes.",
                causes: ["A passing problem in QuickBooks.", "Damage in the company file that Verify Data finds."])
        case .unknown:
            return .request(
                RequestTexts.unknown(general(payment, statusCode: 3999)),
                title: "QuickBooks refused the request for a reason QBBridge does not know",
                meaning: "QuickBooks refused the request with a code or message QBBridge has no specific explanation for. The record keeps QuickBooks' exact code and message.",
                causes: ["A QuickBooks rule QBBridge does not know yet; QuickBooks' own message usually names the record or field."])
        case .mappingConflict:
            return CategoryText(
                title: "An upstream customer matches several QuickBooks customers",
                meaning: "Your app's customer id matched more than one QuickBooks customer by name or email. QBBridge will not guess which one receives the payments, so payments for that customer wait until it is mapped.",
                causes: [
                    "Duplicate customers in QuickBooks with the same name or email.",
                    "Customer:Job entries that share their parent's email.",
                ],
                steps: [
                    "Decide which QuickBooks customer it is; the candidates and their ListIDs are listed in the record's evidence.",
                    "If the others are duplicates, merge them in QuickBooks (Customer Center → Edit Customer → rename to the surviving name), then pull customers again.",
                    "Map it explicitly with POST /api/v1/companies/{id}/customer-mappings, giving the externalId and the chosen listId; the record is resolved by itself.",
                ])
        case .popupBlocking:
            return .connection(category, causes: [
                "An update notice, backup reminder, password expiry or other window is open in QuickBooks on the Web Connector's computer.",
                "QuickBooks asks a question at start-up that nobody is there to answer.",
            ])
        case .quickbooksCannotStart:
            return .connection(category, causes: [
                "The Windows user that runs the Web Connector is signed out, or the computer is asleep.",
                "QuickBooks is open under another Windows user, or a stray QuickBooks process is still running.",
                "QuickBooks and the Web Connector run with different elevation (one with Run as administrator).",
                "QBBridge is not allowed to log in automatically when QuickBooks is closed.",
            ])
        case .singleUserMode:
            return .connection(category, causes: [
                "Someone has the company file open in single-user mode for admin work.",
                "Another integrated program has the company file to itself.",
                "Every QuickBooks licence is in use by people working in QuickBooks.",
            ])
        case .wrongCompanyFile:
            return .connection(category, causes: ["QuickBooks on the Web Connector's computer has another company file open."])
        case .companyFileUnavailable:
            return .connection(category, causes: [
                "The company file was moved, renamed or is on a network share that cannot be reached.",
                "QuickBooks is open without a company file and no file path is known.",
                "The file was last used with another QuickBooks version, or it is damaged.",
            ])
        case .applicationNotAuthorized:
            return .connection(category, causes: [
                "QBBridge was never allowed into this company file by the QuickBooks Admin.",
                "Someone answered No when QuickBooks asked, or removed QBBridge from Integrated Applications.",
                "QBBridge's certificate in QuickBooks expired or its automatic login was turned off.",
            ])
        case .quickbooksBusy:
            return .connection(category, causes: [
                "QuickBooks was still starting.",
                "A long report, a backup or another integration held the company file for a moment.",
            ])
        case .qbxmlVersionUnsupported:
            return .connection(category, causes: ["QuickBooks Desktop on the Web Connector's computer is older than the requests QBBridge sends."])
        case .quickbooksNotInstalled:
            return .connection(category, causes: [
                "QuickBooks Desktop is not installed on the Web Connector's computer, or its installation is damaged.",
                "The QuickBooks components the Web Connector uses are missing or not registered.",
            ])
        case .authenticationFailed:
            return .connection(
                category,
                meaning: "The Web Connector signed in with a user name or password QBBridge did not accept, often enough that the user name is locked for a while. No sync runs until it signs in.",
                causes: [
                    "The password typed in the Web Connector is not the one set for this company in QBBridge.",
                    "The password was changed in QBBridge but not in the Web Connector.",
                    "The Web Connector uses an old .qwc file with another user name.",
                ])
        case .clientVersionOutdated:
            return .connection(
                category,
                meaning: "The Web Connector on the QuickBooks computer is older than QBBridge accepts. It will not sync until it is updated.",
                causes: ["An old QuickBooks Web Connector is installed."])
        case .notSyncing:
            return .connection(
                category,
                meaning: "The Web Connector has not connected for longer than three of its scheduled runs (at least an hour). Payments for this company wait and do not reach QuickBooks.",
                causes: [
                    "The Windows user that runs the Web Connector is signed out, or the computer is asleep or off.",
                    "The Web Connector is not running, or Auto-Run is off for QBBridge.",
                    "The computer cannot reach QBBridge's address (network, firewall or certificate).",
                ])
        }
    }
}
