import Foundation
import Testing
import Triage
import QBBridgeTesting

/// A customer merged away (issue 22, item 1): QuickBooks moves the merged customer's invoices to the survivor
/// and its ListID and name stop existing, so a queued payment names a customer that is gone and an invoice
/// that belongs to someone else. Texts name customers and invoices, never their bare identifiers (item 2).
@Suite("Merged customers and names in texts", .tagFilter)
struct MergedCustomerTests {
    /// The customer merged away, as a payment names it by ListID only, as an upstream app usually does.
    static let goneByID = ListReference(listID: "80000102-1795183203")
    /// The same customer named by its full name.
    static let goneByName = ListReference(fullName: "Sunset Veterinary Clinic")
    /// The survivor of the merge, as the invoice's `CustomerRef` shows it.
    static let survivor = ListReference(listID: "80000007-1795180000", fullName: "Cedar Ridge Dental")

    /// Invoice 1043 after the merge: it now belongs to the survivor.
    static func moved(balance: String = "1500.00") -> InvoiceSnapshot {
        Evidence.invoice1043(balance: balance, customer: survivor)
    }

    static func evidence(_ customer: ListReference, exists: Bool?, invoice: InvoiceSnapshot = moved()) -> PreflightEvidence {
        var evidence = Evidence.applying("1500.00", to: invoice, paymentCustomer: customer)
        evidence.paymentCustomerExists = exists
        return evidence
    }

    static func draft(_ evidence: PreflightEvidence) throws -> FailureRecordDraft {
        guard case .fail(let draft) = Classifier.preflight(evidence) else {
            Issue.record("expected a failure, the check said post")
            throw CancellationError()
        }
        return draft
    }

    /// QuickBooks ListIDs and TxnIDs: eight hex digits, a dash, digits ("80000102-1795183203", "1A2E-1714069000").
    static var identifierPattern: Regex<Substring> { /[0-9A-F]{1,8}-[0-9]{6,10}/ }

    /// Every text a person reads on the record.
    static func readable(_ draft: FailureRecordDraft) -> [String] {
        [draft.title, draft.summary] + draft.resolution
    }

    static func expectNoIdentifiers(_ draft: FailureRecordDraft, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in readable(draft) {
            #expect(text.firstMatch(of: identifierPattern) == nil, "a bare identifier in “\(text)”", sourceLocation: sourceLocation)
        }
    }

    @Test("a payment whose customer ListID no longer exists and whose invoice belongs to another customer is customer_missing naming that customer, not invoice_missing")
    func mergedByListID() throws {
        let draft = try Self.draft(Self.evidence(Self.goneByID, exists: false))
        #expect(draft.category == .customerMissing)
        #expect(draft.title == "The payment's customer no longer exists in QuickBooks; invoice 1043 now belongs to Cedar Ridge Dental")
        #expect(draft.summary.contains("The customer the payment names no longer exists in QuickBooks"))
        #expect(draft.summary.contains("most likely merged into Cedar Ridge Dental"))
        #expect(draft.summary.contains("never posts a payment to another customer by itself"))
        #expect(draft.resolution.contains { $0.contains("send it again for Cedar Ridge Dental") })
        #expect(draft.resolution.last == "Then click Dismiss syncing on this one.")
        #expect(draft.actions == [.dismiss, .delete], "Retry cannot bring a merged customer back")
        #expect(draft.evidence.invoiceCustomer == Self.survivor)
        #expect(draft.evidence.paymentCustomer == Self.goneByID)
        #expect(draft.evidence.paymentCustomerExists == false)
        #expect(draft.evidence.objectID == "80000102-1795183203", "the identifier stays in the evidence")
        #expect(draft.evidence.objectType == "Customer")
        #expect(draft.evidence.customerName == "Cedar Ridge Dental")
        #expect(draft.evidence.source == "preflight")
        Self.expectNoIdentifiers(draft)
    }

    @Test("a payment naming by full name a customer that no longer exists is customer_missing naming both customers")
    func mergedByName() throws {
        let draft = try Self.draft(Self.evidence(Self.goneByName, exists: false))
        #expect(draft.category == .customerMissing)
        #expect(draft.summary.hasPrefix("The payment is from Sunset Veterinary Clinic, a customer that no longer exists in QuickBooks, and invoice 1043 now belongs to Cedar Ridge Dental"))
        #expect(draft.evidence.objectName == "Sunset Veterinary Clinic")
        Self.expectNoIdentifiers(draft)
    }

    @Test("a merged-away customer decides before the balance: a paid invoice of the survivor is still customer_missing")
    func mergedBeforeBalance() throws {
        let draft = try Self.draft(Self.evidence(Self.goneByID, exists: false, invoice: Self.moved(balance: "0.00")))
        #expect(draft.category == .customerMissing)
    }

    @Test("an invoice moved to another customer while the payment's customer still exists keeps the moved-invoice text, named without identifiers")
    func movedInvoice() throws {
        let draft = try Self.draft(Self.evidence(Self.goneByID, exists: true))
        #expect(draft.category == .customerMissing)
        #expect(draft.title == "Invoice 1043 belongs to another customer now")
        #expect(draft.summary.contains("The payment is from the payment's customer, but invoice 1043 now belongs to Cedar Ridge Dental"))
        #expect(draft.actions.contains(.retry))
        #expect(draft.evidence.paymentCustomerExists == true)
        Self.expectNoIdentifiers(draft)
    }

