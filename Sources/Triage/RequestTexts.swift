import Foundation

/// Texts for request failures outside the invoice check, one function per category
/// (docs/failure-catalogue.md, "Categories"), filled with what the message and the request name.
enum RequestTexts {
    /// The closing steps shared by failures that a person fixes in the data, not in QuickBooks.
    private static let notYourBooks = "Nothing needs to change in QuickBooks: this comes from the data QBBridge sent or what the sending app gave it."

    /// `customer_missing`: 3140 Customer, 3120 on the customer's ListID, 3130 parent.
    static func customerMissing(_ context: RequestContext, parent: Bool) -> FailureText {
        let message = context.message
        // A 3140 on a ListID quotes the ListID where a name stands: name the customer as the job knows it instead.
        let quoted = message.objectName.flatMap { $0 == context.input.customer?.listID ? nil : $0 }
        let name = quoted ?? context.input.customer?.readableName
        let who: String
        if let name {
            who = "the \(parent ? "parent customer" : "customer") \(Phrase.quoted(name))"
        } else {
            let id = message.objectID ?? context.input.customer?.listID
            who = "the customer" + (id.map { " with ID \($0)" } ?? "")
        }
        let search = name.map { " and search for \(Phrase.quoted($0))" } ?? ""
        return FailureText(
            title: "\(Phrase.sentenceCase(who)) was not found in QuickBooks",
            summary: "QuickBooks could not find \(who) that this \(context.requestNoun) names. The customer was probably renamed, merged into another customer, made inactive or deleted in QuickBooks.",
            resolution: [
                "In QuickBooks, open Customers → Customer Center, set View to All Customers (so inactive ones show)\(search).",
                "If it is inactive, make it active again (right-click it → Make Customer:Job Active) and click Retry.",
                "If it was renamed or merged into another customer, have the app that sent the \(context.requestNoun) use the customer's current name and send it again, then click Dismiss syncing on this one.",
                "If it was deleted by mistake, re-create it in QuickBooks, then have the app send the \(context.requestNoun) again.",
            ])
    }

    /// `reference_missing`: 3140 on a non-customer list, or 3120 on one of the request's references.
    static func referenceMissing(_ context: RequestContext, kind: ReferenceKind, name: String?, id: String?) -> FailureText {
        let what = name.map { "\(kind.label) \(Phrase.quoted($0))" } ?? "\(kind.label)" + (id.map { " with ID \($0)" } ?? "")
        let lookFor = name.map { " and look for \(Phrase.quoted($0))" } ?? ""
        return FailureText(
            title: "\(Phrase.sentenceCase(what)) was not found in QuickBooks",
            summary: "QuickBooks could not find the \(what) that this \(context.requestNoun) uses. It was renamed, made inactive or deleted in QuickBooks, or the setting that names it points at the wrong entry.",
            resolution: [
                "In QuickBooks, open \(kind.quickBooksLocation), check Include inactive\(lookFor).",
                "If it has another name now, change the name in QBBridge's settings or in the app that sent the \(context.requestNoun); if it is inactive, make it active; if it was deleted, re-create it.",
                "Click Retry.",
            ])
    }

    /// `duplicate_name`: 3100.
    static func duplicateName(_ context: RequestContext) -> FailureText {
        let name = context.message.objectName
        let quoted = name.map(Phrase.quoted) ?? "the name"
        var summary = "QuickBooks refused to create this \(context.requestNoun) because another entry already uses \(name == nil ? "its name" : "the name \(quoted)"). Names must be unique across customers, vendors, employees and other names, and items share one list; the existing entry may be inactive."
        if let name, name.count == 31 || name.count == 41 {
            summary += " QuickBooks cuts names to \(name.count) characters, so two different long names can end up the same."
        }
        return FailureText(
            title: "The name \(quoted) is already used in QuickBooks",
            summary: summary,
            resolution: [
                "In QuickBooks, search for \(quoted) in the Customer Center or the matching list, with inactive entries shown.",
                "If it is the same \(context.requestNoun), use the existing entry: have the app that sent the request link to it instead of creating a new one, then click Dismiss syncing.",
                "If it is a different one, rename one of them (in QuickBooks or in the sending app), then click Retry.",
            ])
    }

