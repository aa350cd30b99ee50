import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore

/// `qbbridge-bench soap`: complete Web Connector conversations against a `qbbridge serve` child process
/// on loopback, with C concurrent clients (one company each). Prints the server's CPU time per call,
/// calls per second and p50/p99 latency. Every state change the server makes is durable (SQLite, WAL,
/// synchronous=FULL) before it answers.
struct SOAPBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "soap", abstract: "Web Connector conversations: server CPU per call, calls/s, p50/p99.")

    @Option(name: .shortAndLong, help: "Concurrent Web Connector clients (one company each).") var concurrency = 16
    @Option(name: .shortAndLong, help: "Sessions each client runs.") var sessions = 50
    @Option(help: "Database for the server: default a fresh SQLite file; or a postgres:// URL.") var database: String?

    func run() async throws {
        let server = try ServerProcess(database: database)
        defer { server.stop() }
        print("setting up \(concurrency) companies…")
        for index in 0..<concurrency {
            _ = try server.cli(["company", "add", "--name", "Bench \(index)", "--username", "bench\(index)", "--password-stdin"], input: "bench-password-\(index)\n")
        }
        try await server.start()
        let endpoint = "http://127.0.0.1:\(server.port)/qbwc"
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        defer { _ = client.shutdown() }

        // Warm-up: one session per client (bcrypt is paid once per user, then cached like in production).
        try await runAll(client: client, endpoint: endpoint, sessionsPerClient: 1, latencies: LatencyRecorder())
        let latencies = LatencyRecorder()
        let cpuBefore = server.cpuSeconds
        let start = ContinuousClock.now
        try await runAll(client: client, endpoint: endpoint, sessionsPerClient: sessions, latencies: latencies)
        let elapsed = ContinuousClock.now - start
        let cpu = server.cpuSeconds - cpuBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let calls = latencies.count
        print("clients: \(concurrency)  sessions: \(concurrency * sessions)  calls: \(calls)")
        print(String(format: "calls/s: %.0f", Double(calls) / seconds))
        print(String(format: "latency p50: %.3f ms  p99: %.3f ms", latencies.percentile(50), latencies.percentile(99)))
        print(String(format: "server CPU per call: %.3f ms (%.2f s CPU for %d calls)", cpu * 1000 / Double(max(calls, 1)), cpu, calls))
        print(String(format: "server peak memory: %.1f MiB", server.peakMemoryMiB))
    }

    private func runAll(client: HTTPClient, endpoint: String, sessionsPerClient: Int, latencies: LatencyRecorder) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<concurrency {
                group.addTask {
                    let conversation = Conversation(client: client, endpoint: endpoint, latencies: latencies)
                    for _ in 0..<sessionsPerClient {
                        try await conversation.session(username: "bench\(index)", password: "bench-password-\(index)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// One simulated Web Connector run: the call sequence of docs/web-connector-protocol.md, "Call sequence".
struct Conversation: Sendable {
    let client: HTTPClient
    let endpoint: String
    let latencies: LatencyRecorder

    static let hcp = """
    <?xml version="1.0" ?><QBXML><QBXMLMsgsRs><HostQueryRs requestID="0" statusCode="0" statusSeverity="Info" statusMessage="Status OK"><HostRet>\
    <ProductName>QuickBooks Pro 2024</ProductName><MajorVersion>34</MajorVersion><MinorVersion>0</MinorVersion><Country>US</Country>\
    <SupportedQBXMLVersion>13.0</SupportedQBXMLVersion><SupportedQBXMLVersion>16.0</SupportedQBXMLVersion><QBFileMode>MultiUser</QBFileMode>\
    </HostRet></HostQueryRs></QBXMLMsgsRs></QBXML>
    """
    static let companyResponse = """
    <?xml version="1.0" ?><QBXML><QBXMLMsgsRs><CompanyQueryRs requestID="verify-file" statusCode="0" statusSeverity="Info" statusMessage="Status OK">\
    <CompanyRet><CompanyName>Bench</CompanyName></CompanyRet></CompanyQueryRs></QBXMLMsgsRs></QBXML>
    """

    func session(username: String, password: String) async throws {
        _ = try await call("serverVersion", [])
        _ = try await call("clientVersion", [("strVersion", "2.3.0.215")])
        let auth = try await call("authenticate", [("strUserName", username), ("strPassword", password)])
        let values = Self.strings(auth)
        guard values.count >= 2, values[1] != "nvu" else { throw BenchError("authenticate refused \(username): \(values)") }
        guard values[1] != "none", values[1] != "busy" else { return }
        let ticket = values[0]
        let request = try await call("sendRequestXML", [("ticket", ticket), ("strHCPResponse", Self.hcp), ("strCompanyFileName", "C:\\Bench.QBW"),
                                                        ("qbXMLCountry", "US"), ("qbXMLMajorVers", "16"), ("qbXMLMinorVers", "0")])
        guard request.contains("CompanyQueryRq") else { throw BenchError("unexpected request: \(request.prefix(300))") }
        let progress = try await call("receiveResponseXML", [("ticket", ticket), ("response", Self.companyResponse), ("hresult", ""), ("message", "")])
        guard progress.contains(">100<") else { throw BenchError("unexpected progress: \(progress.prefix(300))") }
        _ = try await call("closeConnection", [("ticket", ticket)])
    }

    func call(_ operation: String, _ parameters: [(String, String)]) async throws -> String {
        let children = parameters.map { "<\($0.0)>\(Self.escape($0.1))</\($0.0)>" }.joined()
        let body = #"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#
            + "<\(operation) xmlns=\"http://developer.intuit.com/\">\(children)</\(operation)></soap:Body></soap:Envelope>"
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
        request.headers.add(name: "SOAPAction", value: "\"http://developer.intuit.com/\(operation)\"")
        request.body = .bytes(ByteBuffer(string: body))
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        latencies.record(ContinuousClock.now - start)
        guard response.status == .ok else { throw BenchError("\(operation) answered \(response.status): \(String(buffer: buffer).prefix(300))") }
        return String(buffer: buffer)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func strings(_ body: String) -> [String] {
        var values: [String] = []
        var rest = Substring(body)
        while let open = rest.range(of: "<string>"), let close = rest.range(of: "</string>", range: open.upperBound..<rest.endIndex) {
            values.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return values.count == 1 && body.contains("<string/>") ? values + [""] : values
    }
}
