import Bridge
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOSSL
import Server
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("HTTPS served directly", .tags(.process), .requires(.openssl), .tagFilter)
struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 made with openssl for this test only.
    static func makeCertificate(in directory: URL) throws -> (certificate: String, key: String) {
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                             "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TLSTestError.openssl }
        return (certificate, key)
    }

    enum TLSTestError: Error { case openssl }

    @Test("the server speaks HTTPS with the given certificate, answers SOAP and the API over it, and the .qwc uses https")
    func https() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try await blocking { try Self.makeCertificate(in: directory) }
        let port = try await Self.freePort()
        try await TestDatabase.sqlite.withStore { store async throws in
            var configuration = ServerConfigurationFactory.make()
            configuration.port = port
            configuration.tlsCertificatePath = files.certificate
            configuration.tlsKeyPath = files.key
            configuration.bridge.publicURL = "https://127.0.0.1:\(port)"
            let app = try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: TestDatabase.logger), logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.run() }
                defer { group.cancelAll() }
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(files.certificate))
                let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
                defer { _ = client.shutdown() }
                var ready = false
                for _ in 0..<100 where !ready {
                    if let response = try? await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)) {
                        ready = response.status == .ok
                    } else {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                #expect(ready, "HTTPS /healthz never answered")
                var soap = HTTPClientRequest(url: "https://127.0.0.1:\(port)/qbwc")
                soap.method = .POST
                soap.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
                soap.body = .bytes(ByteBuffer(string: SOAPText.envelope("serverVersion", [])))
                let answer = try await client.execute(soap, timeout: .seconds(5))
                #expect(answer.status == .ok)
                #expect(String(buffer: try await answer.body.collect(upTo: 1 << 20)).contains("QBBridge"))
                let plain = HTTPClient(eventLoopGroupProvider: .singleton)
                defer { _ = plain.shutdown() }
                await #expect(throws: (any Error).self, "plain HTTP must not be served on the HTTPS port") {
                    let response = try await plain.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2))
                    _ = try await response.body.collect(upTo: 1 << 20)
                    if response.status == .ok { return }
                    throw TLSTestError.openssl
                }
            }
        }
    }

    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrapPort.bind()
        return channel
    }
}

import NIOPosix

/// Finds a free loopback port by binding port 0 and closing.
enum ServerBootstrapPort {
    static func bind() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
