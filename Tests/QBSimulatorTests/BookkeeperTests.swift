import Foundation
import QBSimulator
import QBXML
import Testing
import QBBridgeTesting

@Suite("Simulated QuickBooks: what a bookkeeper does between syncs", .tagFilter)
struct BookkeeperTests {
    @Test("a credit memo applied by hand lowers the balance and links as CreditMemo; un-applying restores it")
    func creditMemo() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1017", in: quickBooks)
        let memo = try await quickBooks.applyCreditMemo(to: invoice, amount: try money("35.00"), refNumber: "CM-200")
        let response = try await sendOne(InvoiceQueryRq(requestID: "q", selection: .txnIDs([invoice]), includeLinkedTxns: true), to: quickBooks)
        let credited = try #require(response.invoices.first)
        #expect(credited.balanceRemaining == (try money("200.00")))
        #expect(credited.linkedTxns.first?.txnID == memo)
        #expect(credited.linkedTxns.first?.txnType == "CreditMemo")
        #expect(credited.linkedTxns.first?.amount == (try money("-35.00")))
        let memos = try await sendOne(CreditMemoQueryRq(requestID: "m", selection: .txnIDs([memo]), includeLinkedTxns: true), to: quickBooks)
        #expect(memos.creditMemos.first?.creditRemaining == .zero)
        #expect(memos.creditMemos.first?.linkedTxns.first?.txnID == invoice)

