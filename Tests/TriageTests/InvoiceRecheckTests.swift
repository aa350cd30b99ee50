import Testing
import Triage
import QBBridgeTesting

/// One rejected request and the invoices Triage asks to read again before classifying it.
struct RecheckCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: RequestFailureInput
    var recheck: [String]

    var testDescription: String { name }
}

extension RecheckCase {
    static let invoiceA = AppliedInvoice(txnID: "1A40-1714700000", refNumber: "10460", amount: Amount(cents: 2_000))
    static let invoiceB = AppliedInvoice(txnID: "1A41-1714700001", refNumber: "10461", amount: Amount(cents: 7_510))
    static let notFoundSuffix = "  QuickBooks error message: Invalid argument.  The specified record does not exist in the list."

    static func payment(_ code: Int, _ message: String, applications: [AppliedInvoice] = [invoiceA, invoiceB]) -> RequestFailureInput {
        RequestFailureInput(
            requestKind: "ReceivePaymentAdd", statusCode: code, statusSeverity: "Error", statusMessage: message,
            applications: applications, customer: Evidence.acme,
            references: [RequestReference(kind: .paymentMethod, listID: "80000002-1600000000", fullName: "Visa")])
    }

    /// The follow-up decision table (docs/failure-catalogue.md, "Payments").
    static let table: [RecheckCase] = [
        RecheckCase(name: "3120 naming an applied invoice: that invoice",
                    input: payment(3120, "Object \"1A41-1714700001\" specified in the request cannot be found." + notFoundSuffix),
                    recheck: [invoiceB.txnID]),
        RecheckCase(name: "3120 naming no object: every applied invoice",
                    input: payment(3120, "The specified record does not exist in the list."),
                    recheck: [invoiceA.txnID, invoiceB.txnID]),
        RecheckCase(name: "3120 naming the customer: none, the message says it all",
                    input: payment(3120, "Object \"80000456-1690000000\" specified in the request cannot be found." + notFoundSuffix),
                    recheck: []),
        RecheckCase(name: "3120 naming the payment method: none",
                    input: payment(3120, "Object \"80000002-1600000000\" specified in the request cannot be found." + notFoundSuffix),
                    recheck: []),
        RecheckCase(name: "3210 over-payment quoting one application's amount: that invoice",
                    input: payment(3210, "The \"AppliedToTxnAdd payment amount\" field has an invalid value \"75.10\".  QuickBooks error message: You cannot pay more than the amount due."),
                    recheck: [invoiceB.txnID]),
        RecheckCase(name: "3210 over-payment quoting no application's amount: every applied invoice",
                    input: payment(3210, "The \"AppliedToTxnAdd payment amount\" field has an invalid value \"1.00\".  QuickBooks error message: You cannot pay more than the amount due."),
                    recheck: [invoiceA.txnID, invoiceB.txnID]),
        RecheckCase(name: "3210 on another field: none, it is invalid_request",
                    input: payment(3210, "The \"total amount\" field has an invalid value \"95.10\".  QuickBooks error message: The amount applied is greater than the amount of the payment."),
                    recheck: []),
        RecheckCase(name: "3000 invalid object ID: none, the message names the field and the ID",
                    input: payment(3000, "The given object ID \"-1\" in the field \"Transaction id\" is invalid"),
                    recheck: []),
        RecheckCase(name: "3140 invalid customer reference: none",
                    input: payment(3140, "There is an invalid reference to QuickBooks Customer \"Acme Supply\" in the Receive Payment." + notFoundSuffix),
                    recheck: []),
        RecheckCase(name: "3175 locked invoice: none",
                    input: payment(3175, "There was an error adding, modifying or deleting 1A41-1714700001 because it is already in use."),
                    recheck: []),
        RecheckCase(name: "3231 not processed: none",
                    input: payment(3231, "The request has not been processed."),
                    recheck: []),
        RecheckCase(name: "3120 on an invoice request: none, only payments are checked",
                    input: RequestFailureInput(requestKind: "InvoiceMod", statusCode: 3120,
                                               statusMessage: "Object \"1A41-1714700001\" specified in the request cannot be found." + notFoundSuffix),
                    recheck: []),
    ]
}

@Suite("Reading invoices again after a payment rejection", .tagFilter)
struct InvoiceRecheckTests {
    @Test("a rejected payment asks to read again exactly the invoices its classification reads", arguments: RecheckCase.table)
    func followUpTable(_ row: RecheckCase) {
        #expect(Classifier.invoicesToRecheck(after: row.input) == row.recheck)
    }

    @Test("a rejection that asks for no re-read is classified the same whatever the invoice shows now",
          arguments: RecheckCase.table.filter { $0.recheck.isEmpty && $0.input.requestKind == "ReceivePaymentAdd" })
    func reReadWouldBeThrownAway(_ row: RecheckCase) {
        let alone = Classifier.classify(row.input)
        // A 3120 naming the customer or another reference is about that object, not the invoice
        // (docs/failure-catalogue.md, 3120 rule 2), so only invoices that are still there are tried for it.
        let missing: [InvoiceSnapshot?] = row.input.statusCode == 3120 ? [] : [nil]
        for invoice in missing + [Evidence.invoice1043(balance: "0.00", isPaid: true), Evidence.invoice1043(balance: "1500.00")] {
            var checked = row.input
            checked.preflight = Evidence.applying("20.00", to: invoice)
            #expect(Classifier.classify(checked) == alone, "with the invoice \(invoice.map { "open \($0.balanceRemaining)" } ?? "missing")")
        }
    }

    @Test("a payment already classified with check evidence asks for nothing more")
    func checkedAskForNothing() {
        var checked = RecheckCase.table[0].input
        checked.preflight = Evidence.applying("20.00", to: nil)
        #expect(Classifier.invoicesToRecheck(after: checked).isEmpty)
    }

    @Test("3231 means not processed, 3391 or an iterator message means a lost iterator",
          arguments: [(3231, "The request has not been processed.", true, false), (3391, "The iteratorID \"x\" is not valid.", false, true),
                      (3170, "The iterator could not be continued", false, true), (500, "iterator", false, false), (0, "Status OK", false, false)])
    func statusMeanings(_ code: Int, _ message: String, _ notProcessed: Bool, _ iteratorLost: Bool) {
        #expect(Classifier.meansNotProcessed(statusCode: code) == notProcessed)
        #expect(Classifier.meansIteratorLost(statusCode: code, message: message) == iteratorLost)
    }
}
