import Testing
import QBXML
import QBBridgeTesting

@Suite("Message set rendering", .tagFilter)
struct MessageSetRenderingTests {
    @Test("every builder with all options set renders a document the schema accepts, in the envelope QBWC expects")
    func everyBuilderValidates() throws {
        let set = QBXMLMessageSet(version: Fixtures.version13, onError: .continueOnError, requests: try Fixtures.everyRequest(),
                                  newMessageSetID: "qbb-set-000042", oldMessageSetID: nil)
        let xml = try set.render()
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="continueOnError" newMessageSetID="qbb-set-000042">"#))
        try QBXMLSchemaValidator.shared.validate(xml)
        let tree = try XMLTree.parse(xml)
        #expect(tree.at("QBXMLMsgsRq")?.childNames == [
            "HostQueryRq", "CompanyQueryRq", "PreferencesQueryRq", "CustomerQueryRq", "InvoiceQueryRq",
            "CreditMemoQueryRq", "ReceivePaymentQueryRq", "ReceivePaymentAddRq", "TxnDelRq",
        ])
        #expect(tree.at("QBXMLMsgsRq")?.children.map { $0.attributes["requestID"] ?? "" } == [
            "host-1", "company-1", "prefs-1", "cust-q-000003", "inv-q-000050", "cm-q-000002", "pmt-q-000009", "pmt-000123", "del-000003",
        ])
    }

    @Test("ReceivePaymentAddRq reads back with every field in qbXML order")
    func paymentReadsBack() throws {
        let xml = try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: [try Fixtures.payment()]).render()
        let add = try #require(XMLTree.parse(xml).at("QBXMLMsgsRq/ReceivePaymentAddRq/ReceivePaymentAdd"))
        #expect(add.childNames == ["CustomerRef", "ARAccountRef", "TxnDate", "RefNumber", "TotalAmount", "PaymentMethodRef",
                                   "Memo", "DepositToAccountRef", "ExternalGUID", "AppliedToTxnAdd", "AppliedToTxnAdd"])
        #expect(add.at("CustomerRef/ListID")?.text == "80000017-1331869840")
        #expect(add.at("TotalAmount")?.text == "1500.00")
        #expect(add.at("Memo")?.text == "QBB:pmt-000123 upstream order 5561")
        #expect(add.at("ExternalGUID")?.text == "{8A0F3C52-9D4E-5B7A-8C21-3F6E9A1B2C4D}")
        let second = add.children[10]
        #expect(second.childNames == ["TxnID", "PaymentAmount", "DiscountAmount", "DiscountAccountRef", "DiscountClassRef"])
        #expect(second.at("DiscountAmount")?.text == "10.00")
    }

    @Test("InvoiceQueryRq reads back with the filter group and tail in order")
    func invoiceQueryReadsBack() throws {
        let xml = try QBXMLMessageSet(version: Fixtures.version13, onError: .continueOnError, requests: [try Fixtures.invoiceQuery()]).render()
        let query = try #require(XMLTree.parse(xml).at("QBXMLMsgsRq/InvoiceQueryRq"))
        #expect(query.attributes["iterator"] == "Start")
        #expect(query.childNames == ["MaxReturned", "ModifiedDateRangeFilter", "EntityFilter", "AccountFilter", "RefNumberRangeFilter",
                                     "CurrencyFilter", "PaidStatus", "IncludeLineItems", "IncludeLinkedTxns", "IncludeRetElement",
                                     "IncludeRetElement", "OwnerID"])
        #expect(query.at("ModifiedDateRangeFilter/FromModifiedDate")?.text == "2024-07-01T00:00:00")
        #expect(query.at("EntityFilter/ListIDWithChildren")?.text == "80000017-1331869840")
    }

    @Test("text is escaped, and what is sent reads back unchanged")
    func escaping() throws {
        let memo = "Tom & Jerry <invoice #5> \"paid\"\r\n€"
        let xml = try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: [try Fixtures.payment(memo: memo)]).render()
        #expect(try XMLTree.parse(xml).at("QBXMLMsgsRq/ReceivePaymentAddRq/ReceivePaymentAdd/Memo")?.text == memo)
    }

    @Test("the golden request files are exactly what the builders produce", arguments: [
        ("requests/ReceivePaymentAddRq__13.0.xml", 0), ("requests/InvoiceQueryRq__filter_iterator__13.0.xml", 1),
        ("requests/ReceivePaymentQueryRq__rediscovery_scan__13.0.xml", 2), ("requests/every_request__continueOnError__13.0.xml", 3),
    ])
    func goldenFiles(_ example: (file: String, index: Int)) throws {
        let requests: [[any QBXMLRequest]] = [
            [try Fixtures.payment()], [try Fixtures.invoiceQuery()], [try Fixtures.paymentScan()], try Fixtures.everyRequest(),
        ]
        let onError: OnError = example.index == 3 ? .continueOnError : .stopOnError
        let rendered = try QBXMLMessageSet(version: Fixtures.version13, onError: onError, requests: requests[example.index]).render()
        #expect(rendered + "\n" == (try Repository.sample(example.file)))
    }
}
