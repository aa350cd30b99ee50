import Testing
import QBXML
import QBBridgeTesting

@Suite("Response reader", .tagFilter)
struct ResponseReaderTests {
    private func read(_ file: String) throws -> [QBXMLResponse] {
        try QBXMLResponseReader.readAll(try Repository.sample(file))
    }

    @Test("a successful payment add yields the payment with its applications")
    func paymentSuccess() throws {
        let responses = try read("responses/ReceivePaymentAddRs__0_applied_to_2_invoices.xml")
        let response = try #require(responses.first)
        #expect(responses.count == 1)
        #expect(response.header.name == "ReceivePaymentAddRs")
        #expect(response.header.requestID == "pmt-000123")
        #expect(response.header.status == QBXMLStatus(code: 0, severity: "Info", message: "Status OK"))
        guard case .receivePayment(let payment)? = response.records.first else { Issue.record("no payment"); return }
        #expect(payment.txnID == "1F3A-1714070123")
        #expect(payment.customer == ListRef(listID: "80000017-1331869840", fullName: "Anderson Plumbing:Kitchen Remodel"))
        #expect(payment.totalAmount == Money("1500.00"))
        #expect(payment.unusedPayment == Money.zero)
        #expect(payment.externalGUID.flatMap(QBGUID.init) == Fixtures.guid)
        #expect(payment.timeCreated?.raw == "2024-04-25T14:35:23-08:00")
        #expect(payment.appliedTo.map(\.txnID) == ["1E77-1711986400", "1E9C-1712851200"])
        #expect(payment.appliedTo[1].discountAmount == Money("10.00"))
        #expect(payment.appliedTo[1].linkedTxns.first?.amount == Money("-25.00"))
    }

    static let statusSamples: [(file: String, codes: [Int], severity: String)] = [
        ("responses/CustomerQueryRs__1_no_match.xml", [1], "Info"),
        ("responses/InvoiceQueryRs__500_txnid_not_found.xml", [500], "Warn"),
        ("responses/ReceivePaymentAddRs__530_warn_unsupported_field.xml", [530], "Warn"),
        ("responses/ReceivePaymentAddRs__1000_internal_error.xml", [1000], "Error"),
        ("responses/CustomerAddRs__3100_name_in_use.xml", [3100], "Error"),
        ("responses/ReceivePaymentAddRs__3120_invoice_missing.xml", [3120], "Error"),
        ("responses/ReceivePaymentAddRs__3140_customer_missing.xml", [3140], "Error"),
        ("responses/ReceivePaymentAddRs__3170_list_modified_lock.xml", [3170], "Error"),
        ("responses/ReceivePaymentAddRs__3175_txn_in_use_lock.xml", [3175], "Error"),
        ("responses/ReceivePaymentAddRs__3180_modified_by_another_user_lock.xml", [3180], "Error"),
        ("responses/ReceivePaymentModRs__3200_edit_sequence_stale.xml", [3200], "Error"),
        ("responses/ReceivePaymentAddRs__3210_overpay.xml", [3210], "Error"),
        ("responses/ReceivePaymentAddRs__3210_then_3231__stopOnError.xml", [3210, 3231], "Error"),
        ("responses/ReceivePaymentAddRs__3250_feature_disabled.xml", [3250], "Error"),
        ("responses/ReceivePaymentAddRs__3260_insufficient_permission.xml", [3260], "Error"),
        ("real/consolibyte__ReceivePaymentAddRs__3210_overpay__devfixture.xml", [3210], "Info"),
        ("real/consolibyte__CustomerAddRs__3180_modified_by_another_user__devfixture.xml", [3180], "Error"),
        ("real/qbwc__CustomerQueryRs__3120_object_not_found.xml", [3120], "Error"),
        ("real/qbwc__CustomerQueryRs__500_warn_element_not_found.xml", [500], "Warn"),
        ("real/rubyfrag__CustomerModRs__3200_edit_sequence_with_current_Ret.xml", [3200], "Error"),
        ("real/rubyfrag__CustomerModRs__530_warn_unsupported_field.xml", [530], "Warn"),
        ("real/jsgoupil__CustomerQueryRs__3231_not_processed__fragment.xml", [3231], "Error"),
        ("real/jsgoupil__CustomerAddRs__3090_invalid_string__fragment.xml", [3090], "Error"),
        ("real/hotglue__CustomerAddRs_batch__0_3100_3250_3130_0.xml", [0, 3100, 3250, 3130, 0], "Info"),
    ]

