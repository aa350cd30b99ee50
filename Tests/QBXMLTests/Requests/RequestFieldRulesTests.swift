import Testing
import QBXML
import QBBridgeTesting

@Suite("Request field rules", .tagFilter)
struct RequestFieldRulesTests {
    private func render(_ request: any QBXMLRequest, version: QBXMLVersion = Fixtures.version13) throws -> String {
        try QBXMLMessageSet(version: version, onError: .stopOnError, requests: [request]).render()
    }

    @Test("a value longer than its field is refused, naming the field and the limit, never truncated", arguments: [
        ("refNumber", "ReceivePaymentAddRq/ReceivePaymentAdd/RefNumber", 20),
        ("memo", "ReceivePaymentAddRq/ReceivePaymentAdd/Memo", 4095),
        ("paymentMethod", "ReceivePaymentAddRq/ReceivePaymentAdd/PaymentMethodRef/FullName", 31),
        ("customer", "ReceivePaymentAddRq/ReceivePaymentAdd/CustomerRef/FullName", 209),
        ("arAccount", "ReceivePaymentAddRq/ReceivePaymentAdd/ARAccountRef/FullName", 159),
    ])
    func tooLong(_ example: (property: String, field: String, limit: Int)) throws {
        var payment = try Fixtures.payment()
        let value = String(repeating: "é", count: example.limit + 1)
        switch example.property {
        case "refNumber": payment.refNumber = value
        case "memo": payment.memo = value
        case "paymentMethod": payment.paymentMethod = .fullName(value)
        case "customer": payment.customer = .fullName(value)
        default: payment.arAccount = .fullName(value)
        }
        let error = #expect(throws: QBXMLError.self) { try render(payment) }
        #expect(error == .fieldTooLong(field: example.field, maxLength: example.limit, length: example.limit + 1))
        #expect(error?.description.contains("at most \(example.limit)") == true)
        var exact = payment
        switch example.property {
        case "refNumber": exact.refNumber = String(value.dropLast())
        case "memo": exact.memo = String(value.dropLast())
        case "paymentMethod": exact.paymentMethod = .fullName(String(value.dropLast()))
        case "customer": exact.customer = .fullName(String(value.dropLast()))
        default: exact.arAccount = .fullName(String(value.dropLast()))
        }
        _ = try render(exact)
    }

    @Test("control characters are refused with the field named")
    func controlCharacters() throws {
        let error = #expect(throws: QBXMLError.self) { try render(try Fixtures.payment(memo: "bell\u{7}")) }
        #expect(error == .illegalCharacter(field: "ReceivePaymentAddRq/ReceivePaymentAdd/Memo", codePoint: 7))
    }

    @Test("requestIDs must be present, at most 50 characters and unique in a set")
    func requestIDs() throws {
        #expect(throws: QBXMLError.emptyField(field: "TxnDelRq@requestID")) { try render(TxnDelRq(requestID: "", txnID: "1-1")) }
        let long = String(repeating: "r", count: 51)
        #expect(throws: QBXMLError.fieldTooLong(field: "TxnDelRq@requestID", maxLength: 50, length: 51)) {
            try render(TxnDelRq(requestID: long, txnID: "1-1"))
        }
        #expect(throws: QBXMLError.duplicateRequestID("same")) {
            try QBXMLMessageSet(version: Fixtures.version13, onError: .continueOnError,
                                requests: [HostQueryRq(requestID: "same"), PreferencesQueryRq(requestID: "same")]).render()
        }
        #expect(throws: QBXMLError.emptyMessageSet) { try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: []).render() }
    }

    @Test("a payment needs applications whose amounts fit in the total")
    func paymentRules() throws {
        var payment = try Fixtures.payment()
        payment.appliedTo = []
        #expect(throws: QBXMLError.emptyField(field: "ReceivePaymentAddRq/ReceivePaymentAdd/AppliedToTxnAdd")) { try render(payment) }
        payment = try Fixtures.payment()
        payment.totalAmount = try #require(Money("100.00"))
        let error = #expect(throws: QBXMLError.self) { try render(payment) }
        guard case .invalidValue(let field, _, _)? = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(field == "ReceivePaymentAddRq/ReceivePaymentAdd/TotalAmount")
        payment = try Fixtures.payment()
        payment.appliedTo = [AppliedToTxnAdd(txnID: "1-1", paymentAmount: nil)]
        #expect(throws: QBXMLError.emptyField(field: "ReceivePaymentAddRq/ReceivePaymentAdd/AppliedToTxnAdd/PaymentAmount")) { try render(payment) }
    }

    @Test("PaidStatus with a TxnID list is refused, and empty ID lists are refused")
    func selectionRules() throws {
        let paid = InvoiceQueryRq(requestID: "q", selection: .txnIDs(["1-1"]), paidStatus: .paidOnly)
        #expect(throws: QBXMLError.self) { try render(paid) }
        #expect(throws: QBXMLError.emptyField(field: "InvoiceQueryRq/TxnID")) { try render(InvoiceQueryRq(requestID: "q", selection: .txnIDs([]))) }
        let onlyPaidStatus = InvoiceQueryRq(requestID: "q", paidStatus: .notPaidOnly)
        #expect(try XMLTree.parse(try render(onlyPaidStatus)).at("QBXMLMsgsRq/InvoiceQueryRq")?.childNames == ["PaidStatus"])
        #expect(throws: QBXMLError.self) {
            try render(InvoiceQueryRq(requestID: "q", selection: .filter(TxnFilter(maxReturned: 0))))
        }
        #expect(throws: QBXMLError.self) {
            try render(CompanyQueryRq(requestID: "c", ownerIDs: ["not-a-guid"]))
        }
    }

    @Test("date-times outside the sendable range are refused")
    func dateTimeRange() throws {
        let old = try #require(QBDateTime("1969-12-31T23:59:59"))
        let query = CustomerQueryRq(requestID: "c", selection: .filter(CustomerListFilter(fromModifiedDate: old)))
        let error = #expect(throws: QBXMLError.self) { try render(query) }
        guard case .invalidValue(let field, _, _)? = error else { Issue.record("wrong error"); return }
        #expect(field == "CustomerQueryRq/FromModifiedDate")
    }
}