        try await quickBooks.unapplyCreditMemo(memo, from: invoice)
        let restored = try #require(await quickBooks.invoice(invoice))
        #expect(restored.balanceRemaining == (try money("235.00")))
        #expect(restored.linkedTxns.isEmpty)
        #expect(await quickBooks.creditMemo(memo)?.creditRemaining == (try money("35.00")))
    }

    @Test("a deleted invoice is 3120; its recreation has a new TxnID with the same RefNumber, customer and amount")
    func deleteAndRecreate() async throws {
        let quickBooks = try acme()
        let original = try await invoiceID("1020", in: quickBooks)
        let before = try #require(await quickBooks.invoice(original))
        try await quickBooks.deleteInvoice(original)
        let gone = try await sendOne(InvoiceQueryRq(requestID: "q", selection: .txnIDs([original])), to: quickBooks)
        expectStatus(gone, 3120,
                     "Object \"\(original)\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
        let refused = try await sendOne(try paymentAdd(customer: "Kwan & Sons Hardware", total: "150.00", applying: [(original, "150.00")]),
                                        to: quickBooks)
        expectStatus(refused, 3120)

        let recreated = try await quickBooks.recreateInvoice(try await invoiceID("1019", in: quickBooks))
        let byNumber = try await sendOne(InvoiceQueryRq(requestID: "n", selection: .refNumbers(["1019"])), to: quickBooks)
        #expect(byNumber.invoices.map(\.txnID) == [recreated])
        let again = try #require(byNumber.invoices.first)
        #expect(again.customer?.fullName == "Harbor View Apartments")
        #expect(again.balanceRemaining == (try money("2188.34")))
        #expect(before.refNumber == "1020")
    }

    @Test("a payment made by hand between the bridge's check and its post makes the post fail with 3210")
    func paidBetweenCheckAndPost() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1021", in: quickBooks)
        let check = try await sendOne(InvoiceQueryRq(requestID: "check", selection: .txnIDs([invoice]), includeLinkedTxns: true), to: quickBooks)
        #expect(check.invoices.first?.balanceRemaining == (try money("145.00")))
        let seen = SeenRequests()
        await quickBooks.setBeforeApplying { request in
            await seen.add(request)
            _ = try? await quickBooks.payInvoiceByHand(invoice, refNumber: "8891")
        }
        let post = try await sendOne(try paymentAdd(customer: "Sunset Veterinary Clinic", total: "145.00", applying: [(invoice, "145.00")]),
                                     to: quickBooks)
        expectStatus(post, 3210)
        #expect(await seen.names == ["ReceivePaymentAddRq"])
        #expect(await seen.appliedTxnIDs == [[invoice]])
        let after = try #require(await quickBooks.invoice(invoice))
        #expect(after.isPaid == true)
        #expect(after.linkedTxns.map(\.refNumber) == ["8891"])
    }

    @Test("a customer merged away is refused in a payment by name and by ListID (3140), unknown to queries by ListID (3120); its invoices move to the survivor")
    func mergedCustomer() async throws {
        let quickBooks = try acme()
        let merged = try #require(await quickBooks.customer("Sunset Veterinary Clinic")?.listID)
        let invoice = try await invoiceID("1014", in: quickBooks)
        try await quickBooks.mergeCustomer("Sunset Veterinary Clinic", into: "Cedar Ridge Dental")
        let byName = try await sendOne(try paymentAdd(customer: "Sunset Veterinary Clinic", total: "299.00", applying: [(invoice, "299.00")]),
                                       to: quickBooks)
        expectStatus(byName, 3140,
                     "There is an invalid reference to QuickBooks Customer \"Sunset Veterinary Clinic\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
        var namedByID = try paymentAdd(customer: "Sunset Veterinary Clinic", total: "299.00", applying: [(invoice, "299.00")])
        namedByID.customer = .listID(merged)
        let paymentByID = try await sendOne(namedByID, to: quickBooks)
        expectStatus(paymentByID, 3140,
                     "There is an invalid reference to QuickBooks Customer \"\(merged.rawValue)\" in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
        let byID = try await sendOne(CustomerQueryRq(requestID: "c", selection: .listIDs([merged])), to: quickBooks)
        expectStatus(byID, 3120)
        #expect(await quickBooks.invoice(invoice)?.customer?.fullName == "Cedar Ridge Dental")
    }

    @Test("a locked invoice refuses payments with 3175 until it is unlocked")
    func lockedInvoice() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1022", in: quickBooks)
        await quickBooks.lock(invoice.rawValue)
        let refused = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "151.25", applying: [(invoice, "151.25")]),
                                        to: quickBooks)
        expectStatus(refused, 3175,
                     "There was an error adding, modifying or deleting \(invoice) because it is already in use.  QuickBooks error message: The transaction could not be locked.  It is in use by another user.")
        await quickBooks.unlock(invoice.rawValue)
        let accepted = try await sendOne(try paymentAdd(customer: "Baker Street Bakery", total: "151.25", applying: [(invoice, "151.25")]),
                                         to: quickBooks)
        expectStatus(accepted, 0)
    }

    @Test("a locked customer refuses payments with 3170")
    func lockedCustomer() async throws {
        let quickBooks = try acme()
        let customer = try #require(await quickBooks.customer("Maple Grove HOA")?.listID)
        await quickBooks.lock(customer.rawValue)
        let invoice = try await invoiceID("1025", in: quickBooks)
        let refused = try await sendOne(try paymentAdd(customer: "Maple Grove HOA", total: "120.00", applying: [(invoice, "120.00")]),
                                        to: quickBooks)
        expectStatus(refused, 3170)
        #expect(refused.header.status.message.contains("It is in use by another user."))
    }

    @Test("an invoice edited down leaves less for a payment to apply")
    func editedAmount() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1024", in: quickBooks)
        try await quickBooks.editInvoiceAmount(invoice, subtotal: try money("799.00"))
        let refused = try await sendOne(try paymentAdd(customer: "Cedar Ridge Dental", total: "899.00", applying: [(invoice, "899.00")]),
                                        to: quickBooks)
        expectStatus(refused, 3210)
        #expect(await quickBooks.invoice(invoice)?.balanceRemaining == (try money("799.00")))
        await #expect(throws: FakeQuickBooksError.self) {
            try await quickBooks.editInvoiceAmount(try await invoiceID("1003", in: quickBooks), subtotal: try money("50.00"))
        }
    }
}

/// Records what the `beforeApplying` hook saw.
actor SeenRequests {
    private(set) var requests: [ParsedRequest] = []

    func add(_ request: ParsedRequest) {
        requests.append(request)
    }

    var names: [String] { requests.map(\.name) }
    var appliedTxnIDs: [[TxnID]] { requests.map(\.appliedTxnIDs) }
}
