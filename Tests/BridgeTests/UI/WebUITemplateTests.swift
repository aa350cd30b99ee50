import Foundation
import HTTPTypes
@testable import AdminUI
import Testing
import QBBridgeTesting

@Suite("Web UI templates", .tagFilter)
struct WebUITemplateTests {
    @Test("every template file is compiled in under its file name, parses and renders a page")
    func everyTemplateRenders() throws {
        let folder = Repository.root.appendingPathComponent("Sources/AdminUI/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        let names = Set(files.map { String($0.dropLast(".mustache".count)) })
        #expect(Set(Templates.all.keys) == names, "each .mustache file in Sources/AdminUI/Templates needs its entry in Templates.all")
        let renderer = PageRenderer()
        for name in names.sorted() {
            // A template that is missing, does not parse or cannot be rendered gives the 500 fallback page.
            let response = renderer.page(name, [String: String](), logger: TestDatabase.logger)
            #expect(response.status == .ok, "the \(name) template did not render")
        }
    }
}
