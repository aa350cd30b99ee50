import Foundation

/// The facts a QuickBooks `statusMessage` carries, pulled out with the templates of
/// docs/failure-catalogue.md, "Reading status messages": the object ID of a 3120, the field and value of a 3210, the name of a
/// 3100/3140, and QuickBooks' own reason after "QuickBooks error message:".
///
/// Patterns search anywhere in the text, so prefixes apps add ("[QODBC] Error: 3210 - ",
/// "QuickBooks Error 3176: ") do not matter.
struct StatusMessage: Equatable {
    /// The message as received.
    var raw: String?
    /// Entities decoded, whitespace collapsed, trimmed.
    var text: String
    /// QuickBooks' internal reason, after "QuickBooks error message:".
    var quickBooksMessage: String?
    /// The object ID named by 3120 / 3000 / 3175 / 3176.
    var objectID: String?
    /// The name named by 3100 / 3130 / 3140 / 3170 / 3180.
    var objectName: String?
    /// The object type named by 3140 / 3170 / 3180 ("Customer", "Item", "AR Account").
    var objectType: String?
    /// The field named by 3000 / 3010 / 3020 / 3090 / 3210.
    var field: String?
    /// The value named by 3000 / 3010 / 3020 / 3090 / 3200 / 3210 / 500.
    var value: String?

    /// Normalizes `raw` and extracts every fact whose template matches; extracted names and
    /// values keep the spacing QuickBooks gave them.
    init(raw: String?) {
        self.raw = raw
        text = MessageNormalizer.normalize(raw ?? "")
        extractFacts()
        let decoded = MessageNormalizer.decode(raw ?? "")
        objectName = objectName.map { MessageNormalizer.originalSpacing(of: $0, in: decoded) }
        value = value.map { MessageNormalizer.originalSpacing(of: $0, in: decoded) }
    }

    /// True when QuickBooks' reason is a lock ("modified by another user", "failed to acquire the lock"…).
    var isLock: Bool {
        LockPatterns.matches(text)
    }

    /// True when QuickBooks' reason is the customer's credit limit ("The credit limit for the name on this
    /// transaction has been exceeded").
    var isCreditLimit: Bool {
        text.lowercased().contains("credit limit")
    }

    /// What a 3170/3180 "error when saving" means, by QuickBooks' reason: a lock, the credit limit, or a value
    /// QuickBooks refused. A lock wording wins, because a locked record says nothing about the limit.
    var saveRefusal: FailureCategory {
        if isLock { return .recordLocked }
        if isCreditLimit { return .creditLimitExceeded }
        return .invalidRequest
    }

    /// True for the 3210 over-payment: "You cannot pay more than the amount due" or the
    /// "AppliedToTxnAdd payment amount" field.
    var isOverpayment: Bool {
        let lowered = text.lowercased()
        return lowered.contains("cannot pay more than the amount due")
            || (field?.lowercased().contains("payment amount") ?? false)
    }

    private mutating func extractFacts() {
        if let match = text.firstMatch(of: /QuickBooks error message:\s*(.+)$/.ignoresCase()) {
            quickBooksMessage = String(match.1).trimmingCharacters(in: .whitespaces)
        }
        if let match = text.firstMatch(of: /Object "([^"]*)" specified in the request cannot be found/.ignoresCase()) {
            objectID = String(match.1)
        } else if let match = text.firstMatch(of: /given object ID "([^"]*)" in the field "([^"]*)"/.ignoresCase()) {
            objectID = String(match.1)
            field = String(match.2)
        } else if let match = text.firstMatch(of: /adding, modifying or deleting (\S+) because it is already in use/.ignoresCase()) {
            objectID = String(match.1)
        } else if let match = text.firstMatch(of: /specified by the id = "([^"]*)"/.ignoresCase()) {
            objectID = String(match.1)
        }
        if let match = text.firstMatch(of: /The name "(.*?)" of the list element is already in use/.ignoresCase()) {
            objectName = String(match.1)
        } else if let match = text.firstMatch(of: /invalid reference to a parent "(.*?)" in the (.+?) list/.ignoresCase()) {
            objectName = String(match.1)
            objectType = String(match.2)
        } else if let match = text.firstMatch(of: /error when saving an? (.+?)(?: list)?, element "(.*?)"/.ignoresCase()) {
            objectType = String(match.1)
            objectName = String(match.2)
        } else if let match = text.firstMatch(of: /error when (?:saving|modifying) an? (.+?)(?: named "(.*?)")?\./.ignoresCase()) {
            objectType = String(match.1)
            objectName = match.2.map(String.init)
        }
        extractInvalidReference()
        if let match = text.firstMatch(of: /The "(.*?)" field has an invalid value "(.*?)"/.ignoresCase()) {
            field = String(match.1)
            value = String(match.2)
        } else if let match = text.firstMatch(of: /storing "(.*?)" in the "(.*?)" field/.ignoresCase()) {
            value = String(match.1)
            field = String(match.2)
        } else if let match = text.firstMatch(of: /converting the (?:\w+ )?value "(.*?)" in the field "(.*?)"/.ignoresCase()) {
            value = String(match.1)
            field = String(match.2)
        } else if let match = text.firstMatch(of: /edit sequence "(.*?)" is out-of-date/.ignoresCase()) {
            value = String(match.1)
        } else if let match = text.firstMatch(of: /required element \("(.*?)"\)/.ignoresCase()) {
            value = String(match.1)
        }
    }

    /// 3140: `There is an invalid reference to QuickBooks {Type} "{name}" in the {Txn}[ line].`
    /// Falls back to known type words when the name is not quoted (vendor paraphrases, M16).
    private mutating func extractInvalidReference() {
        if let match = text.firstMatch(of: /invalid reference to QuickBooks (.+?) "(.*?)" in the/.ignoresCase()) {
            objectType = String(match.1)
            objectName = String(match.2)
            return
        }
        guard let match = text.firstMatch(of: /invalid reference to QuickBooks (.+?) in the\s/.ignoresCase()) else { return }
        let phrase = String(match.1)
        let knownTypes = ["Customer:Job", "Customer", "AR Account", "A/R Account", "Accounts Receivable",
                          "Payment Method", "PaymentMethod", "Sales Tax Code", "Account", "Item", "Class", "Template"]
        for type in knownTypes where phrase.lowercased().hasPrefix(type.lowercased() + " ") {
            objectType = type
            objectName = String(phrase.dropFirst(type.count + 1))
            return
        }
        objectType = phrase
    }
}
