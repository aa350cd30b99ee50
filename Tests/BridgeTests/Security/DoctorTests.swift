import Bridge
import Foundation
import Server
import Store
import Testing
import QBBridgeTesting

/// `qbbridge doctor` against real HTTPS servers on 127.0.0.1, with certificates openssl makes for each run
/// (docs/operations.md, "qbbridge doctor"): a private authority the system's trust store does not know, a certificate
/// about to expire, an expired one, one for another host name, a self-signed one; plain http; nothing listening; and
/// the database checks.
@Suite("qbbridge doctor", .tags(.process), .requires(.openssl), .tagFilter)
struct DoctorTests {
    static let host = "qbbridge.test"

    /// A test authority and leaf certificates signed by it, each valid from `start` to `end` days from now.
    final class Certificates: Sendable {
        let directory: URL

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-doctor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try run("""
            printf '[ca]\\ndefault_ca = test\\n[test]\\ndir = .\\ndatabase = index.txt\\nnew_certs_dir = .\\nserial = serial\\ndefault_md = sha256\\npolicy = any\\nunique_subject = no\\ncertificate = ca.pem\\nprivate_key = ca.key\\n[any]\\ncommonName = supplied\\n' > ca.cnf
            : > index.txt; echo 1000 > serial
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 30 \\
              -subj "/CN=QBBridge Doctor Test CA" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
            """)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        var authority: String { directory.appendingPathComponent("ca.pem").path }

        /// A leaf for `name` signed by the test authority; returns (certificate, key) paths.
        func leaf(_ file: String, name: String, startDays: Int, endDays: Int) throws -> (String, String) {
            try run("""
            openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(file).key -out \(file).csr -subj "/CN=\(name)"
            printf 'subjectAltName=DNS:\(name)\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > \(file).ext
            openssl ca -batch -config ca.cnf -in \(file).csr -out \(file).pem -notext -extfile \(file).ext \\
              -startdate "$(date -u -d '\(startDays) days' +%Y%m%d%H%M%SZ)" -enddate "$(date -u -d '\(endDays) days' +%Y%m%d%H%M%SZ)"
            """)
            return (directory.appendingPathComponent("\(file).pem").path, directory.appendingPathComponent("\(file).key").path)
        }

        /// A self-signed certificate for `name`.
        func selfSigned(_ file: String, name: String) throws -> (String, String) {
            try run("""
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(file).key -out \(file).pem -days 30 \\
              -subj "/CN=\(name)" -addext subjectAltName=DNS:\(name)
            """)
            return (directory.appendingPathComponent("\(file).pem").path, directory.appendingPathComponent("\(file).key").path)
        }