    @Test("every error class reads with its code, severity and decoded message", arguments: statusSamples)
    func statusCodes(_ sample: (file: String, codes: [Int], severity: String)) throws {
        let responses = try read(sample.file)
        #expect(responses.map(\.header.status.code) == sample.codes)
        #expect(responses.first?.header.status.severity == sample.severity)
        #expect(responses.allSatisfy { !$0.header.status.message.isEmpty && !$0.header.status.message.contains("&quot;") })
    }

    @Test("quotes and QuickBooks' double spaces survive in status messages")
    func messageText() throws {
        let status = try #require(try read("responses/ReceivePaymentAddRs__3210_overpay.xml").first?.header.status)
        #expect(status.message == #"The "AppliedToTxnAdd payment amount" field has an invalid value "129.43".  QuickBooks error message: You cannot pay more than the amount due."#)
    }

    @Test("a response with a record despite its error status still yields the record (3200, 530)")
    func recordsWithErrors() throws {
        let response = try #require(try read("real/rubyfrag__CustomerModRs__3200_edit_sequence_with_current_Ret.xml").first)
        guard case .customer(let customer)? = response.records.first else { Issue.record("no customer"); return }
        #expect(customer.editSequence == "1272665327")
        #expect(customer.balance == Money.zero)
    }

    @Test("iterator pages expose the iterator and the remaining count")
    func iteratorPages() throws {
        let first = try #require(try read("responses/InvoiceQueryRs__0_iterator_page1_of_2.xml").first)
        #expect(first.header.iteratorID == "{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}")
        #expect(first.header.iteratorRemainingCount == 1)
        #expect(first.header.retCount == 2)
        #expect(first.records.count == 2)
        let last = try #require(try read("responses/InvoiceQueryRs__0_iterator_page2_of_2.xml").first)
        #expect(last.header.iteratorRemainingCount == 0)
        guard case .invoice(let paid)? = last.records.first else { Issue.record("no invoice"); return }
        #expect(paid.isPaid == true && paid.balanceRemaining == Money.zero)
        let mixed = try read("real/rubyfrag__CustomerQueryRs_iterator_remaining1__InvoiceQueryRs__0.xml")
        #expect(mixed.map(\.header.iteratorRemainingCount) == [1, 0])
    }

