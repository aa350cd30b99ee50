import Testing
@testable import QBXML
import QBBridgeTesting

@Suite("XMLStreamReader", .tagFilter)
struct XMLStreamReaderTests {
    @Test("reports start tags, end tags and text, skipping comments, instructions and blank text")
    func walksTheDocument() throws {
        let reader = try XMLStreamReader(string: """
            <?xml version="1.0"?><!-- c --><?pi x?>
            <a>
              <b id="1">one &amp; two</b>
              <c/>
            </a>
            """)
        var seen: [String] = []
        while let kind = try reader.next() {
            switch kind {
            case .startElement: seen.append("<\(reader.localName)@\(reader.depth)\(reader.isEmptyElement ? "/" : "")")
            case .endElement: seen.append("</\(reader.localName)")
            case .text: seen.append("'\(reader.text)'")
            }
        }
        #expect(seen == ["<a@0", "<b@1", "'one & two'", "</b", "<c@1/", "</a"])
    }

    @Test("reads attributes by qualified name and reports namespaces")
    func attributesAndNamespaces() throws {
        let reader = try XMLStreamReader(string: #"<s:Envelope xmlns:s="urn:x" xmlns:xsi="urn:i"><s:Body xsi:nil="true" plain='a&quot;b'/></s:Envelope>"#)
        #expect(try reader.next() == .startElement)
        #expect(reader.localName == "Envelope")
        #expect(reader.namespaceURI == "urn:x")
        #expect(try reader.next() == .startElement)
        #expect(reader.attribute("xsi:nil") == "true")
        #expect(reader.attribute("plain") == "a\"b")
        #expect(reader.attribute("missing") == nil)
        #expect(reader.qualifiedName == "s:Body")
    }

    @Test("readText gathers descendant text and CDATA, keeps inner whitespace, and stops on the end tag")
    func readTextGathersEverything() throws {
        let reader = try XMLStreamReader(string: "<r><m>  a <i>b</i><![CDATA[<c>]]> </m><n/><after>x</after></r>")
        _ = try reader.next()
        _ = try reader.next()
        #expect(try reader.readText() == "  a b<c> ")
        #expect(reader.localName == "m")
        #expect(try reader.next() == .startElement)
        #expect(try reader.readText() == "")
        #expect(reader.localName == "n")
        #expect(try reader.next() == .startElement)
        #expect(reader.localName == "after")
    }

    @Test("skipElement moves past the matching end tag, nested elements included")
    func skipElementSkipsSubtree() throws {
        let reader = try XMLStreamReader(string: "<r><skip><a><skip>x</skip></a></skip><keep/></r>")
        _ = try reader.next()
        _ = try reader.next()
        try reader.skipElement()
        #expect(try reader.next() == .startElement)
        #expect(reader.localName == "keep")
    }

    @Test("a truncated document is malformed, with a line number")
    func truncatedIsMalformed() throws {
        let reader = try XMLStreamReader(string: "<a>\n<b>text</b>\n<c>")
        let error = #expect(throws: XMLReadError.self) { while try reader.next() != nil {} }
        #expect(error?.kind == .malformed)
        #expect((error?.line ?? 0) >= 3)
        #expect(error?.description.contains("line") == true)
    }

    @Test("a mismatched end tag is malformed, naming line and column")
    func mismatchedTag() throws {
        let reader = try XMLStreamReader(string: "<a>\n  <b></c>\n</a>")
        let error = #expect(throws: XMLReadError.self) { while try reader.next() != nil {} }
        #expect(error?.kind == .malformed)
        #expect(error?.line == 2)
        #expect((error?.column ?? 0) > 0)
    }

    @Test("once failed, the reader keeps reporting the same error")
    func errorIsSticky() throws {
        let reader = try XMLStreamReader(string: "<a><b></a>")
        let first = #expect(throws: XMLReadError.self) { while try reader.next() != nil {} }
        let second = #expect(throws: XMLReadError.self) { _ = try reader.next() }
        #expect(first == second)
    }

    @Test("empty or blank input is reported as empty", arguments: ["", "   \n\t "])
    func emptyInput(_ text: String) {
        let error = #expect(throws: XMLReadError.self) { _ = try XMLStreamReader(string: text) }
        #expect(error?.kind == .empty)
    }

    @Test("nesting beyond maxDepth is refused")
    func tooDeep() throws {
        let deep = String(repeating: "<x>", count: 12) + String(repeating: "</x>", count: 12)
        let reader = try XMLStreamReader(string: deep, maxDepth: 10)
        let error = #expect(throws: XMLReadError.self) { while try reader.next() != nil {} }
        #expect(error?.kind == .tooDeep)
        let shallow = try XMLStreamReader(string: deep, maxDepth: 12)
        var count = 0
        while try shallow.next() != nil { count += 1 }
        #expect(count == 24)
    }

    @Test("a string is read as UTF-8 even when its declaration names another encoding")
    func stringIsUTF8() throws {
        let reader = try XMLStreamReader(string: #"<?xml version="1.0" encoding="utf-16"?><a>Zoë €</a>"#)
        _ = try reader.next()
        #expect(try reader.readText() == "Zoë €")
    }

    @Test("bytes with a UTF-8 BOM are read")
    func bomBytes() throws {
        let reader = try XMLStreamReader(bytes: [0xEF, 0xBB, 0xBF] + Array("<a>x</a>".utf8))
        _ = try reader.next()
        #expect(reader.localName == "a")
    }

    @Test("a file is streamed like the same bytes in memory, and a missing file is a clear error")
    func fileReader() throws {
        let path = Repository.url("Samples/qbxml/real/qbwc__CustomerAddRs__0.xml").path
        let reader = try XMLStreamReader(contentsOfFile: path)
        var names: [String] = []
        while let kind = try reader.next() { if kind == .startElement { names.append(reader.localName) } }
        #expect(names.prefix(4) == ["QBXML", "QBXMLMsgsRs", "CustomerAddRs", "CustomerRet"])
        let error = #expect(throws: XMLReadError.self) { _ = try XMLStreamReader(contentsOfFile: "/nonexistent/file.xml") }
        #expect(error?.message.contains("/nonexistent/file.xml") == true)
    }
}