        private func run(_ script: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-euo", "pipefail", "-c", script]
            process.currentDirectoryURL = directory
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw DoctorTestError.openssl(text) }
        }
    }

    enum DoctorTestError: Error { case openssl(String), notReady }

    /// A migrated SQLite database and QBBridge serving HTTPS with `certificate` on a free port of 127.0.0.1, with one
    /// company; `body` gets the port and the database.
    static func withHTTPSBridge(certificate: (String, String)?, publicURL: @escaping @Sendable (Int) -> String = { "https://\(host):\($0)" },
                                _ body: @escaping @Sendable (Int, DatabaseLocation) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-doctor-db-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("bridge.sqlite").path)
        let port = try await ServerBootstrapPort.bind()
        try await Database.withOpened(location, logger: TestDatabase.logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            var configuration = ServerConfigurationFactory.make()
            configuration.port = port
            configuration.tlsCertificatePath = certificate?.0
            configuration.tlsKeyPath = certificate?.1
            configuration.bridge.publicURL = publicURL(port)
            let services = BridgeServices(store: store, configuration: configuration.bridge, logger: TestDatabase.logger)
            _ = try await services.companies.create(.init(name: "Acme Plumbing", username: "acme", password: "correct horse"), actor: "test")
            let app = try BridgeServer.makeApplication(configuration: configuration, services: services, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.run() }
                defer { group.cancelAll() }
                try await waitForListener(port: port)
                try await body(port, location)
            }
        }
    }

    static func waitForListener(port: Int) async throws {
        for _ in 0..<200 {
            if (try? await ClientPort.connect(port: port)) == true { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw DoctorTestError.notReady
    }

    static func doctor(_ url: String, database: DatabaseLocation, port: Int, caFile: String? = nil) async -> DoctorReport {
        var configuration = Doctor.Configuration(publicURL: url, database: database)
        configuration.resolve = [ResolveOverride(host: host, port: port, address: "127.0.0.1")]
        configuration.extraRootsFile = caFile
        configuration.timeoutSeconds = 5
        let report = await Doctor(configuration: configuration, logger: TestDatabase.logger).run()
        print(report.text)
        return report
    }

    @Test("a certificate from an authority the system does not know fails the chain check (QBWC1048); with --ca-file every check passes")
    func privateAuthority() async throws {
        let certificates = try Certificates()
        let leaf = try certificates.leaf("good", name: Self.host, startDays: -1, endDays: 90)
        try await Self.withHTTPSBridge(certificate: leaf) { port, database in
            let url = "https://\(Self.host):\(port)"
            let system = await Self.doctor(url, database: database, port: port)
            #expect(!system.passed)
            #expect(system["certificate.chain"]?.status == .failed)
            #expect(system["certificate.chain"]?.summary.contains("unknown issuer") == true)
            #expect(system["certificate.chain"]?.fix.contains("QBWC1048") == true)
            #expect(system["https"]?.status == .passed, "QBBridge still answers behind the refused certificate")
            #expect(system.notes.allSatisfy { !$0.contains("--ca-file") })

            let trusted = await Self.doctor(url, database: database, port: port, caFile: certificates.authority)
            #expect(trusted.passed, "\(trusted.text)")
            #expect(trusted["certificate.chain"]?.status == .passed)
            #expect(trusted["certificate.expiry"]?.summary.contains("days left") == true)
            #expect(trusted["qwc"]?.summary.contains("AppURL https://\(Self.host):\(port)/qbwc") == true)
            #expect(trusted["clock"]?.status == .passed)
            #expect(trusted["database.write"]?.status == .passed)
            #expect(trusted.notes.contains { $0.contains("Extra trust roots from --ca-file") })
            #expect(trusted.text.contains("✔ Certificate chain"))
        }
    }

    @Test("a certificate about to expire fails the expiry check with its days left; an expired one fails both certificate checks")
    func expiry() async throws {
        let certificates = try Certificates()
        let soon = try certificates.leaf("soon", name: Self.host, startDays: -10, endDays: 3)
        try await Self.withHTTPSBridge(certificate: soon) { port, database in
            let report = await Self.doctor("https://\(Self.host):\(port)", database: database, port: port, caFile: certificates.authority)
            #expect(report["certificate.chain"]?.status == .passed)
            #expect(report["certificate.expiry"]?.status == .failed)
            #expect(report["certificate.expiry"]?.summary.contains("2 days left") == true, "\(report.text)")
            #expect(!report.passed)
        }
        let expired = try certificates.leaf("expired", name: Self.host, startDays: -30, endDays: -2)
        try await Self.withHTTPSBridge(certificate: expired) { port, database in
            let report = await Self.doctor("https://\(Self.host):\(port)", database: database, port: port, caFile: certificates.authority)
            #expect(report["certificate.chain"]?.status == .failed)
            #expect(report["certificate.chain"]?.summary.contains("expired") == true, "\(report.text)")
            #expect(report["certificate.expiry"]?.summary.contains("2 days ago") == true, "\(report.text)")
        }
    }

    @Test("a certificate for another host name, and a self-signed one, fail the chain check with the reason")
    func wrongHostAndSelfSigned() async throws {
        let certificates = try Certificates()
        let other = try certificates.leaf("other", name: "other.test", startDays: -1, endDays: 90)
        try await Self.withHTTPSBridge(certificate: other) { port, database in
            let report = await Self.doctor("https://\(Self.host):\(port)", database: database, port: port, caFile: certificates.authority)
            #expect(report["certificate.chain"]?.status == .failed)
            #expect(report["certificate.chain"]?.summary.contains("wrong host name") == true, "\(report.text)")
            #expect(report["certificate.chain"]?.summary.contains("other.test") == true)
        }
        let selfSigned = try certificates.selfSigned("self", name: Self.host)
        try await Self.withHTTPSBridge(certificate: selfSigned) { port, database in
            let report = await Self.doctor("https://\(Self.host):\(port)", database: database, port: port)
            #expect(report["certificate.chain"]?.status == .failed)
            #expect(report["certificate.chain"]?.summary.contains("self-signed") == true, "\(report.text)")
        }
    }

    @Test("a plain-http public URL fails (QBWC1010), and so does an address where nothing listens")
    func plainHTTPAndUnreachable() async throws {
        try await Self.withHTTPSBridge(certificate: nil, publicURL: { "http://\(Self.host):\($0)" }) { port, database in
            let report = await Self.doctor("http://\(Self.host):\(port)", database: database, port: port)
            #expect(report["url"]?.status == .failed)
            #expect(report["url"]?.summary.contains("QBWC1010") == true)
            #expect(report["https"]?.status == .passed, "QBBridge answers over plain http")
            #expect(report["certificate.chain"] == nil)
            #expect(!report.passed)
        }
        let closed = try await ServerBootstrapPort.bind()
        try await Self.withHTTPSBridge(certificate: nil, publicURL: { "http://127.0.0.1:\($0)" }) { _, database in
            let report = await Self.doctor("https://\(Self.host):\(closed)", database: database, port: closed)
            #expect(report["https"]?.status == .failed)
            #expect(report["https"]?.summary.contains("nothing answers") == true, "\(report.text)")
            #expect(report["certificate.chain"]?.status == .skipped)
            #expect(!report.passed)
        }
    }

    @Test("the database checks: a migrated file passes, a file never migrated has pending migrations, a missing file is not created")
    func database() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-doctor-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.sqlite").path
        try await Database.withOpened(.sqlite(path: empty), logger: TestDatabase.logger) { _ in }
        var configuration = Doctor.Configuration(publicURL: "https://\(Self.host)", database: .sqlite(path: empty))
        configuration.resolve = [ResolveOverride(host: Self.host, port: 443, address: "127.0.0.1")]
        configuration.timeoutSeconds = 2
        let pending = await Doctor(configuration: configuration, logger: TestDatabase.logger).run()
        #expect(pending["database.open"]?.status == .passed)
        #expect(pending["database.schema"]?.status == .failed)
        #expect(pending["database.schema"]?.summary.contains("\(Migrator.latestVersion) migrations pending") == true, "\(pending.text)")
        #expect(pending["database.schema"]?.fix.contains("qbbridge migrate") == true)

        _ = try await Database.withOpened(.sqlite(path: empty), logger: TestDatabase.logger) { try await Store(database: $0).migrate() }
        let migrated = await Doctor(configuration: configuration, logger: TestDatabase.logger).run()
        #expect(migrated["database.schema"]?.status == .passed)
        #expect(migrated["database.write"]?.status == .passed)
        #expect(migrated["qwc"]?.status == .passed)

        let missing = directory.appendingPathComponent("missing.sqlite").path
        configuration.database = .sqlite(path: missing)
        let absent = await Doctor(configuration: configuration, logger: TestDatabase.logger).run()
        #expect(absent["database.open"]?.status == .failed)
        #expect(!FileManager.default.fileExists(atPath: missing), "the doctor must not create the database")
    }

    @Test("on PostgreSQL the doctor compares this machine's clock with the database server's", .tags(.postgres), .requires(.postgres))
    func postgresClock() async throws {
        try await TestDatabase.postgres.withStore { store in
            var configuration = Doctor.Configuration(publicURL: "https://\(Self.host)", database: store.database.location)
            configuration.resolve = [ResolveOverride(host: Self.host, port: 443, address: "127.0.0.1")]
            configuration.timeoutSeconds = 2
            let report = await Doctor(configuration: configuration, logger: TestDatabase.logger).run()
            #expect(report["database.schema"]?.status == .passed)
            #expect(report["database.write"]?.status == .passed)
            #expect(report["clock"]?.status == .passed)
            #expect(report["clock"]?.summary.contains("database server") == true, "\(report.text)")
        }
    }
}

import NIOPosix

/// Whether something accepts connections on a loopback port.
enum ClientPort {
    static func connect(port: Int) async throws -> Bool {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
        try await channel.close()
        return true
    }
}
