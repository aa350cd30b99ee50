import Foundation
import Testing
@testable import Triage
import QBBridgeTesting

@Suite("Help catalogue", .tagFilter)
struct HelpCatalogueTests {
    @Test("every failure category has its entry, with a title, a meaning, causes and steps", arguments: FailureCategory.allCases)
    func everyCategory(_ category: FailureCategory) throws {
        let entry = try #require(HelpCatalogue.entry(for: category.rawValue), "no help entry for \(category.rawValue)")
        #expect(entry.kind == .category)
        #expect(entry.code == category.rawValue)
        #expect(!entry.title.isEmpty)
        #expect(entry.meaning.count > 20, "meaning: \(entry.meaning)")
        #expect(!entry.causes.isEmpty)
        #expect(!entry.steps.isEmpty)
    }

    @Test("every HRESULT QBBridge knows has its entry, under the category its failure records get")
    func everyHResult() throws {
        #expect(HResultTable.entries.count == HelpCatalogue.entries.filter { $0.kind == .hresult }.count)
        for (value, known) in HResultTable.entries {
            let code = HResult(value).description
            let entry = try #require(HelpCatalogue.entry(for: code), "no help entry for \(code)")
            #expect(entry.kind == .hresult)
            #expect(entry.category == known.category, "\(code)")
            #expect(entry.meaning.contains(known.explanation.trimmingCharacters(in: .punctuationCharacters)), "\(code): \(entry.meaning)")
            if let text = known.quickBooksText { #expect(entry.meaning.contains(text), "\(code) shows QuickBooks' own words") }
        }
        for sample in HResultSample.all {
            let inTable = HResult(parsing: sample.hresult).flatMap(HResultTable.entry(for:)) != nil
            // An HRESULT no source documents (0x80040426) has no entry of its own: its records are `unknown`.
            #expect(HelpCatalogue.entry(for: sample.hresult)?.category == (inTable ? sample.expected : nil), "\(sample.hresult)")
        }
    }

    @Test("no entry is without a meaning, a cause or a step, and no code appears twice")
    func everyEntryExplainsItself() {
        for entry in HelpCatalogue.entries {
            #expect(!entry.title.isEmpty && !entry.meaning.isEmpty, "\(entry.code)")
            #expect(!entry.causes.isEmpty && entry.causes.allSatisfy { !$0.isEmpty }, "\(entry.code) has no causes")
            #expect(!entry.steps.isEmpty && entry.steps.allSatisfy { !$0.isEmpty }, "\(entry.code) has no steps")
        }
        let codes = HelpCatalogue.entries.map { $0.code.uppercased() }
        #expect(Set(codes).count == codes.count)
    }

    @Test("the Web Connector codes of Intuit's guide are all there, QBWC1000 to QBWC1048 except the undocumented QBWC1047")
    func webConnectorCodes() {
        let codes = HelpCatalogue.entries.filter { $0.kind == .qbwc }.map(\.code)
        #expect(codes == (1000...1048).filter { $0 != 1047 }.map { "QBWC\($0)" })
    }

    @Test("the codes support staff meet most say what they mean", arguments: [
        ("QBWC1048", "certificate"), ("QBWC1010", "HTTPS"), ("QBWC1030", "password"), ("QBWC1011", "registry"),
        ("QBWC1032", "registry"), ("QBWC1026", "FileID"), ("QBWC1039", "already has a company file ID"),
        ("0x80040408", "could not start QuickBooks"), ("0x80040414", "waiting for someone to click it"),
        ("single_user_mode", "single-user mode"), ("0x80040410", "single-user mode"), ("single_user_mode", "licen"),
    ])
    func importantCodes(_ code: String, _ words: String) throws {
        let entry = try #require(HelpCatalogue.entry(for: code))
        let text = ([entry.title, entry.meaning] + entry.causes).joined(separator: " ")
        #expect(text.localizedCaseInsensitiveContains(words), "\(code): \(text)")
    }

    @Test("QBWC1048 explains the untrusted certificate and how to make Windows trust it")
    func certificateEntry() throws {
        let entry = try #require(HelpCatalogue.entry(for: "QBWC1048"))
        #expect(entry.title == "The Web Connector does not trust QBBridge's certificate")
        #expect(entry.causes.contains { $0.contains("self-signed") })
        #expect(entry.steps.contains { $0.contains("Trusted Root Certification Authorities") })
    }

    @Test("a code is found whatever its case, and an HRESULT in every way the Web Connector writes it", arguments: [
        ("qbwc1048", "QBWC1048"), ("QbWc1048", "QBWC1048"), ("ALREADY_APPLIED", "already_applied"),
        ("0x80040414", "0x80040414"), ("0X80040414", "0x80040414"), ("80040414", "0x80040414"),
        ("-2147220460", "0x80040414"), (" popup_blocking ", "popup_blocking"),
    ])
    func lookup(_ written: String, _ code: String) {
        #expect(HelpCatalogue.entry(for: written)?.code == code)
    }

    @Test("an unknown code has no entry, and a bare number is not read as an HRESULT", arguments: ["QBWC1047", "QBWC9999", "1048", "0x80049999", "", "nothing"])
    func unknownCodes(_ written: String) {
        #expect(HelpCatalogue.entry(for: written) == nil)
    }

    @Test("a search finds by code, by category, and by words that all must appear")
    func search() {
        #expect(HelpCatalogue.search("qbwc1048").first?.code == "QBWC1048")
        #expect(HelpCatalogue.search("0x80040414").first?.code == "0x80040414")
        let byCategory = HelpCatalogue.search("popup_blocking").map(\.code)
        #expect(byCategory.first == "popup_blocking")
        #expect(byCategory.contains("0x80040414"), "the HRESULTs recorded under the category are found with it")
        let words = HelpCatalogue.search("certificate trusted").map(\.code)
        #expect(words.contains("QBWC1048"))
        #expect(!words.contains("already_applied"))
        #expect(HelpCatalogue.search("single user").map(\.code).contains("single_user_mode"))
        #expect(HelpCatalogue.search("xyzzy plugh").isEmpty)
        #expect(HelpCatalogue.search("  ").count == HelpCatalogue.entries.count)
    }

    @Test("docs/failure-catalogue.md holds the catalogue exactly as generated (qbbridge catalogue --update docs/failure-catalogue.md)")
    func docsInSync() throws {
        let document = try Repository.text("docs/failure-catalogue.md")
        let current = try #require(HelpCatalogueDocument.currentSection(in: document), "docs/failure-catalogue.md has no generated section")
        #expect(current == HelpCatalogueDocument.section,
                "docs/failure-catalogue.md is out of date: run `swift run qbbridge catalogue --update docs/failure-catalogue.md`")
        for entry in HelpCatalogue.entries {
            #expect(current.contains("#### `\(entry.code)`: \(entry.title)"), "\(entry.code) is not in the docs")
        }
    }

    @Test("the generated section replaces only what lies between its markers")
    func replacesOnlyTheSection() throws {
        let document = "# Title\n\nHand-written.\n\n\(HelpCatalogueDocument.beginMarker)\nold\n\(HelpCatalogueDocument.endMarker)\n\nMore hand-written.\n"
        let updated = try #require(HelpCatalogueDocument.replacingSection(in: document))
        #expect(updated.hasPrefix("# Title\n\nHand-written.\n\n\(HelpCatalogueDocument.beginMarker)"))
        #expect(updated.hasSuffix("\(HelpCatalogueDocument.endMarker)\n\nMore hand-written.\n"))
        #expect(!updated.contains("\nold\n"))
        #expect(HelpCatalogueDocument.replacingSection(in: "# No markers") == nil)
    }
}
