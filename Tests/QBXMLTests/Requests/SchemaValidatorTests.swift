import Foundation
import Testing
@testable import QBXML
import QBBridgeTesting

@Suite("qbXML schema", .tagFilter)
struct SchemaValidatorTests {
    @Test("an element out of order is refused, naming the element, the rule and the line")
    func outOfOrder() {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?>
            <QBXML><QBXMLMsgsRq onError="stopOnError">
            <ReceivePaymentAddRq requestID="1"><ReceivePaymentAdd>
            <TxnDate>2024-04-25</TxnDate>
            <CustomerRef><ListID>1-1</ListID></CustomerRef>
            <AppliedToTxnAdd><TxnID>2-2</TxnID><PaymentAmount>1.00</PaymentAmount></AppliedToTxnAdd>
            </ReceivePaymentAdd></ReceivePaymentAddRq></QBXMLMsgsRq></QBXML>
            """
        let error = #expect(throws: QBXMLError.self) { try QBXMLSchemaValidator.shared.validate(xml) }
        guard case .schemaViolation(let element, let rule, let line)? = error else {
            Issue.record("expected a schema violation, got \(String(describing: error))")
            return
        }
        #expect(element == "TxnDate")
        #expect(rule.contains("CustomerRef"))
        #expect(line == 4)
    }

    @Test("facets are enforced", arguments: [
        ("<RefNumber>123456789012345678901</RefNumber>", "RefNumber"),
        ("<TotalAmount>1.005</TotalAmount>", "TotalAmount"),
        ("<TxnDate>2024-02-30</TxnDate>", "TxnDate"),
        ("<ExternalGUID>{not-a-guid}</ExternalGUID>", "ExternalGUID"),
    ])
    func facets(_ example: (element: String, name: String)) {
        let xml = "<QBXML><QBXMLMsgsRq onError=\"stopOnError\"><ReceivePaymentAddRq><ReceivePaymentAdd>"
            + "<CustomerRef><ListID>1-1</ListID></CustomerRef>" + example.element
            + "<AppliedToTxnAdd><TxnID>2-2</TxnID></AppliedToTxnAdd></ReceivePaymentAdd></ReceivePaymentAddRq></QBXMLMsgsRq></QBXML>"
        let error = #expect(throws: QBXMLError.self) { try QBXMLSchemaValidator.shared.validate(xml) }
        guard case .schemaViolation(let element, _, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(element == example.name)
    }

    @Test("onError is required on QBXMLMsgsRq")
    func onErrorRequired() {
        let error = #expect(throws: QBXMLError.self) {
            try QBXMLSchemaValidator.shared.validate("<QBXML><QBXMLMsgsRq><HostQueryRq/></QBXMLMsgsRq></QBXML>")
        }
        #expect(error?.description.contains("onError") == true)
    }

    @Test("the real qbXML 2.1 sample request validates once its comments are ignored")
    func realRequest() throws {
        try QBXMLSchemaValidator.shared.validate(try Repository.sample("real/sanmol__ReceivePaymentAddRq__AppliedToTxnAdd.xml"))
        try QBXMLSchemaValidator.shared.validate(try Repository.sample("real/rubyfrag__CustomerQueryRq__iterator_continue.xml"))
    }

    @Test("validation is safe from many tasks at once")
    func concurrentValidation() async throws {
        let good = try QBXMLMessageSet(version: Fixtures.version13, onError: .stopOnError, requests: [try Fixtures.payment()]).render()
        let bad = good.replacingOccurrences(of: "<TotalAmount>1500.00</TotalAmount>", with: "<TotalAmount>x</TotalAmount>")
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? good : bad
                    do { try QBXMLSchemaValidator.shared.validate(text); return index.isMultiple(of: 2) } catch { return !index.isMultiple(of: 2) }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }

    @Test("a schema that does not compile is reported, not crashed on")
    func brokenSchema() {
        let error = #expect(throws: QBXMLError.self) { _ = try QBXMLSchemaValidator(schemaText: "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element name='a' type='nope'/></xs:schema>") }
        guard case .schemaUnavailable? = error else { Issue.record("\(String(describing: error))"); return }
    }
}
