import Testing
import QBXML
import QBBridgeTesting

@Suite("XML escaping", .tagFilter)
struct XMLEscapingTests {
    @Test("text escapes &, < and > and keeps quotes")
    func text() {
        #expect(XMLEscaping.escapeText(#"a & b < c > d "q" 'a'"#) == #"a &amp; b &lt; c &gt; d "q" 'a'"#)
    }

    @Test("attributes also escape quotes, tabs, line feeds and carriage returns")
    func attribute() {
        #expect(XMLEscaping.escapeAttribute("a\"b'c<&>\t\n\r") == "a&quot;b&apos;c&lt;&amp;&gt;&#9;&#10;&#13;")
    }

    @Test("characters XML 1.0 forbids are dropped, legal ones kept")
    func dropsIllegalCharacters() {
        #expect(XMLEscaping.escapeText("a\u{0}b\u{1F}c\u{FFFE}d€😀") == "abcd€😀")
        // U+FFFF goes; its neighbours U+FFFD and U+F8FF (also EF-led in UTF-8) stay; text keeps tab and line feed.
        #expect(XMLEscaping.escapeText("\u{FFFF}x\u{FFFD}\u{F8FF}\t\n<") == "x\u{FFFD}\u{F8FF}\t\n&lt;")
        #expect(XMLEscaping.firstIllegalCharacter(in: "ok\u{7}") == "\u{7}")
        #expect(XMLEscaping.firstIllegalCharacter(in: "tab\tnewline\n") == nil)
    }

    @Test("escaped text reads back as the original", arguments: ["plain", "a&b<c>d", "x\r\ny", "  spaced  ", "Zoë & Søn"])
    func roundTrip(_ value: String) throws {
        let reader = try XMLStreamReader(string: "<a v=\"\(XMLEscaping.escapeAttribute(value))\">\(XMLEscaping.escapeText(value))</a>")
        _ = try reader.next()
        #expect(reader.attribute("v") == value)
        #expect(try reader.readText() == value)
    }
}