    /// `edit_sequence_stale`: 3200.
    static func editSequenceStale(_ context: RequestContext) -> FailureText {
        let noun = context.requestNoun.replacingOccurrences(of: " update", with: "")
        let sequence = context.message.value.map { " (QuickBooks reported edit sequence \($0) as out of date)" } ?? ""
        return FailureText(
            title: "The \(noun) changed in QuickBooks before QBBridge's update",
            summary: "Someone changed this \(noun) in QuickBooks after QBBridge read it\(sequence), so QuickBooks refused QBBridge's update to protect their change.",
            resolution: [
                "Open the \(noun) in QuickBooks and check what was changed.",
                "Click Retry to apply QBBridge's change on top of the current version.",
                "If the change made in QuickBooks should stand, click Dismiss syncing.",
            ])
    }

    /// `record_locked`: 3175/3176, or 3170/3180 with a lock wording.
    static func recordLocked(_ context: RequestContext) -> FailureText {
        let message = context.message
        let named = message.objectName.map { "the record \(Phrase.quoted($0))" }
            ?? message.objectID.flatMap(context.readableName(of:))
        let what = named ?? message.objectID.map { "the record with ID \($0)" } ?? "a record it needed"
        let reason = message.quickBooksMessage.map { " QuickBooks said: \(Phrase.quoted($0))" } ?? ""
        return FailureText(
            title: "A QuickBooks record was in use by someone else",
            summary: "QuickBooks could not save this \(context.requestNoun) because \(what) was open or being changed by another user.\(reason) QBBridge tries again by itself after 1, 5, 15 and 60 minutes.",
            resolution: [
                "Ask the people using QuickBooks to close windows they are not using, especially invoices, customers and Receive Payments: an open window keeps its record locked.",
                "Nothing else to do: QBBridge tries again by itself.",
                "If it still fails after an hour, click Retry at a quiet moment.",
            ])
    }

    /// `not_processed`: 3231.
    static func notProcessed(_ context: RequestContext) -> FailureText {
        FailureText(
            title: "Skipped because an earlier request in the same batch failed",
            summary: "QuickBooks did not process this \(context.requestNoun) at all: an earlier request in the same batch failed and QuickBooks stopped there. Nothing is wrong with this one; QBBridge sends it again by itself.",
            resolution: [
                "Nothing to do for this one.",
                "Resolve the failure recorded just before it in the same sync; that one held this one up.",
            ])
    }

    /// `invalid_request`: 3000–3099, 3150, 3190, 3210 on other fields, 3170/3180 without a lock, 1060…
    static func invalidRequest(_ context: RequestContext) -> FailureText {
        let message = context.message
        let title: String
        if let field = message.field {
            title = "QuickBooks rejected the value of \(Phrase.quoted(field))"
        } else {
            title = "QuickBooks rejected the \(context.requestNoun) as invalid"
        }
        return FailureText(
            title: title,
            summary: Phrase.endSentence("QuickBooks rejected this \(context.requestNoun) (code \(context.input.statusCode)): \(context.quotedMessage)") + " This is a problem in the data QBBridge sent or in what the sending app gave it, not in anything done in QuickBooks, and sending it again unchanged would fail the same way.",
            resolution: [
                notYourBooks,
                "Send the code and message shown here to whoever runs QBBridge or the app that sent the \(context.requestNoun), so the data can be corrected.",
                "Once corrected, the app sends it again as a new request; click Dismiss syncing on this one.",
            ])
    }

