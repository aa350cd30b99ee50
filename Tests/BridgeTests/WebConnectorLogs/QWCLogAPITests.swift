import Foundation
import Glibc
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Server
import Store
import Testing
import QBBridgeTesting

/// `POST /api/v1/qbwc-logs` (issue 23): the file as the body, read as a stream, answered with the per-run
/// report; bad input is a 4xx that says what a QWCLog.txt is; attaching keeps it with the company.
@Suite("Web Connector log: API", .tagFilter)
struct QWCLogAPITests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.url("Tests/WebConnectorLogTests/Fixtures/qwclog/" + name)))
    }

    static func upload(_ bridge: RunningBridge, _ bytes: [UInt8], query: String = "", contentType: String = "text/plain") async throws -> TestResponse {
        try await bridge.client.checkedAPI(.post, "/qbwc-logs" + query,
                                           headers: [.authorization: "Bearer \(bridge.token)", .contentType: contentType],
                                           body: ByteBuffer(bytes: bytes))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test("a log's runs come back with their company, outcome and problems, each problem with its help entry and steps")
    func report() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let response = try await Self.upload(bridge, try Self.fixture("qbwc1048-certificate.txt"))
            #expect(response.status == .ok)
            let body = try Self.json(response)
            let summary = try #require(body["summary"] as? [String: Any])
            #expect(summary["runCount"] as? Int == 3)
            #expect(summary["failed"] as? Int == 3)
            #expect((summary["text"] as? String)?.contains("QBWC1048") == true)
            let runs = try #require(body["runs"] as? [[String: Any]])
            #expect(runs.count == 3)
            let first = try #require(runs.first)
            let matched = try #require(first["company"] as? [String: Any])
            #expect(matched["id"] as? String == company.id.rawValue)
            #expect(matched["matchedBy"] as? String == "application")
            let problem = try #require((first["problems"] as? [[String: Any]])?.first)
            #expect(problem["helpCode"] as? String == "QBWC1048")
            #expect((problem["steps"] as? [String])?.isEmpty == false)
            // Not kept: the company has no attached log.
            #expect(try await bridge.store.qwcLogs.list(companyID: company.id).isEmpty)
        }
    }

    @Test("application/octet-stream is read the same as text/plain")
    func octetStream() async throws {
        try await withRunningBridge { bridge async throws in
            let response = try await Self.upload(bridge, try Self.fixture("success.txt"), contentType: "application/octet-stream")
            #expect(response.status == .ok)
            #expect((try Self.json(response)["summary"] as? [String: Any])?["completed"] as? Int == 3)
        }
    }

    @Test("bad input is a 4xx whose message says what a QWCLog.txt is and where to find it", arguments: [
        ("binary", 422), ("not a log", 422), ("invalid UTF-8", 422), ("empty", 422), ("long line", 422),
    ])
    func badInput(_ kind: String, _ status: Int) async throws {
        let header = Array("20261201.09:00:00 UTC\t: QBWebConnector.X.y() : start\r\n".utf8)
        let bytes: [UInt8] = switch kind {
        case "binary": [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0, count: 2000)
        case "not a log": Array(String(repeating: "Hello, this is a letter.\n", count: 100).utf8)
        case "invalid UTF-8": header + [0xC3, 0x28, 0x0A]
        case "long line": header + [UInt8](repeating: 0x41, count: 2 * 1024 * 1024)
        default: []
        }
        try await withRunningBridge { bridge async throws in
            let response = try await Self.upload(bridge, bytes)
            #expect(response.status.code == status, "\(kind): \(String(buffer: response.body))")
            let error = try #require(try Self.json(response)["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_a_qwc_log")
            #expect((error["message"] as? String)?.contains("View Logs") == true)
        }
    }

    @Test("a 200 MB upload is refused with 413 from its declared length, before the body is read")
    func tooLarge() async throws {
        try await withRunningBridge { bridge async throws in
            // Only the head and a few bytes are sent: the answer must come without the rest of the 200 MB.
            let port = try #require(bridge.client.port)
            let head = "POST /api/v1/qbwc-logs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(bridge.token)\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 209715200\r\n\r\n20261201.09:00:00 UTC\t: QBWebConnector."
            let answer = try await blocking { try RawHTTP.exchange(port: port, request: head) }
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(answer.contains("larger than 64 MiB"))
        }
    }

    @Test("attach=true keeps the log with the company without its secret lines, lists it and records it in the activity")
    func attach() async throws {
        try await Self.attach(on: .sqlite)
    }

    @Test("attach=true keeps the log with the company (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func attachPostgres() async throws {
        try await Self.attach(on: .postgres)
    }

    static func attach(on engine: TestDatabase) async throws {
        try await withRunningBridge(engine) { bridge async throws in
            let company = try await bridge.addCompany()
            let response = try await Self.upload(bridge, try Self.fixture("verbose-success.txt"),
                                                 query: "?companyId=\(company.id.rawValue)&attach=true&fileName=QWCLog.txt")
            #expect(response.status == .ok)
            let attachment = try #require(try Self.json(response)["attachment"] as? [String: Any])
            let id = try #require(attachment["id"] as? String)
            let list = try await bridge.api(.get, "/companies/\(company.id.rawValue)/qwc-logs")
            #expect(String(buffer: list.body).contains(id))
            let text = try await bridge.api(.get, "/companies/\(company.id.rawValue)/qwc-logs/\(id)")
            #expect(text.status == .ok)
            let kept = String(buffer: text.body)
            #expect(kept.contains("InvoiceQueryRq"))
            #expect(kept.contains("[line removed by QBBridge"))
            for secret in ["9d8c7b6a-5f4e-4d3c-ab2a-1f0e9d8c7b6a", "Hunter2-Plumbing!"] { #expect(!kept.contains(secret)) }
            let activity = try await bridge.api(.get, "/activity?companyId=\(company.id.rawValue)")
            #expect(String(buffer: activity.body).contains("qwc_log.attached"))
        }
    }

    @Test("attach=true without companyId is a 422 naming companyId; an unknown company is a 404")
    func attachNeedsACompany() async throws {
        try await withRunningBridge { bridge async throws in
            let missing = try await Self.upload(bridge, try Self.fixture("success.txt"), query: "?attach=true")
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("companyId"))
            let unknown = try await Self.upload(bridge, try Self.fixture("success.txt"), query: "?attach=true&companyId=\(UUID().uuidString.lowercased())")
            #expect(unknown.status == .notFound)
        }
    }
}

/// One HTTP exchange over a plain socket, for a request the test client would correct (a Content-Length
/// larger than the body sent): writes `request`, reads until the answer's body has arrived or the server closes.
enum RawHTTP {
    static func exchange(port: Int, request: String) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EBADF) }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let split = text.range(of: "\r\n\r\n"), let length = text.firstMatch(of: /(?i)content-length: *([0-9]+)/).flatMap({ Int($0.output.1) }),
               text.utf8.distance(from: split.upperBound.samePosition(in: text.utf8) ?? text.utf8.endIndex, to: text.utf8.endIndex) >= length {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
