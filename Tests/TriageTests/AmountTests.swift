import Foundation
import Testing
import Triage
import QBBridgeTesting

@Suite("Amounts", .tagFilter)
struct AmountTests {
    @Test(
        "decimal strings parse to cents",
        arguments: [("1500.00", 150_000), ("-250.00", -25_000), ("1,500.00", 150_000), ("129.4", 12_940), ("12", 1_200),
                    (".5", 50), ("0.00", 0), ("+3.10", 310), (" 7.25 ", 725)])
    func parses(_ text: String, _ cents: Int) {
        #expect(Amount(text) == Amount(cents: cents))
    }

    @Test("anything that is not an amount with at most two decimals is refused", arguments: ["", "-", ".", "1.234", "12a", "1.2.3", "$5", "1e3", "١٢"])
    func refuses(_ text: String) {
        #expect(Amount(text) == nil)
    }

    @Test("amounts print as 1500.00 for JSON and $1,500.00 for people")
    func formats() {
        #expect(Amount(cents: 150_000).decimalString == "1500.00")
        #expect(Amount(cents: 150_000).displayText == "$1,500.00")
        #expect(Amount(cents: -5_500).displayText == "-$55.00")
        #expect(Amount(cents: -5).decimalString == "-0.05")
        #expect(Amount(cents: 123_456_789).displayText == "$1,234,567.89")
        #expect(Amount(cents: 99).displayText == "$0.99")
    }

    @Test("an amount is a JSON string, never a number")
    func codesAsString() throws {
        let json = try JSONEncoder().encode([Amount(cents: 150_000)])
        #expect(String(decoding: json, as: UTF8.self) == #"["1500.00"]"#)
        #expect(try JSONDecoder().decode([Amount].self, from: Data(#"["-55.5"]"#.utf8)) == [Amount(cents: -5_550)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Amount].self, from: Data("[1500.0]".utf8)) }
    }
}
