import Foundation
import Testing
import Triage
import QBBridgeTesting

@Suite("Categories, actions and re-checks", .tagFilter)
struct CategoryPolicyTests {
    @Test("the category strings are exactly the public API values")
    func rawValues() {
        let request = ["already_applied", "amount_changed", "invoice_missing", "customer_missing", "reference_missing",
                       "duplicate_name", "edit_sequence_stale", "record_locked", "not_processed", "invalid_request",
                       "feature_unavailable", "permission_denied", "quickbooks_internal", "unknown"]
        let connection = ["popup_blocking", "quickbooks_cannot_start", "single_user_mode", "wrong_company_file",
                          "company_file_unavailable", "application_not_authorized", "quickbooks_busy",
                          "qbxml_version_unsupported", "quickbooks_not_installed", "authentication_failed",
                          "client_version_outdated", "not_syncing"]
        // Added with customer mappings (issue "Pulls…"): about an upstream id, not a QuickBooks request.
        let mapping = ["mapping_conflict"]
        // Added with QuickBooks' business-rule refusals (issue 22): request categories, appended so no value moves.
        let businessRules = ["period_closed", "credit_limit_exceeded", "subscription_required"]
        #expect(FailureCategory.allCases.map(\.rawValue) == request + connection + mapping + businessRules)
        #expect(FailureCategory.allCases.filter(\.isConnection).map(\.rawValue) == connection)
    }

