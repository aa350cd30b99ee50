import Foundation
import QBSimulator
import QBXML
import Testing
import QBBridgeTesting

@Suite("Simulated QuickBooks: receiving payments", .tagFilter)
struct PaymentPostingTests {
    @Test("a payment lowers the invoice's balance, marks it paid, and links invoice and payment both ways")
    func appliedPayment() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1009", in: quickBooks)
        let before = try #require(await quickBooks.customer("Baker Street Bakery")?.balance)
        let guid = QBGUID(UUID())
        let response = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "120.00",
                                                        applying: [(invoice, "120.00")], paymentMethod: "Visa", guid: guid), to: quickBooks)
        expectStatus(response, 0, "Status OK", severity: "Info")
        #expect(response.header.requestID == "pay-1")
        let payment = try #require(response.payments.first)
        let paymentID = try #require(payment.txnID)
        #expect(payment.externalGUID == guid.rawValue)
        #expect(payment.unusedPayment == .zero)
        #expect(payment.paymentMethod?.fullName == "Visa")
        #expect(payment.depositToAccount?.fullName == "Undeposited Funds")
        #expect(payment.appliedTo.map(\.txnID) == [invoice])
        #expect(payment.appliedTo.first?.amount == (try money("120.00")))
        #expect(payment.appliedTo.first?.balanceRemaining == .zero)

        let check = try await sendOne(InvoiceQueryRq(requestID: "q", selection: .txnIDs([invoice]), includeLinkedTxns: true), to: quickBooks)
        let after = try #require(check.invoices.first)
        #expect(after.balanceRemaining == .zero)
        #expect(after.isPaid == true)
        #expect(after.appliedAmount == (try money("-120.00")))
        #expect(after.linkedTxns.map(\.txnID) == [paymentID])
        #expect(after.linkedTxns.first?.txnType == "ReceivePayment")
        #expect(after.linkedTxns.first?.amount == (try money("-120.00")))

        let customer = try await sendOne(CustomerQueryRq(requestID: "c", selection: .fullNames(["Baker Street Bakery"])), to: quickBooks)
        #expect(customer.customers.first?.balance == before.subtracting120)
        #expect(await quickBooks.payments(externalGUID: guid.rawValue.lowercased()).count == 1)
        #expect(await quickBooks.statistics.paymentsAdded == 1)
    }

    @Test("a partial payment leaves the rest open, and money beyond its applications becomes unused payment")
    func partialPayment() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1016", in: quickBooks)
        let response = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "200.00", applying: [(invoice, "100.00")]),
                                         to: quickBooks)
        expectStatus(response, 0)
        #expect(response.payments.first?.unusedPayment == (try money("100.00")))
        let after = try #require(await quickBooks.invoice(invoice))
        #expect(after.balanceRemaining == (try money("80.00")))
        #expect(after.isPaid == false)
    }

    @Test("applying more than the open balance is refused with 3210 and changes nothing")
    func overpayment() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1003", in: quickBooks)
        let response = try await sendOne(try paymentAdd(customer: "Harbor View Apartments", total: "200.00", applying: [(invoice, "200.00")]),
                                         to: quickBooks)
        expectStatus(response, 3210,
                     "The \"AppliedToTxnAdd payment amount\" field has an invalid value \"200.00\".  QuickBooks error message: You cannot pay more than the amount due.",
                     severity: "Error")
        #expect(response.payments.isEmpty)
        #expect(await quickBooks.invoice(invoice)?.balanceRemaining == (try money("150.00")))
        #expect(await quickBooks.payments().count == 7)
    }

    @Test("a fully paid invoice refuses another payment with 3210")
    func paidInvoice() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1001", in: quickBooks)
        let response = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "340.00", applying: [(invoice, "340.00")]),
                                         to: quickBooks)
        expectStatus(response, 3210,
                     "The \"AppliedToTxnAdd payment amount\" field has an invalid value \"340.00\".  QuickBooks error message: You cannot pay more than the amount due.")
    }

    @Test("applications adding up to more than the payment's total are refused")
    func applicationsOverTotal() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1003", in: quickBooks)
        let document = try QBXMLMessageSet(version: .newestEmitted, onError: .stopOnError, requests: [
            try paymentAdd(customer: "Harbor View Apartments", total: "150.00", applying: [(invoice, "150.00")]),
        ]).render().replacingOccurrences(of: "<TotalAmount>150.00</TotalAmount>", with: "<TotalAmount>50.00</TotalAmount>")
        let response = try #require(try await sendRaw(document, to: quickBooks).first)
        #expect(response.header.status.code == 3210)
        #expect(response.header.status.message.contains("\"50.00\""))
        #expect(await quickBooks.invoice(invoice)?.balanceRemaining == (try money("150.00")))
    }

    @Test("an unknown reference by name is 3140 naming the object type and the name",
          arguments: [
            ("<CustomerRef><FullName>Nobody Inc</FullName></CustomerRef>", "Customer", "Nobody Inc"),
            ("<CustomerRef><FullName>Baker Street Bakery</FullName></CustomerRef><TotalAmount>1.00</TotalAmount><PaymentMethodRef><FullName>Bitcoin</FullName></PaymentMethodRef>",
             "Payment Method", "Bitcoin"),
            ("<CustomerRef><FullName>Baker Street Bakery</FullName></CustomerRef><TotalAmount>1.00</TotalAmount><DepositToAccountRef><FullName>Petty Cash</FullName></DepositToAccountRef>",
             "Account", "Petty Cash"),
          ])
    func invalidReference(fields: String, type: String, name: String) async throws {
        let quickBooks = try acme()
        let document = qbxmlDocument("<ReceivePaymentAddRq requestID=\"r\"><ReceivePaymentAdd>\(fields)<IsAutoApply>false</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>")
        let response = try #require(try await sendRaw(document, to: quickBooks).first)
        expectStatus(response, 3140,
                     "There is an invalid reference to QuickBooks \(type) \"\(name)\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
    }

    @Test("an invoice TxnID that does not exist is 3120 naming it")
    func unknownInvoice() async throws {
        let quickBooks = try acme()
        let response = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "10.00",
                                                        applying: [(TxnID("FFFF-1700000000"), "10.00")]), to: quickBooks)
        expectStatus(response, 3120,
                     "Object \"FFFF-1700000000\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
    }

    @Test("auto-apply pays an open invoice of exactly the amount, otherwise the oldest open invoices first")
    func autoApply() async throws {
        let quickBooks = try acme()
        let exact = try await invoiceID("1012", in: quickBooks)
        let oldest = try await invoiceID("1003", in: quickBooks)
        let next = try await invoiceID("1019", in: quickBooks)
        func autoPayment(_ amount: String) -> String {
            qbxmlDocument("""
            <ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Harbor View Apartments</FullName></CustomerRef>\
            <TotalAmount>\(amount)</TotalAmount><IsAutoApply>true</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>
            """)
        }
        let first = try #require(try await sendRaw(autoPayment("255.00"), to: quickBooks).first?.payments.first)
        #expect(first.appliedTo.map(\.txnID) == [exact])
        let second = try #require(try await sendRaw(autoPayment("200.00"), to: quickBooks).first?.payments.first)
        #expect(second.appliedTo.map(\.txnID) == [oldest, next])
        #expect(second.appliedTo.map(\.amount) == [try money("150.00"), try money("50.00")])
        #expect(await quickBooks.invoice(oldest)?.isPaid == true)
    }

    @Test("SetCredit applies a credit memo with the payment; deleting the payment gives the credit back")
    func setCredit() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1013", in: quickBooks)
        let memo = try #require(await quickBooks.creditMemos().first { $0.refNumber == "CM-102" }?.txnID)
        let document = qbxmlDocument("""
        <ReceivePaymentAddRq requestID="c"><ReceivePaymentAdd><CustomerRef><FullName>Kwan &amp; Sons Hardware</FullName></CustomerRef>\
        <TotalAmount>160.00</TotalAmount><AppliedToTxnAdd><TxnID>\(invoice)</TxnID><PaymentAmount>160.00</PaymentAmount>\
        <SetCredit><CreditTxnID>\(memo)</CreditTxnID><AppliedAmount>40.00</AppliedAmount></SetCredit></AppliedToTxnAdd>\
        </ReceivePaymentAdd></ReceivePaymentAddRq>
        """)
        let response = try #require(try await sendRaw(document, to: quickBooks).first)
        expectStatus(response, 0)
        let paid = try #require(await quickBooks.invoice(invoice))
        #expect(paid.isPaid == true)
        #expect(paid.linkedTxns.compactMap(\.txnType).sorted() == ["CreditMemo", "ReceivePayment"])
        #expect(await quickBooks.creditMemo(memo)?.creditRemaining == .zero)
        let tooMuch = try #require(try await sendRaw(document.replacingOccurrences(of: "requestID=\"c\"", with: "requestID=\"d\""), to: quickBooks).first)
        #expect(tooMuch.header.status.code == 3210)
        try await quickBooks.deletePayment(try #require(response.payments.first?.txnID))
        #expect(await quickBooks.creditMemo(memo)?.creditRemaining == (try money("40.00")))
        #expect(await quickBooks.invoice(invoice)?.balanceRemaining == (try money("200.00")))
    }

    @Test("deleting a payment reopens the invoices it paid and restores the customer's balance")
    func deletePayment() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1009", in: quickBooks)
        let before = try #require(await quickBooks.customer("Baker Street Bakery")?.balance)
        let added = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "120.00", applying: [(invoice, "120.00")]), to: quickBooks)
        let paymentID = try #require(added.payments.first?.txnID)
        let deleted = try await sendOne(TxnDelRq(requestID: "del", txnID: paymentID), to: quickBooks)
        expectStatus(deleted, 0)
        guard case .txnDeleted(let record) = try #require(deleted.records.first) else {
            Issue.record("TxnDelRs carries no deletion fields")
            return
        }
        #expect(record.txnID == paymentID)
        #expect(record.type == "ReceivePayment")
        let reopened = try #require(await quickBooks.invoice(invoice))
        #expect(reopened.balanceRemaining == (try money("120.00")))
        #expect(reopened.linkedTxns.isEmpty)
        #expect(await quickBooks.customer("Baker Street Bakery")?.balance == before)
        let again = try await sendOne(TxnDelRq(requestID: "del2", txnID: paymentID), to: quickBooks)
        expectStatus(again, 3120)
    }

    @Test("a ReceivePaymentMod with the current EditSequence replaces the applications; a stale one is 3200")
    func modifyPayment() async throws {
        let quickBooks = try acme()
        let first = try await invoiceID("1013", in: quickBooks)
        let second = try await invoiceID("1020", in: quickBooks)
        let added = try #require(try await sendOne(try paymentAdd(customer: "Kwan & Sons Hardware", total: "150.00",
                                                                  applying: [(first, "150.00")]), to: quickBooks).payments.first)
        let id = try #require(added.txnID)
        let sequence = try #require(added.editSequence)
        let mod = qbxmlDocument("""
        <ReceivePaymentModRq requestID="m"><ReceivePaymentMod><TxnID>\(id)</TxnID><EditSequence>\(sequence)</EditSequence>\
        <AppliedToTxnMod><TxnID>\(second)</TxnID><PaymentAmount>150.00</PaymentAmount></AppliedToTxnMod></ReceivePaymentMod></ReceivePaymentModRq>
        """)
        let modified = try #require(try await sendRaw(mod, to: quickBooks).first)
        expectStatus(modified, 0)
        #expect(modified.payments.first?.appliedTo.map(\.txnID) == [second])
        #expect(await quickBooks.invoice(first)?.balanceRemaining == (try money("200.00")))
        #expect(await quickBooks.invoice(second)?.isPaid == true)
        let stale = try #require(try await sendRaw(mod, to: quickBooks).first)
        expectStatus(stale, 3200, "The provided edit sequence \"\(sequence)\" is out-of-date. ")
    }
}

private extension Money {
    var subtracting120: Money? { Money(cents: cents - 12_000) }
}
