import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import QBBridgeTesting

@Suite("qbbridge serve as a process", .tags(.process), .tagFilter)
struct ServeCommandTests {
    @Test("first start migrates, prints a one-time admin token and a set-up link that works, serves /healthz and stops cleanly on SIGTERM")
    func lifecycle() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--log-level", "error"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let (port, text) = try await CLI.listeningPort(of: process, output: output)
        let found = try #require(port, "serve did not report its port: \(text)")
        #expect(text.contains("First start: created an admin API token"))
        #expect(text.contains("qbb_"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("qbbridge.sqlite").path))
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(found)/healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("ok"))
        // No admin user yet: a one-time link to create the first one in the browser.
        let link = try #require(text.split(separator: "\n").first { $0.contains("/setup?code=") }, "no set-up link printed: \(text)")
        let code = try #require(link.split(separator: "=").last.map(String.init))
        let (_, setup) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(found)/setup?code=\(code)")!)
        #expect((setup as? HTTPURLResponse)?.statusCode == 200)
        process.terminate()
        try await CLI.waitForExit(process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("qbbridge demo tells the story on a fresh directory, and --sync shows the automatic re-check")
    func demo() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await CLI.run(binary, ["demo", "--port", "0"], directory: directory)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Posted 6 payments; 3 need attention"), "\(first.output)")
        for category in ["[already_applied]", "[amount_changed]", "[invoice_missing]"] {
            #expect(first.output.contains("FAILED") && first.output.contains(category), "missing \(category)")
        }
        #expect(first.output.contains("First step:"))
        // Without --serve the server stops with the story: no address of it is offered as if it still ran.
        #expect(!first.output.contains("curl -H"), "\(first.output)")
        #expect(first.output.contains("run 'qbbridge demo --serve'"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("qbbridge.sqlite").path))
        let second = try await CLI.run(binary, ["demo", "--port", "0", "--sync"], directory: directory)
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("Posted 1 payment."), "\(second.output)")
        #expect(second.output.contains("resolved [amount_changed]"))
        #expect(!second.output.contains("[amount_changed] Invoice") || second.output.contains("resolved [amount_changed] Invoice"))
    }
}
