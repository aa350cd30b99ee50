import Foundation
import Testing
import Triage
import QBBridgeTesting

@Suite("The catalogue command", .tags(.process), .tagFilter)
struct CatalogueCommandTests {
    @Test("qbbridge catalogue lists every code with its title, --markdown prints the docs section, --update rewrites only that section")
    func catalogue() async throws {
        let binary = try #require(CLI.binary)
        let list = try await CLI.run(binary, ["catalogue"])
        #expect(list.status == 0, "\(list.error)")
        #expect(list.output.split(separator: "\n").count == HelpCatalogue.entries.count)
        #expect(list.output.contains("QBWC1048\tThe Web Connector does not trust QBBridge's certificate"))
        let searched = try await CLI.run(binary, ["catalogue", "--search", "certificate trusted"])
        #expect(searched.output.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) } == HelpCatalogue.search("certificate trusted").map(\.code))
        let markdown = try await CLI.run(binary, ["catalogue", "--markdown"])
        #expect(markdown.output == HelpCatalogueDocument.section + "\n")

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        let stale = "# Hand-written\n\n\(HelpCatalogueDocument.beginMarker)\nstale\n\(HelpCatalogueDocument.endMarker)\n\nAfter.\n"
        try stale.write(to: file, atomically: true, encoding: .utf8)
        let update = try await CLI.run(binary, ["catalogue", "--update", file.path])
        #expect(update.status == 0, "\(update.error)")
        #expect(update.output.contains("updated"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "# Hand-written\n\n\(HelpCatalogueDocument.section)\n\nAfter.\n")
        let again = try await CLI.run(binary, ["catalogue", "--update", file.path])
        #expect(again.output.contains("is up to date"))

        try "# No markers\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try await CLI.run(binary, ["catalogue", "--update", file.path])
        #expect(refused.status != 0)
        #expect(refused.error.contains("has no generated section"))
    }
}
