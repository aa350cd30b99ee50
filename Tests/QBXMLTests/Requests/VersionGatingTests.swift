import Testing
import QBXML
import QBBridgeTesting

@Suite("Version gating", .tagFilter)
struct VersionGatingTests {
    static let v11 = QBXMLVersion(major: 11, minor: 0)

    private func renderDirect(_ request: any QBXMLRequest, _ version: QBXMLVersion) throws -> XMLTree {
        var writer = QBXMLWriter()
        try request.render(into: &writer, version: version)
        return try XMLTree.parse(writer.xml)
    }

    @Test("ExternalGUID is sent from 9.0 and left out below")
    func externalGUID() throws {
        let payment = try Fixtures.payment()
        #expect(try renderDirect(payment, QBXMLVersion(major: 9, minor: 0)).at("ReceivePaymentAdd/ExternalGUID") != nil)
        #expect(try renderDirect(payment, QBXMLVersion(major: 8, minor: 0)).at("ReceivePaymentAdd/ExternalGUID") == nil)
    }

    @Test("DiscountClassRef is sent from 11.0 and left out below")
    func discountClass() throws {
        let payment = try Fixtures.payment()
        #expect(try renderDirect(payment, Self.v11).at("ReceivePaymentAdd")?.children[10].at("DiscountClassRef") != nil)
        #expect(try renderDirect(payment, QBXMLVersion(major: 10, minor: 0)).at("ReceivePaymentAdd")?.children[10].at("DiscountClassRef") == nil)
    }

    @Test("IncludeRetElement is left out below 4.0")
    func includeRetElement() throws {
        let host = HostQueryRq(requestID: "h", includeMaxCapacity: true, includeRetElements: ["ProductName"])
        #expect(try renderDirect(host, QBXMLVersion(major: 3, minor: 0)).childNames == [])
        #expect(try renderDirect(host, QBXMLVersion(major: 5, minor: 0)).childNames == ["IncludeRetElement"])
        #expect(try renderDirect(host, QBXMLVersion(major: 6, minor: 0)).childNames == ["IncludeListMetaData", "IncludeRetElement"])
    }

    @Test("features a version lacks throw, naming the feature and the version required", arguments: [
        (4, "iterator", QBXMLVersion(major: 5, minor: 0)),
        (7, "CurrencyFilter", QBXMLVersion(major: 8, minor: 0)),
    ])
    func requiresNewer(_ example: (major: Int, feature: String, required: QBXMLVersion)) throws {
        let query = try Fixtures.invoiceQuery()
        let error = #expect(throws: QBXMLError.self) { _ = try renderDirect(query, QBXMLVersion(major: example.major, minor: 0)) }
        #expect(error == .requiresNewerVersion(request: "InvoiceQueryRq", feature: example.feature, required: example.required,
                                               negotiated: QBXMLVersion(major: example.major, minor: 0)))
        #expect(error?.description.contains("qbXML \(example.required)") == true)
        #expect(query.minimumVersion == QBXMLVersion(major: 8, minor: 0))
    }

    @Test("ClassFilter needs 12.0, and a message set renders an 11.0 subset that still validates")
    func olderRenderValidates() throws {
        let customers = try Fixtures.customerQuery()
        #expect(customers.minimumVersion == QBXMLVersion(major: 12, minor: 0))
        #expect(throws: QBXMLError.self) {
            try QBXMLMessageSet(version: Self.v11, onError: .stopOnError, requests: [customers]).render()
        }
        let xml = try QBXMLMessageSet(version: Self.v11, onError: .stopOnError, requests: [try Fixtures.payment(), try Fixtures.paymentScan()]).render()
        #expect(xml.contains(#"<?qbxml version="11.0"?>"#))
        try QBXMLSchemaValidator.shared.validate(xml)
    }

    @Test("a message set newer than the schema is refused")
    func newerThanSchema() throws {
        let error = #expect(throws: QBXMLError.self) {
            try QBXMLMessageSet(version: QBXMLVersion(major: 14, minor: 0), onError: .stopOnError, requests: [HostQueryRq(requestID: "h")]).render()
        }
        #expect(error == .versionNotEmitted(requested: QBXMLVersion(major: 14, minor: 0), newest: .newestEmitted))
    }
}
