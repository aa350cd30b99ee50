extension Classifier {
    /// A request draft for a category known from the code alone.
    static func requestDraft(_ category: FailureCategory, _ context: RequestContext) -> FailureRecordDraft {
        let text: FailureText
        switch category {
        case .customerMissing: text = RequestTexts.customerMissing(context, parent: context.input.statusCode == 3130)
        case .duplicateName: text = RequestTexts.duplicateName(context)
        case .editSequenceStale: text = RequestTexts.editSequenceStale(context)
        case .recordLocked: text = RequestTexts.recordLocked(context)
        case .notProcessed: text = RequestTexts.notProcessed(context)
        case .invalidRequest: text = RequestTexts.invalidRequest(context)
        case .featureUnavailable: text = RequestTexts.featureUnavailable(context)
        case .permissionDenied: text = RequestTexts.permissionDenied(context)
        case .periodClosed:
            var evidence = context.baseEvidence()
            evidence.transactionDate = context.input.transactionDate?.description
            evidence.closingDate = context.input.closingDate?.description
            return requestDraft(.periodClosed, BusinessRuleTexts.periodClosed(context), context, evidence: evidence)
        case .creditLimitExceeded: text = BusinessRuleTexts.creditLimitExceeded(context)
        case .subscriptionRequired: text = BusinessRuleTexts.subscriptionRequired(context)
        case .quickbooksInternal: text = RequestTexts.quickbooksInternal(context)
        case .quickbooksBusy: text = RequestTexts.quickbooksBusy(context)
        case .referenceMissing:
            text = RequestTexts.referenceMissing(
                context, kind: .other, name: context.message.objectName, id: context.message.objectID)
        case .unknown, .alreadyApplied, .amountChanged, .invoiceMissing, .popupBlocking,
             .quickbooksCannotStart, .singleUserMode, .wrongCompanyFile, .companyFileUnavailable,
             .applicationNotAuthorized, .qbxmlVersionUnsupported, .quickbooksNotInstalled,
             .authenticationFailed, .clientVersionOutdated, .notSyncing, .mappingConflict:
            return requestDraft(.unknown, RequestTexts.unknown(context), context)
        }
        return requestDraft(category, text, context)
    }

    /// 3120: decide by which object's ID QuickBooks could not find.
    static func missingObject(_ context: RequestContext) -> FailureRecordDraft {
        let input = context.input
        let id = context.message.objectID
        if let preflight = input.preflight {
            if preflight.invoice == nil {
                return invoiceDraft(.missing, preflight, context: context) ?? requestDraft(.unknown, context)
            }
            if id == preflight.invoiceTxnID {
                // QuickBooks says the invoice is gone, the check query still finds it: retry once.
                return requestDraft(.unknown, RequestTexts.unknown(context), context, retryPolicy: .some(.once))
            }
        }
        if let id {
            if let application = input.applications.first(where: { $0.txnID == id }) {
                return missingInvoiceDraft(context, application: application, txnID: id)
            }
            if let customer = input.customer, customer.listID == id {
                return requestDraft(.customerMissing, RequestTexts.customerMissing(context, parent: false), context)
            }
            if let reference = input.references.first(where: { $0.reference.listID == id }) {
                return referenceDraft(context, kind: reference.kind, name: reference.reference.fullName, id: id)
            }
        }
        let kind = input.requestKind
        let isAdd = kind.hasSuffix("Add")
        if (kind.hasPrefix("Invoice") && !isAdd) || (input.isPayment && input.applications.isEmpty) {
            // InvoiceMod/Query/Del name the invoice itself; for payments a missing invoice is the
            // usual cause (docs/failure-catalogue.md, "Status codes", 3120).
            return missingInvoiceDraft(context, application: nil, txnID: id)
        }
        if kind.hasPrefix("Customer") || (isAdd && !input.isPayment && input.customer == nil && isTransaction(kind)) {
            // A transaction add whose customer the bridge did not describe most likely names a
            // deleted customer or job (M04: InvoiceAdd for a deleted parent customer).
            return requestDraft(.customerMissing, RequestTexts.customerMissing(context, parent: false), context)
        }
        return referenceDraft(context, kind: kind.hasPrefix("Item") ? .item : .other, name: nil, id: id)
    }

    /// Sales transactions that carry a CustomerRef.
    private static func isTransaction(_ kind: String) -> Bool {
        ["Invoice", "SalesOrder", "SalesReceipt", "Estimate", "CreditMemo", "Charge"].contains { kind.hasPrefix($0) }
    }

    /// 3140: a Customer reference is `customer_missing`, any other list `reference_missing`.
    static func invalidReference(_ context: RequestContext) -> FailureRecordDraft {
        let type = context.message.objectType ?? ""
        let lowered = type.lowercased()
        if lowered.hasPrefix("customer") || lowered == "job" {
            return requestDraft(.customerMissing, RequestTexts.customerMissing(context, parent: false), context)
        }
        var kind = ReferenceKind(quickBooksObjectType: type)
        let quoted = context.message.objectName
        // A 3140 on a ListID quotes the ListID where a name stands: name the reference as the request does.
        let byID = quoted.flatMap { id in context.input.references.first { $0.reference.listID == id } }
        if let byID {
            if kind == .other { kind = byID.kind }
            return referenceDraft(context, kind: kind, name: byID.reference.readableName, id: quoted)
        }
        if kind == .other, let quoted,
           let known = context.input.references.first(where: { $0.reference.fullName == quoted }) {
            kind = known.kind
        }
        return referenceDraft(context, kind: kind, name: quoted, id: nil)
    }

    /// 3210: the over-payment on a payment goes through the invoice check; other fields are
    /// values QuickBooks rejected (`invalid_request`).
    static func fieldValue(_ context: RequestContext) -> FailureRecordDraft {
        guard context.input.isPayment, context.message.isOverpayment else {
            return requestDraft(.invalidRequest, context)
        }
        if let preflight = context.input.preflight {
            let verdict = InvoiceCheck.evaluate(preflight)
            return invoiceDraft(verdict, preflight, context: context) ?? requestDraft(.unknown, context)
        }
        let application = overpaidApplication(context)
        var facts = InvoiceFacts(application: application, txnID: nil, customer: context.input.customer)
        if facts.amount == nil { facts.amount = context.message.value.flatMap(Amount.init) }
        var evidence = context.baseEvidence()
        evidence.invoiceTxnID = facts.txnID
        evidence.invoiceRefNumber = facts.refNumber
        evidence.amountToApply = facts.amount
        return requestDraft(.amountChanged, InvoiceTexts.overpaymentUnchecked(facts), context, evidence: evidence)
    }

    /// The application a 3210 refers to: the one whose amount is the value QuickBooks quotes,
    /// else the only one.
    static func overpaidApplication(_ context: RequestContext) -> AppliedInvoice? {
        let applications = context.input.applications
        if let quoted = context.message.value.flatMap(Amount.init),
           let match = applications.first(where: { $0.amount == quoted }) {
            return match
        }
        return applications.count == 1 ? applications[0] : nil
    }

    /// `invoice_missing` from a 3120 naming an applied invoice, before any check query.
    private static func missingInvoiceDraft(
        _ context: RequestContext, application: AppliedInvoice?, txnID: String?
    ) -> FailureRecordDraft {
        let facts = InvoiceFacts(application: application, txnID: txnID, customer: context.input.customer)
        var evidence = context.baseEvidence()
        evidence.invoiceTxnID = facts.txnID
        evidence.invoiceRefNumber = facts.refNumber
        evidence.amountToApply = facts.amount
        return requestDraft(
            .invoiceMissing, InvoiceTexts.missing(facts, candidate: nil, rejected: true), context, evidence: evidence)
    }

    /// `reference_missing` naming the entry.
    private static func referenceDraft(
        _ context: RequestContext, kind: ReferenceKind, name: String?, id: String?
    ) -> FailureRecordDraft {
        var evidence = context.baseEvidence()
        if evidence.objectType == nil { evidence.objectType = kind.rawValue }
        if evidence.objectName == nil { evidence.objectName = name }
        return requestDraft(
            .referenceMissing, RequestTexts.referenceMissing(context, kind: kind, name: name, id: id), context,
            evidence: evidence)
    }
}
