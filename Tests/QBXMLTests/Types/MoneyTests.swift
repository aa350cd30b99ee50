import Foundation
import Testing
import QBXML
import QBBridgeTesting

@Suite("Money", .tagFilter)
struct MoneyTests {
    @Test("parses AMTTYPE text and renders exactly two decimals", arguments: [
        ("1500.00", "1500.00", Int64(150_000)), ("-55.00", "-55.00", -5_500), ("1500", "1500.00", 150_000),
        ("0.5", "0.50", 50), ("+7.25", "7.25", 725), ("9999999999999.99", "9999999999999.99", 999_999_999_999_999),
        ("-0.01", "-0.01", -1),
    ])
    func parsesAndRenders(_ example: (text: String, rendered: String, cents: Int64)) throws {
        let money = try #require(Money(example.text))
        #expect(money.cents == example.cents)
        #expect(money.description == example.rendered)
    }

    @Test("refuses more than two decimals, more than 13 digits and anything that is not a plain number",
          arguments: ["1.005", "10000000000000.00", "1,000.00", "1e3", "", "-", ".50", "12.", "1.2.3", " 1.00", "NaN"])
    func refusesInvalid(_ text: String) {
        #expect(Money(text) == nil)
    }

    @Test("the thrown error names the field and says what is wrong")
    func errorNamesField() {
        let error = #expect(throws: QBXMLError.self) { try Money(parsing: "12.345", field: "upstream.amount") }
        #expect(error?.description.contains("upstream.amount") == true)
        #expect(error?.description.contains("2 decimals") == true)
    }

    @Test("cents outside AMTTYPE's range are refused")
    func centsRange() {
        #expect(Money(cents: 999_999_999_999_999) != nil)
        #expect(Money(cents: 1_000_000_000_000_000) == nil)
        #expect(Money(cents: -1_000_000_000_000_000) == nil)
    }

    @Test("is Codable as its string form")
    func codable() throws {
        let data = try JSONEncoder().encode([try #require(Money("-55.5"))])
        #expect(String(decoding: data, as: UTF8.self) == #"["-55.50"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: Data(#"["12.30"]"#.utf8)) == [try #require(Money(cents: 1230))])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data(#"["1.234"]"#.utf8)) }
    }

    @Test("converts exactly from and to Decimal")
    func decimal() throws {
        #expect(Money(exactly: try #require(Decimal(string: "19.99")))?.cents == 1999)
        #expect(Money(exactly: try #require(Decimal(string: "19.999"))) == nil)
        #expect(try #require(Money("-3.07")).decimalValue == Decimal(string: "-3.07"))
    }
}
