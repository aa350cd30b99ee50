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
}