    @Test("the real partially paid invoice reads with its balance, link and line")
    func partiallyPaidInvoice() throws {
        let response = try #require(try read("real/consolibyte__InvoiceQueryRs__0_iterator_partially_paid.xml").first)
        guard case .invoice(let invoice)? = response.records.first else { Issue.record("no invoice"); return }
        #expect(invoice.appliedAmount == Money("-55.00"))
        #expect(invoice.balanceRemaining == Money("45.00"))
        #expect(invoice.linkedTxns == [LinkedTxn(txnID: "10-1232328309", txnType: "ReceivePayment", txnDate: QBDate("2009-01-18"),
                                                 refNumber: "123", linkType: "AMTTYPE", amount: Money("-55.00"))])
        #expect(invoice.lines.first?.rate == QBDecimal("100"))
        guard case .invoice(let second)? = response.records.last else { Issue.record("no invoice"); return }
        #expect(second.lines.map(\.item?.fullName) == ["Test Service Item 1", "Test Inventory Part 2"])
        #expect(second.lines.last?.quantity == QBDecimal("2"))
        #expect(second.salesTaxTotal == Money("10.98"))
    }

    @Test("elements in an unexpected order are still read, unknown ones skipped")
    func reorderedAndUnknown() throws {
        let response = try #require(try read("responses/InvoiceQueryRs__0_reordered_and_unknown_elements.xml").first)
        #expect(response.records.count == 1)
        guard case .invoice(let invoice)? = response.records.first else { Issue.record("no invoice"); return }
        #expect(invoice.txnID == "4-1232328070")
        #expect(invoice.customer == ListRef(listID: "40000-1232328070", fullName: "Keith Palmer:QuickBooks Integration"))
        #expect(invoice.linkedTxns.first?.amount == Money("-55.00"))
        #expect(invoice.linkedTxns.first?.txnID == "10-1232328309")
        #expect(invoice.subtotal == Money("100.00") && invoice.isPaid == false)
    }

    @Test("credit memos, deletions, error recovery and message-set attributes are read")
    func otherRecords() throws {
        guard case .creditMemo(let memo)? = try read("responses/CreditMemoQueryRs__0_open_credit.xml").first?.records.first else {
            Issue.record("no credit memo"); return
        }
        #expect(memo.creditRemaining == Money("50.00") && memo.linkedTxns.count == 1 && memo.lines.first?.desc == "Returned faucet")
        let deleted = try read("responses/TxnDelRs__0_receive_payment.xml").first?.records
        #expect(deleted == [.txnDeleted(TxnDeleted(type: "ReceivePayment", txnID: "1F3A-1714070123",
                                                   timeDeleted: QBDateTime("2024-04-26T08:12:40-08:00"), refNumber: "CHK-20417"))])
        let reader = try QBXMLResponseReader(string: try Repository.sample("responses/ReceivePaymentAddRs__0_error_recovery__messageSetStatusCode.xml"))
        var records: [QBXMLRecord] = []
        while let event = try reader.next() { if case .record(let record) = event { records.append(record) } }
        #expect(reader.messageSetStatusCode == 0)
        #expect(reader.newMessageSetID == "qbb-set-000042")
        #expect(records.last == .errorRecovery(ErrorRecovery(txnID: "1F3A-1714070123", txnNumber: 812, editSequence: "1714070123",
                                                             externalGUID: "{8A0F3C52-9D4E-5B7A-8C21-3F6E9A1B2C4D}")))
    }

    @Test("events come in order: start, records, end")
    func eventOrder() throws {
        let reader = try QBXMLResponseReader(string: try Repository.sample("responses/ReceivePaymentAddRs__3210_then_3231__stopOnError.xml"))
        var events: [String] = []
        while let event = try reader.next() {
            switch event {
            case .responseStart(let header): events.append("start \(header.requestID ?? "")")
            case .record: events.append("record")
            case .responseEnd(let header): events.append("end \(header.requestID ?? "")")
            }
        }
        #expect(events == ["start pmt-000127", "end pmt-000127", "start pmt-000128", "end pmt-000128"])
        #expect(try reader.next() == nil)
    }

    @Test("a malformed or truncated document is an error saying where", arguments: [
        ("responses/InvoiceQueryRs__truncated.xml", 24), ("responses/InvoiceQueryRs__malformed_mismatched_tag.xml", 29),
        ("real/flowlink__SalesOrderAddRs__3140_item__fragment.xml", 1),
    ])
    func malformed(_ sample: (file: String, line: Int)) throws {
        let error = #expect(throws: QBXMLError.self) { _ = try read(sample.file) }
        guard case .xml(let inner)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(inner.kind == .malformed)
        #expect(inner.line == sample.line)
    }

    @Test("a response without statusCode is an error naming the element")
    func missingStatusCode() throws {
        let error = #expect(throws: QBXMLError.self) { _ = try read("responses/CustomerQueryRs__missing_statusCode.xml") }
        #expect(error == .missingStatusCode(response: "CustomerQueryRs", line: 4))
    }

    @Test("a value that is not of its qbXML type is an error naming the element and line")
    func badValue() throws {
        let xml = "<QBXML><QBXMLMsgsRs><InvoiceQueryRs statusCode=\"0\">\n<InvoiceRet>\n<Subtotal>12.345</Subtotal></InvoiceRet></InvoiceQueryRs></QBXMLMsgsRs></QBXML>"
        let error = #expect(throws: QBXMLError.self) { _ = try QBXMLResponseReader.readAll(xml) }
        guard case .invalidResponseValue(let element, let value, _, let line)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(element == "Subtotal" && value == "12.345" && line == 3)
    }

    @Test("a root that is not qbXML is refused")
    func wrongRoot() {
        #expect(throws: QBXMLError.unexpectedElement(found: "html", expected: "<QBXML>, <QBXMLMsgsRs> or a …Rs element", line: 1)) {
            _ = try QBXMLResponseReader.readAll("<html><body/></html>")
        }
    }

    @Test("a bare …Ret fragment can be read once wrapped in its response")
    func fragment() throws {
        let ret = try Repository.sample("real/consolibyte__ReceivePaymentRet__applied_to_3_invoices__fragment.xml")
        let records = try QBXMLResponseReader.readAll("<ReceivePaymentQueryRs statusCode=\"0\">\(ret)</ReceivePaymentQueryRs>").first?.records
        guard case .receivePayment(let payment)? = records?.first else { Issue.record("no payment"); return }
        #expect(payment.appliedTo.map(\.amount) == [Money("100.00"), Money("100.00"), Money("199.77")])
        #expect(payment.appliedTo[1].linkedTxns.first?.txnType == "ReceivePayment")
    }

    @Test("the file-based reader streams the same events as the in-memory one")
    func fromFile() throws {
        let path = Repository.url("Samples/qbxml/responses/InvoiceQueryRs__0_iterator_page1_of_2.xml").path
        let fileReader = try QBXMLResponseReader(contentsOfFile: path)
        var fromFile: [QBXMLResponseEvent] = []
        while let event = try fileReader.next() { fromFile.append(event) }
        let memoryReader = try QBXMLResponseReader(bytes: Array(try Repository.sample("responses/InvoiceQueryRs__0_iterator_page1_of_2.xml").utf8))
        var fromMemory: [QBXMLResponseEvent] = []
        while let event = try memoryReader.next() { fromMemory.append(event) }
        #expect(fromFile == fromMemory)
        #expect(fromFile.count == 4)
        #expect(throws: QBXMLError.self) { _ = try QBXMLResponseReader(contentsOfFile: "/nonexistent/qbbridge.xml") }
    }

    @Test("whitespace inside a value is kept while indentation between elements is ignored")
    func whitespaceInValues() throws {
        let xml = "<QBXML>\n  <QBXMLMsgsRs>\n    <CustomerQueryRs statusCode=\"0\">\n      <CustomerRet>\n        <Name>  Ann  </Name>\n"
            + "        <CompanyName> </CompanyName>\n        <Balance> 12.50 </Balance>\n      </CustomerRet>\n    </CustomerQueryRs>\n  </QBXMLMsgsRs>\n</QBXML>\n"
        guard case .customer(let customer)? = try QBXMLResponseReader.readAll(xml).first?.records.first else { Issue.record("no customer"); return }
        #expect(customer.name == "  Ann  ")
        #expect(customer.companyName == " ")
        #expect(customer.balance == Money("12.50"))
    }

    @Test("envelopes without responses yield no events", arguments: [
        "<QBXML/>", "<QBXML><QBXMLMsgsRs/></QBXML>", "<?xml version=\"1.0\" ?><QBXML><SignonMsgsRs/><QBXMLMsgsRs>\n</QBXMLMsgsRs></QBXML>",
    ])
    func emptyEnvelopes(_ xml: String) throws {
        #expect(try QBXMLResponseReader.readAll(xml).isEmpty)
    }
}
