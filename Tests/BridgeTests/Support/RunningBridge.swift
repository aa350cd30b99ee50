import Bridge
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Server
import Domain
import Store
import Testing

/// A live QBBridge on 127.0.0.1 with a free port, built exactly as `serve` builds it.
struct RunningBridge: Sendable {
    let client: any TestClientProtocol
    let store: Store
    let token: String
    let configuration: ServerConfiguration

    /// Posts a SOAP body to /qbwc.
    func soap(_ body: String, action: String? = nil, contentType: String = "text/xml; charset=utf-8") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let action { headers[HTTPField.Name("SOAPAction")!] = action }
        return try await client.execute(uri: "/qbwc", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Calls one Web Connector operation with parameters (written as the .NET client writes them).
    func call(_ operation: String, _ parameters: [(String, String)] = []) async throws -> TestResponse {
        try await soap(SOAPText.envelope(operation, parameters), action: "\"http://developer.intuit.com/\(operation)\"")
    }

    /// An authenticated JSON API request.
    /// Its answer is checked against the contract (`ContractCheck`).
    func api(_ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token ?? self.token)"]
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.checkedAPI(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }, sourceLocation: sourceLocation)
    }

    /// Creates a company through the service the API uses.
    func addCompany(name: String = "Acme Plumbing", username: String = "acme", password: String = "correct horse") async throws -> Company {
        try await CompanyService(store: store, configuration: configuration.bridge, passwords: PasswordHasher(cost: 4))
            .create(.init(name: name, username: username, password: password), actor: "test")
    }
}

/// Runs `body` against a live server on a fresh database of the given engine (nil when unavailable).
@discardableResult
func withRunningBridge<R: Sendable>(
    _ engine: TestDatabase = .sqlite,
    configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
    _ body: @Sendable (RunningBridge) async throws -> R
) async throws -> R? {
    try await engine.withStore { store in
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.bridge.bcryptCost = 4
        configure(&configuration)
        let token = try await store.tokens.create(label: "test", actor: "test")
        let app = try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: TestDatabase.logger), logger: TestDatabase.logger)
        let frozen = configuration
        return try await app.test(.live) { client in
            try await body(RunningBridge(client: client, store: store, token: token, configuration: frozen))
        }
    }
}

/// SOAP documents as the Web Connector writes them.
enum SOAPText {
    static func envelope(_ operation: String, _ parameters: [(String, String)]) -> String {
        let children = parameters.map { "<\($0.0)>\(escape($0.1))</\($0.0)>" }.joined()
        return """
        <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>\
        <\(operation) xmlns="http://developer.intuit.com/">\(children)</\(operation)></soap:Body></soap:Envelope>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The text of every `<string>` (authenticate) or the single result element.
    static func results(_ body: String) -> [String] {
        var values: [String] = []
        var rest = Substring(body)
        while let open = rest.range(of: "<string>"), let close = rest.range(of: "</string>", range: open.upperBound..<rest.endIndex) {
            values.append(unescape(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return values
    }

    static func result(_ body: String, _ operation: String) -> String? {
        guard let open = body.range(of: "<\(operation)Result>"), let close = body.range(of: "</\(operation)Result>") else {
            return body.contains("<\(operation)Result/>") ? "" : nil
        }
        return unescape(String(body[open.upperBound..<close.lowerBound]))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Repository paths for tests.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
