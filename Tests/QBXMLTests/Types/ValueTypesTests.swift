import Foundation
import Testing
import QBXML
import QBBridgeTesting

@Suite("qbXML value types", .tagFilter)
struct ValueTypesTests {
    @Test("QBXMLVersion parses, orders and encodes as a string")
    func version() throws {
        let version = try #require(QBXMLVersion("13.0"))
        #expect(version == QBXMLVersion(major: 13, minor: 0))
        #expect(try #require(QBXMLVersion("2.1")) < version)
        #expect(try #require(QBXMLVersion("10.0")) > QBXMLVersion(major: 9, minor: 0))
        #expect(QBXMLVersion("13.x") == nil)
        #expect(QBXMLVersion("CA13.0") == nil)
        #expect(String(decoding: try JSONEncoder().encode([version]), as: UTF8.self) == #"["13.0"]"#)
        #expect(try JSONDecoder().decode(QBXMLVersion.self, from: Data(#""11.0""#.utf8)) == QBXMLVersion(major: 11, minor: 0))
    }

    @Test("negotiation picks the highest version both sides support", arguments: [
        (["1.0", "2.0", "13.0", "14.0", "16.0"], "13.0"),
        (["CA2.0", "CA11.0", "CA12.0"], "12.0"),
        (["UK3.0", "UK13.0"], "13.0"),
        ([" 11.0 ", "garbage", ""], "11.0"),
    ])
    func negotiation(_ example: (supported: [String], expected: String)) {
        #expect(QBXMLVersion.negotiate(supported: example.supported)?.description == example.expected)
    }

    @Test("negotiation fails when QuickBooks is older than the oldest supported version")
    func negotiationTooOld() {
        #expect(QBXMLVersion.negotiate(supported: ["1.0", "2.1", "10.0"]) == nil)
        #expect(QBXMLVersion.negotiate(supported: []) == nil)
        #expect(QBXMLVersion.oldestSupported <= QBXMLVersion.newestEmitted)
    }

    @Test("QBDecimal reads QUANTYPE/PRICETYPE values exactly", arguments: [
        ("100", "100"), ("72.00", "72"), ("0.5", "0.5"), ("-12.34567", "-12.34567"), ("1234567890.1", "1234567890.1"),
    ])
    func decimal(_ example: (text: String, rendered: String)) throws {
        #expect(try #require(QBDecimal(example.text)).description == example.rendered)
    }

    @Test("QBDecimal refuses a sixth decimal and an 11th integer digit", arguments: ["1.123456", "12345678901", "1,5", "x"])
    func decimalRefuses(_ text: String) {
        #expect(QBDecimal(text) == nil)
    }

    @Test("QBGUID accepts braced GUIDs and 0, compares ignoring case")
    func guid() throws {
        let upper = try #require(QBGUID("{6B29FC40-CA47-1067-B31D-00DD010662DA}"))
        let lower = try #require(QBGUID("{6b29fc40-ca47-1067-b31d-00dd010662da}"))
        #expect(upper == lower)
        #expect(Set([upper, lower]).count == 1)
        #expect(QBGUID("0") == QBGUID.zero)
        #expect(QBGUID("6B29FC40-CA47-1067-B31D-00DD010662DA") == nil)
        #expect(QBGUID("{6B29FC40-CA47-1067-B31D-00DD010662DG}") == nil)
        let uuid = try #require(UUID(uuidString: "6B29FC40-CA47-1067-B31D-00DD010662DA"))
        #expect(QBGUID(uuid).rawValue == "{6B29FC40-CA47-1067-B31D-00DD010662DA}")
    }
}
