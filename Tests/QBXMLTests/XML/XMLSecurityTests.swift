import CLibXML2
import Foundation
import Testing
@testable import QBXML
import QBBridgeTesting

@Suite("XML security", .tagFilter)
struct XMLSecurityTests {
    static let hostile: [(file: String, kind: XMLReadError.Kind)] = [
        ("security__xxe_file_etc_passwd.xml", .doctypeForbidden),
        ("security__external_dtd_url.xml", .doctypeForbidden),
        ("security__parameter_entity.xml", .doctypeForbidden),
        ("security__billion_laughs.xml", .doctypeForbidden),
        ("security__entity_reference_without_doctype.xml", .entityReference),
    ]

    @Test("hostile documents are refused with a clear error and nothing is expanded", arguments: hostile)
    func hostileDocumentsAreRefused(_ sample: (file: String, kind: XMLReadError.Kind)) throws {
        let text = try Repository.sample("responses/" + sample.file)
        var texts: [String] = []
        let error = #expect(throws: XMLReadError.self) {
            let reader = try XMLStreamReader(string: text)
            while let kind = try reader.next() { if kind == .text { texts.append(reader.text) } }
        }
        #expect(error?.kind == sample.kind)
        #expect(texts.allSatisfy { !$0.contains("root:") && !$0.contains("lol") })
        let readerError = #expect(throws: QBXMLError.self) {
            let reader = try QBXMLResponseReader(string: text)
            while try reader.next() != nil {}
        }
        guard case .xml(let inner)? = readerError else {
            Issue.record("expected an XML error, got \(String(describing: readerError))")
            return
        }
        #expect(inner.kind == sample.kind)
    }

    @Test("a DOCTYPE is refused wherever the prolog puts it", arguments: [
        "<!DOCTYPE a><a/>",
        "\u{FEFF}<!doctype a><a/>",
        "<?xml version=\"1.0\"?>\n<!-- note -->\n<?pi?>\n  <!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
    ])
    func doctypeAnywhereInProlog(_ text: String) {
        let error = #expect(throws: XMLReadError.self) {
            let reader = try XMLStreamReader(string: text)
            while try reader.next() != nil {}
        }
        #expect(error?.kind == .doctypeForbidden)
    }

    @Test("a DOCTYPE in a UTF-16 document, which the byte scan cannot see, is refused by the reader")
    func doctypeInUTF16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a>&x;</a>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let error = #expect(throws: XMLReadError.self) {
            let reader = try XMLStreamReader(bytes: bytes)
            while try reader.next() != nil {}
        }
        #expect(error?.kind == .doctypeForbidden)
    }

    @Test("the file reader refuses a DOCTYPE too and never opens the entity's target")
    func fileReaderRefusesDoctype() throws {
        let path = Repository.url("Samples/qbxml/responses/security__xxe_file_etc_passwd.xml").path
        let error = #expect(throws: XMLReadError.self) {
            let reader = try XMLStreamReader(contentsOfFile: path)
            while try reader.next() != nil {}
        }
        #expect(error?.kind == .doctypeForbidden)
    }

    @Test("libxml2 never reports through its global channels, which print to stderr")
    func nothingReachesStderr() throws {
        final class Counter: @unchecked Sendable { var count = 0 }
        let counter = Counter()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(counter).toOpaque()) { context, _ in
            guard let context else { return }
            Unmanaged<Counter>.fromOpaque(context).takeUnretainedValue().count += 1
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        for text in ["<a><b></a>", "<a>&undefined;</a>", "<a", "<a xmlns:p='u'><q:b/></a>", "<a>\u{1}</a>"] {
            _ = #expect(throws: XMLReadError.self) {
                let reader = try XMLStreamReader(string: text)
                while try reader.next() != nil {}
            }
        }
        _ = #expect(throws: QBXMLError.self) { try QBXMLSchemaValidator.shared.validate("<QBXML><Bad/></QBXML>") }
        #expect(counter.count == 0)
    }
}