    /// `feature_unavailable`: 3250, 1030.
    static func featureUnavailable(_ context: RequestContext) -> FailureText {
        FailureText(
            title: "A QuickBooks feature this \(context.requestNoun) needs is off or not available",
            summary: Phrase.endSentence("QuickBooks refused this \(context.requestNoun) because a feature it needs is turned off, or not available in this QuickBooks edition or version (code \(context.input.statusCode)): \(context.quotedMessage)"),
            resolution: [
                "Check which feature the \(context.requestNoun) uses (for example multiple currencies, inventory, classes, sales tax or price levels) and turn it on in QuickBooks under Edit → Preferences → Company Preferences, if your edition offers it.",
                "If you don't use that feature, ask whoever runs QBBridge to stop sending it for this company.",
                "Click Retry.",
            ])
    }

    /// `permission_denied`: 3260 (the QuickBooks user's rights), 3261 (personal data).
    static func permissionDenied(_ context: RequestContext) -> FailureText {
        if context.input.statusCode == 3261 {
            return FailureText(
                title: "QBBridge may not see personal data in this company file",
                summary: Phrase.endSentence("QuickBooks refused this \(context.requestNoun) because QBBridge is not allowed to access personal data (code 3261): \(context.quotedMessage)"),
                resolution: [
                    "As the QuickBooks Admin, open Edit → Preferences → Integrated Applications → Company Preferences, select QBBridge and click Properties.",
                    "Check “Allow this application to access personal data such as Social Security Numbers and customer credit card information” and click OK.",
                    "Click Retry.",
                ])
        }
        return FailureText(
            title: "The QuickBooks user QBBridge logs in as may not do this",
            summary: Phrase.endSentence("QuickBooks refused this \(context.requestNoun) because the QuickBooks user QBBridge logs in as lacks the rights for it (code \(context.input.statusCode)): \(context.quotedMessage)"),
            resolution: [
                "In QuickBooks, as Admin, find which user QBBridge logs in as: Edit → Preferences → Integrated Applications → Company Preferences → QBBridge → Properties.",
                "Open Company → Users → Set Up Users (Set Up Users and Roles in Enterprise) and give that user the rights this needs (for payments: Customers & Receivables / Accounts Receivable).",
                "Click Retry.",
            ])
    }

    /// `quickbooks_internal`: 1000.
    static func quickbooksInternal(_ context: RequestContext) -> FailureText {
        FailureText(
            title: "QuickBooks had an internal error",
            summary: Phrase.endSentence("QuickBooks failed internally while processing this \(context.requestNoun) (code \(context.input.statusCode)): \(context.quotedMessage)") + " This is often temporary; QBBridge tries once more by itself in 5 minutes.",
            resolution: ConnectionSteps.internalError)
    }

    /// `quickbooks_busy`: 1010 "System not available".
    static func quickbooksBusy(_ context: RequestContext) -> FailureText {
        FailureText(
            title: "QuickBooks was not available",
            summary: Phrase.endSentence("QuickBooks reported that it was not available while processing this \(context.requestNoun) (code \(context.input.statusCode)): \(context.quotedMessage)") + " This is usually temporary; QBBridge tries again by itself after 1, 5, 15 and 60 minutes.",
            resolution: [
                "Nothing to do now: QBBridge tries again by itself.",
                "If it keeps happening, check that QuickBooks is not busy with a long report, a backup or another integration at the times the Web Connector runs.",
            ])
    }

    /// `unknown`: a code with no entry; the raw code and message are kept.
    static func unknown(_ context: RequestContext) -> FailureText {
        FailureText(
            title: "QuickBooks refused the \(context.requestNoun) (code \(context.input.statusCode))",
            summary: Phrase.endSentence("QuickBooks refused this \(context.requestNoun) with code \(context.input.statusCode): \(context.quotedMessage)") + " QBBridge has no specific explanation for this code.",
            resolution: [
                "Read QuickBooks' message above: it often names the record or field involved.",
                "If it points at something in QuickBooks (a record, a preference), fix it there and click Retry.",
                "Otherwise send the code and message to your QBBridge administrator.",
            ])
    }
}