    /// One input per category, so every category is reachable and carries sane actions.
    static let inputs: [(FailureCategory, @Sendable () -> FailureRecordDraft?)] = [
        (.alreadyApplied, { Classifier.preflight(Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "0.00", isPaid: true))).draft }),
        (.amountChanged, { Classifier.preflight(Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "10.00"))).draft }),
        (.invoiceMissing, { Classifier.preflight(Evidence.applying("1500.00", to: nil)).draft }),
        (.customerMissing, { request(3130, "There is an invalid reference to a parent \"X\" in the Customers list.") }),
        (.referenceMissing, { request(3140, "There is an invalid reference to QuickBooks PaymentMethod \"Visa\" in the ReceivePayment.") }),
        (.duplicateName, { request(3100, "The name \"X\" of the list element is already in use.") }),
        (.editSequenceStale, { request(3200, "The provided edit sequence \"1\" is out-of-date. ") }),
        (.recordLocked, { request(3176, "…because it is already in use.") }),
        (.notProcessed, { request(3231, "The request has not been processed.") }),
        (.invalidRequest, { request(3150, "There is a missing element: \"TxnDate\"") }),
        (.featureUnavailable, { request(1030, "This request is not supported by this implementation.") }),
        (.permissionDenied, { request(3260, "Insufficient permission level to perform this action.") }),
        (.quickbooksInternal, { request(1000, "There has been an internal error when processing the request.") }),
        (.unknown, { request(3270, "?") }),
        (.periodClosed, { request(3171, BusinessRuleSamples.closedPeriod) }),
        (.creditLimitExceeded, { request(3180, BusinessRuleSamples.creditLimit) }),
        (.subscriptionRequired, { request(3262, BusinessRuleSamples.subscription) }),
        (.popupBlocking, { connection("0x80040414") }),
        (.quickbooksCannotStart, { connection("0x80040408") }),
        (.singleUserMode, { connection("0x80040410") }),
        (.wrongCompanyFile, { connection("0x8004040A") }),
        (.companyFileUnavailable, { connection("0x80040403") }),
        (.applicationNotAuthorized, { connection("0x8004041D") }),
        (.quickbooksBusy, { request(1010, "System not available") }),
        (.qbxmlVersionUnsupported, { connection("0x80040423") }),
        (.quickbooksNotInstalled, { connection("0x80040154") }),
        (.authenticationFailed, { Classifier.classify(.authenticationFailed(userName: "u")) }),
        (.clientVersionOutdated, { Classifier.classify(.clientVersionOutdated(version: "1", minimum: "2")) }),
        (.notSyncing, { Classifier.classify(.notSyncing(lastSessionAt: nil, now: Date(), runEveryMinutes: 5)) }),
        (.mappingConflict, {
            Classifier.mappingConflict(externalID: "cus_1", lookedFor: "email \"a@b.example\"", candidates: [
                CustomerCandidate(listID: "1", fullName: "A East", email: "a@b.example", matchedBy: "email", isActive: true),
                CustomerCandidate(listID: "2", fullName: "A West", email: "a@b.example", matchedBy: "email", isActive: false),
            ])
        }),
    ]

    static func request(_ code: Int, _ message: String) -> FailureRecordDraft? {
        Classifier.classify(RequestFailureInput(requestKind: "ReceivePaymentAdd", statusCode: code, statusMessage: message))
    }

    static func connection(_ hresult: String) -> FailureRecordDraft? {
        Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: hresult, message: nil))
    }

    @Test("every category is reachable and offers dismiss, steps and a consistent re-check")
    func everyCategoryIsReachable() throws {
        #expect(Set(Self.inputs.map(\.0)) == Set(FailureCategory.allCases))
        for (category, make) in Self.inputs {
            let draft = try #require(make(), "\(category)")
            #expect(draft.category == category)
            #expect(draft.actions.contains(.dismiss), "\(category)")
            #expect(draft.resolution.count >= 2, "\(category)")
            #expect(draft.autoRecheck == (draft.retryPolicy != nil), "\(category)")
            #expect(!draft.title.isEmpty && !draft.summary.isEmpty, "\(category)")
        }
    }

    @Test(
        "the bridge re-checks exactly the transient and self-healing categories",
        arguments: [
            (FailureCategory.amountChanged, RetryPolicy?.some(.everySync)),
            (.recordLocked, .lockContention), (.quickbooksBusy, .lockContention), (.notProcessed, .requeue),
            (.quickbooksInternal, .once), (.alreadyApplied, nil), (.invoiceMissing, nil), (.invalidRequest, nil),
            (.unknown, nil), (.popupBlocking, nil), (.notSyncing, nil),
            (.periodClosed, nil), (.creditLimitExceeded, nil), (.subscriptionRequired, nil),
        ])
    func recheckTable(_ category: FailureCategory, _ policy: RetryPolicy?) throws {
        let make = try #require(Self.inputs.first { $0.0 == category }?.1)
        let draft = try #require(make())
        #expect(draft.retryPolicy == policy)
    }

    @Test("invalid_request is never offered for a blind retry")
    func invalidRequestHasNoRetry() throws {
        let draft = try #require(Self.request(3150, "There is a missing element: \"TxnDate\""))
        #expect(draft.actions == [.dismiss, .delete])
        #expect(draft.summary.contains("not in anything done in QuickBooks"))
    }

    @Test("a backoff policy is stored as a flat object with its delays")
    func retryPolicyJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(RetryPolicy.lockContention)
        #expect(String(decoding: data, as: UTF8.self) == #"{"delaysInSeconds":[60,300,900,3600],"kind":"backoff"}"#)
        #expect(try JSONDecoder().decode(RetryPolicy.self, from: data) == .lockContention)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RetryPolicy.self, from: Data(#"{"kind":"sometimes"}"#.utf8)) }
    }

    @Test("the lock backoff waits 1, 5, 15 and 60 minutes, then stops")
    func lockBackoffSchedule() {
        let policy = RetryPolicy.lockContention
        #expect((0..<5).map { policy.delay(afterAttempts: $0) } == [.seconds(60), .seconds(300), .seconds(900), .seconds(3600), nil])
        #expect(RetryPolicy.everySync.delay(afterAttempts: 1000) == .zero)
    }

    @Test("a draft survives a JSON round trip, with amounts as strings and no nulls")
    func draftJSON() throws {
        let evidence = Evidence.applying("1500.00", to: Evidence.invoice1043(balance: "1300.00", links: [Evidence.creditMemo311]))
        let draft = try #require(Classifier.preflight(evidence).draft)
        let data = try JSONEncoder().encode(draft)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""amountToApply":"1500.00""#))
        #expect(text.contains(#""category":"amount_changed""#))
        #expect(!text.contains("null"))
        #expect(text.contains(#""retryPolicy":{"kind":"everySync"}"#))
        #expect(try JSONDecoder().decode(FailureRecordDraft.self, from: data) == draft)
    }
}

extension PreflightDecision {
    /// The failure, if the decision is not to post.
    var draft: FailureRecordDraft? {
        if case .fail(let draft) = self { return draft }
        return nil
    }
}
