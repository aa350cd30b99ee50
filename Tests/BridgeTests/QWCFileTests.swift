import Bridge
import Foundation
import HummingbirdTesting
import QBXML
import Domain
import Store
import Testing
import WebConnector
import QBBridgeTesting

@Suite(".qwc files", .tagFilter)
struct QWCFileTests {
    /// Checks every rule of docs/web-connector-protocol.md, "The .qwc file" on a rendered file by reading it back.
    static func assertValid(_ text: String, username: String, fileID: String, ownerID: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reader = try XMLStreamReader(string: text)
        var values: [String: String] = [:]
        var order: [String] = []
        var root = ""
        while let kind = try reader.next() {
            guard kind == .startElement else { continue }
            if reader.depth == 0 { root = reader.localName; continue }
            if reader.depth == 1 {
                order.append(reader.localName)
                values[reader.localName] = try reader.readText()
            }
        }
        #expect(root == "QBWCXML", sourceLocation: sourceLocation)
        for required in ["AppName", "AppURL", "AppDescription", "AppSupport", "UserName", "OwnerID", "FileID", "QBType"] {
            #expect(values[required]?.isEmpty == false, "missing \(required)", sourceLocation: sourceLocation)
        }
        #expect(order.prefix(2) == ["AppName", "AppID"], sourceLocation: sourceLocation)
        #expect(values["QBType"] == "QBFS", sourceLocation: sourceLocation)
        #expect(values["UserName"] == username, sourceLocation: sourceLocation)
        #expect(values["FileID"] == fileID, sourceLocation: sourceLocation)
        #expect(values["OwnerID"] == ownerID, sourceLocation: sourceLocation)
        #expect(QWCFile.isBracedGUID(values["OwnerID"] ?? ""), sourceLocation: sourceLocation)
        #expect(QWCFile.isBracedGUID(values["FileID"] ?? ""), sourceLocation: sourceLocation)
        #expect((values["AppDescription"] ?? "").count <= 80, sourceLocation: sourceLocation)
        let appURL = try #require(URL(string: values["AppURL"] ?? ""), sourceLocation: sourceLocation)
        let support = try #require(URL(string: values["AppSupport"] ?? ""), sourceLocation: sourceLocation)
        #expect(appURL.host == support.host, sourceLocation: sourceLocation)
        #expect(appURL.scheme == "https" || QWCFile.isLocal(appURL.host ?? ""), sourceLocation: sourceLocation)
        #expect(appURL.path == "/qbwc", sourceLocation: sourceLocation)
        #expect(values["IsReadOnly"] == "false", sourceLocation: sourceLocation)
        #expect(values["Style"] == "Document", sourceLocation: sourceLocation)
    }

    @Test("the API download is an attachment that passes every rule, and is the same on every download")
    func apiDownload() async throws {
        try await withRunningBridge(configure: { $0.bridge.publicURL = "https://qb.example.com" }) { bridge async throws in
            let company = try await bridge.addCompany(name: "Smith & Sons <Books>")
            let first = try await bridge.api(.get, "/companies/\(company.id)/qwc")
            #expect(first.status == .ok)
            #expect(first.headers[.contentDisposition] == "attachment; filename=\"smith-sons-books.qwc\"")
            let text = String(buffer: first.body)
            #expect(text.contains("Smith &amp; Sons &lt;Books&gt;"))
            try Self.assertValid(text, username: "acme", fileID: company.fileID, ownerID: try await bridge.store.installation.ownerID())
            let second = try await bridge.api(.get, "/companies/\(company.id)/qwc")
            #expect(String(buffer: second.body) == text)
        }
    }

    @Test("a plain-http public URL on a non-local host is refused with the reason")
    func plainHTTPRefused() async throws {
        try await withRunningBridge(configure: { $0.bridge.publicURL = "http://qb.example.com" }) { bridge async throws in
            let company = try await bridge.addCompany()
            let response = try await bridge.api(.get, "/companies/\(company.id)/qwc")
            #expect(response.status == .conflict)
            #expect(String(buffer: response.body).contains("accepts http only for localhost"))
        }
    }

    @Test("http is allowed for localhost, FileIDs differ per company and the OwnerID is shared")
    func localAndUnique() async throws {
        try await withRunningBridge(configure: { $0.bridge.publicURL = "http://localhost:8080" }) { bridge async throws in
            let one = try await bridge.addCompany(username: "one")
            let two = try await bridge.addCompany(name: "Bolt", username: "two")
            #expect(one.fileID != two.fileID)
            let ownerID = try await bridge.store.installation.ownerID()
            try Self.assertValid(String(buffer: try await bridge.api(.get, "/companies/\(one.id)/qwc").body), username: "one", fileID: one.fileID, ownerID: ownerID)
            try Self.assertValid(String(buffer: try await bridge.api(.get, "/companies/\(two.id)/qwc").body), username: "two", fileID: two.fileID, ownerID: ownerID)
        }
    }

    @Test("the CLI prints the same file the API serves", .tags(.process))
    func cliMatchesAPI() async throws {
        let binary = try #require(CLI.binary, "the qbbridge executable must be built next to the test bundle")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("cli.sqlite").path
        let add = try await CLI.run(binary, ["company", "add", "--name", "Acme Plumbing", "--username", "acme", "--password-stdin", "--database", database],
                              input: "correct horse\n")
        #expect(add.status == 0, "\(add.error)")
        let id = try #require(add.output.split(separator: "\n").last.map(String.init))
        let cli = try await CLI.run(binary, ["qwc", id, "--database", database, "--public-url", "https://qb.example.com"])
        #expect(cli.status == 0, "\(cli.error)")
        let token = try await CLI.run(binary, ["token", "create", "--database", database])
        let tokenText = try #require(token.output.split(separator: "\n").last.map(String.init))
        #expect(tokenText.hasPrefix("qbb_"))

        let location = DatabaseLocation.sqlite(path: database)
        try await Database.withOpened(location, logger: TestDatabase.logger) { opened in
            let store = Store(database: opened)
            var configuration = ServerConfigurationFactory.make()
            configuration.bridge.publicURL = "https://qb.example.com"
            let app = try ServerFactory.make(configuration, store)
            try await app.test(.live) { client in
                let response = try await client.checkedAPI(.get, "/companies/\(id)/qwc", headers: [.authorization: "Bearer \(tokenText)"], body: nil)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == cli.output)
            }
        }
        let refused = try await CLI.run(binary, ["qwc", id, "--database", database, "--public-url", "http://qb.example.com"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("accepts http only for localhost"))
    }
}