    @Test("an invoice the check cannot find, for a customer named only by ListID, is named by its number and no ListID appears in its texts")
    func missingInvoiceNamesNoListID() throws {
        var evidence = Evidence.applying("1500.00", to: nil, paymentCustomer: Self.goneByID)
        evidence.invoiceTxnID = "1A2E-1714069000"
        let draft = try Self.draft(evidence)
        #expect(draft.category == .invoiceMissing)
        #expect(draft.title == "Invoice 1043 no longer exists in QuickBooks")
        #expect(draft.evidence.invoiceTxnID == "1A2E-1714069000")
        Self.expectNoIdentifiers(draft)
    }

    // MARK: Names in the texts of QuickBooks' refusals

    /// A payment as the bridge describes a refused one: customer by ListID with the name its invoice showed,
    /// invoice 1043 by TxnID and number, the payment method by ListID and name.
    static func refusedPayment(_ code: Int, _ message: String) -> RequestFailureInput {
        RequestFailureInput(
            requestKind: "ReceivePaymentAdd", statusCode: code, statusSeverity: "Error", statusMessage: message,
            applications: [AppliedInvoice(txnID: "1A2E-1714069000", refNumber: "1043", amount: Evidence.dollars("1500.00"))],
            customer: ListReference(listID: "80000102-1795183203", fullName: "Sunset Veterinary Clinic"),
            references: [RequestReference(kind: .paymentMethod, listID: "80000009-1795180001", fullName: "Visa")])
    }

    static func expectNoIdentifiers(_ draft: FailureRecordDraft?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let draft = try #require(draft, sourceLocation: sourceLocation)
        expectNoIdentifiers(draft, sourceLocation: sourceLocation)
    }

    @Test("a 3140 quoting the payment's customer ListID names the customer by its full name and keeps the ListID in the evidence")
    func invalidCustomerReferenceByListID() throws {
        let draft = Classifier.classify(Self.refusedPayment(3140, "There is an invalid reference to QuickBooks Customer \"80000102-1795183203\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list."))
        #expect(draft?.category == .customerMissing)
        #expect(draft?.title == "The customer “Sunset Veterinary Clinic” was not found in QuickBooks")
        #expect(draft?.evidence.objectName == "80000102-1795183203")
        try Self.expectNoIdentifiers(draft)
    }

    @Test("a 3140 quoting a payment method's ListID names the payment method")
    func invalidMethodReferenceByListID() throws {
        let draft = Classifier.classify(Self.refusedPayment(3140, "There is an invalid reference to QuickBooks Payment Method \"80000009-1795180001\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list."))
        #expect(draft?.category == .referenceMissing)
        #expect(draft?.title == "Payment method “Visa” was not found in QuickBooks")
        try Self.expectNoIdentifiers(draft)
    }

    @Test("a 3175 lock naming the applied invoice's TxnID names the invoice by its number")
    func lockedInvoiceByTxnID() throws {
        let draft = Classifier.classify(Self.refusedPayment(3175, "There was an error adding, modifying or deleting 1A2E-1714069000 because it is already in use.  QuickBooks error message: The transaction could not be locked.  It is in use by another user."))
        #expect(draft?.category == .recordLocked)
        #expect(draft?.summary.contains("because invoice 1043 was open or being changed by another user") == true)
        #expect(draft?.evidence.objectID == "1A2E-1714069000")
        try Self.expectNoIdentifiers(draft)
    }

    @Test("a 3120 naming the payment's customer ListID names the customer, not the ListID")
    func missingCustomerByListID() throws {
        let draft = Classifier.classify(Self.refusedPayment(3120, "Object \"80000102-1795183203\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list."))
        #expect(draft?.category == .customerMissing)
        #expect(draft?.title == "The customer “Sunset Veterinary Clinic” was not found in QuickBooks")
        try Self.expectNoIdentifiers(draft)
    }

    @Test("a payment without invoices whose customer QuickBooks no longer knows is customer_missing, named without its ListID")
    func paymentCustomerGone() throws {
        let draft = Classifier.paymentCustomerNotFound(
            Self.goneByID, amount: Evidence.dollars("250.00"), statusCode: 3120,
            statusMessage: "Object \"80000102-1795183203\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
        #expect(draft.category == .customerMissing)
        #expect(draft.title == "The customer the payment names no longer exists in QuickBooks")
        #expect(draft.retryPolicy == nil)
        #expect(draft.evidence.objectID == "80000102-1795183203")
        Self.expectNoIdentifiers(draft)
        let byName = Classifier.paymentCustomerNotFound(
            Self.goneByName, amount: Evidence.dollars("250.00"), statusCode: 500,
            statusMessage: "The query request has not been fully completed. There was a required element (\"Sunset Veterinary Clinic\") that could not be found in QuickBooks.")
        #expect(byName.title == "The customer “Sunset Veterinary Clinic” no longer exists in QuickBooks")
    }
}
