import Testing
import QBXML
import QBBridgeTesting

@Suite("Raw qbXML requests", .tagFilter)
struct RawQBXMLRequestTests {
    @Test("a full upstream document is accepted, re-serialized and sent with the message set's envelope")
    func fullDocument() throws {
        let upstream = try Repository.sample("real/sanmol__ReceivePaymentAddRq__AppliedToTxnAdd.xml")
        let raw = try RawQBXMLRequest(xml: upstream, requestID: "up-1")
        #expect(raw.elementName == "ReceivePaymentAddRq")
        #expect(!raw.xml.contains("<!--"))
        let xml = try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: [raw, HostQueryRq(requestID: "h")]).render()
        let tree = try XMLTree.parse(xml)
        #expect(tree.at("QBXMLMsgsRq/ReceivePaymentAddRq")?.attributes["requestID"] == "up-1")
        #expect(tree.at("QBXMLMsgsRq/ReceivePaymentAddRq/ReceivePaymentAdd/Memo")?.text == "Inv. #9460")
    }

    @Test("a single …Rq element with its own requestID is accepted as is")
    func singleElement() throws {
        let raw = try RawQBXMLRequest(xml: #"<TxnDelRq requestID="d-1"><TxnDelType>ReceivePayment</TxnDelType><TxnID>1-1</TxnID></TxnDelRq>"#)
        #expect(raw.requestID == "d-1")
        #expect(raw.xml == #"<TxnDelRq requestID="d-1"><TxnDelType>ReceivePayment</TxnDelType><TxnID>1-1</TxnID></TxnDelRq>"#)
    }

    @Test("requestIDs are checked: missing, different from the queued one, or duplicated in a document")
    func requestIDs() throws {
        let element = #"<TxnDelRq requestID="d-1"><TxnDelType>ReceivePayment</TxnDelType><TxnID>1-1</TxnID></TxnDelRq>"#
        #expect(throws: QBXMLError.requestIDMismatch(expected: "other", found: "d-1")) { try RawQBXMLRequest(xml: element, requestID: "other") }
        #expect(throws: QBXMLError.emptyField(field: "TxnDelRq@requestID")) {
            try RawQBXMLRequest(xml: "<TxnDelRq><TxnDelType>ReceivePayment</TxnDelType><TxnID>1-1</TxnID></TxnDelRq>")
        }
        let twice = "<QBXML><QBXMLMsgsRq onError=\"stopOnError\">\(element)\(element)</QBXMLMsgsRq></QBXML>"
        #expect(throws: QBXMLError.duplicateRequestID("d-1")) { try RawQBXMLRequest.requests(fromDocument: twice) }
        #expect(throws: QBXMLError.rawRequestCount(found: 2)) { try RawQBXMLRequest(xml: twice) }
    }

    @Test("a document with several requests splits into one raw request each")
    func split() throws {
        let document = """
            <?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="continueOnError">
              <HostQueryRq requestID="a"/>
              <InvoiceQueryRq requestID="b"><TxnID>1-1</TxnID><IncludeLinkedTxns>true</IncludeLinkedTxns></InvoiceQueryRq>
            </QBXMLMsgsRq></QBXML>
            """
        #expect(try RawQBXMLRequest.requests(fromDocument: document).map(\.requestID) == ["a", "b"])
    }

    @Test("invalid, unknown or hostile requests are refused", arguments: [
        #"<InvoiceQueryRq requestID="x"><IncludeLineItems>true</IncludeLineItems><TxnID>1-1</TxnID></InvoiceQueryRq>"#,
        #"<SalesOrderAddRq requestID="x"/>"#,
        #"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><TxnDelRq requestID="x"><TxnDelType>&e;</TxnDelType></TxnDelRq>"#,
        #"<Customer requestID="x"/>"#,
        "<TxnDelRq requestID=\"x\"><TxnDelType>",
    ])
    func refused(_ xml: String) {
        #expect(throws: QBXMLError.self) { try RawQBXMLRequest(xml: xml) }
    }

    @Test("the declared minimum version is enforced")
    func minimumVersion() throws {
        let raw = try RawQBXMLRequest(xml: #"<HostQueryRq requestID="h"/>"#, minimumVersion: Fixtures.version13)
        #expect(throws: QBXMLError.self) {
            try QBXMLMessageSet(version: QBXMLVersion(major: 12, minor: 0), onError: .stopOnError, requests: [raw]).render()
        }
    }

    @Test("any request qbXML 13.0 defines is accepted, outside QBBridge's schema too", arguments: [
        #"<CustomerAddRq requestID="1"><CustomerAdd><Name>Harbor</Name></CustomerAdd></CustomerAddRq>"#,
        #"<InvoiceAddRq requestID="1"><InvoiceAdd><CustomerRef><FullName>Harbor</FullName></CustomerRef></InvoiceAdd></InvoiceAddRq>"#,
        #"<ItemQueryRq requestID="1"><MaxReturned>5</MaxReturned></ItemQueryRq>"#,
        #"<SalesReceiptAddRq requestID="1"><SalesReceiptAdd><CustomerRef><FullName>Harbor</FullName></CustomerRef></SalesReceiptAdd></SalesReceiptAddRq>"#,
        #"<GeneralSummaryReportQueryRq requestID="1"><GeneralSummaryReportType>ProfitAndLossStandard</GeneralSummaryReportType></GeneralSummaryReportQueryRq>"#,
        #"<TxnVoidRq requestID="1"><TxnVoidType>Invoice</TxnVoidType><TxnID>1-1</TxnID></TxnVoidRq>"#,
    ])
    func everyQuickBooksRequest(_ xml: String) throws {
        let raw = try RawQBXMLRequest(xml: xml)
        #expect(!raw.isSchemaChecked)
        let document = try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: [raw]).render()
        #expect(document.contains(raw.xml))
    }

    @Test("QBBridge's own requests are still validated against its schema; the table knows each of them")
    func ownRequestsStayValidated() throws {
        let own = try RawQBXMLRequest(xml: #"<CustomerQueryRq requestID="c"><MaxReturned>2</MaxReturned></CustomerQueryRq>"#)
        #expect(own.isSchemaChecked)
        #expect(throws: QBXMLError.self) {
            try RawQBXMLRequest(xml: #"<CustomerQueryRq requestID="c"><Bogus>1</Bogus></CustomerQueryRq>"#)
        }
        #expect(QBXMLSchemaValidator.requestElements.count >= 10)
        for element in QBXMLSchemaValidator.requestElements {
            #expect(QBXMLRequestTypes.introduced(element) != nil, "\(element) is in QBBridge's schema but not in the qbXML table")
        }
        #expect(QBXMLRequestTypes.all.count == 232)
        #expect(QBXMLRequestTypes.all.allSatisfy { $0.hasSuffix("Rq") })
    }

    @Test("an unknown element is refused with the closest request qbXML defines")
    func unknownRequest() {
        #expect(throws: QBXMLError.unknownRequest(element: "CustomerAdRq", suggestion: "CustomerAddRq")) {
            try RawQBXMLRequest(xml: #"<CustomerAdRq requestID="1"><CustomerAdd><Name>x</Name></CustomerAdd></CustomerAdRq>"#)
        }
        #expect(throws: QBXMLError.unknownRequest(element: "SubscriptionDelRq", suggestion: nil)) {
            try RawQBXMLRequest(xml: #"<SubscriptionDelRq requestID="1"/>"#)
        }
    }

    @Test("an Add or Mod must hold its aggregate first")
    func aggregateRequired() {
        #expect(throws: QBXMLError.missingAggregate(request: "InvoiceModRq", aggregate: "InvoiceMod")) {
            try RawQBXMLRequest(xml: #"<InvoiceModRq requestID="1"><TxnID>1-1</TxnID></InvoiceModRq>"#)
        }
        #expect(throws: QBXMLError.missingAggregate(request: "CustomerAddRq", aggregate: "CustomerAdd")) {
            try RawQBXMLRequest(xml: #"<CustomerAddRq requestID="1"><CustomerAdd><Name>a</Name></CustomerAdd><CustomerAdd><Name>b</Name></CustomerAdd></CustomerAddRq>"#)
        }
    }

    @Test("the minimum version is the later of the declared one and the element's own (LeadAddRq: 13.0)")
    func introducedVersion() throws {
        let lead = try RawQBXMLRequest(xml: #"<LeadAddRq requestID="l"><LeadAdd><FullName>Pat</FullName></LeadAdd></LeadAddRq>"#,
                                       minimumVersion: .oldestSupported)
        #expect(lead.minimumVersion == Fixtures.version13)
        #expect(throws: QBXMLError.self) {
            try QBXMLMessageSet(version: QBXMLVersion(major: 12, minor: 0), onError: .stopOnError, requests: [lead]).render()
        }
        let transfer = try RawQBXMLRequest(xml: #"<TransferQueryRq requestID="t"/>"#)
        #expect(transfer.minimumVersion == QBXMLVersion(major: 12, minor: 0))
        let declared = try RawQBXMLRequest(xml: #"<ItemQueryRq requestID="i"/>"#, minimumVersion: Fixtures.version13)
        #expect(declared.minimumVersion == Fixtures.version13)
    }

    @Test("a set mixing a passed-through request with one of QBBridge's own still validates QBBridge's own")
    func mixedSetValidatesOwnRequests() throws {
        let foreign = try RawQBXMLRequest(xml: #"<ItemQueryRq requestID="a"/>"#)
        let own = try RawQBXMLRequest(xml: #"<HostQueryRq requestID="b"/>"#)
        let document = try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: [foreign, own]).render()
        #expect(document.contains("<ItemQueryRq") && document.contains("<HostQueryRq"))
    }
}
