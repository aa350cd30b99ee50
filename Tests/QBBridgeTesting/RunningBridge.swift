import Bridge
import Foundation
import Hummingbird
public import HTTPTypes
public import HummingbirdTesting
import Logging
import NIOCore
public import QBSimulator
public import Server
public import Domain
public import Store
public import Testing

/// A live QBBridge on 127.0.0.1 with a free port, built exactly as `serve` builds it.
public struct RunningBridge: Sendable {
    public let client: any TestClientProtocol
    public let store: Store
    public let token: String
    public let configuration: ServerConfiguration

    public init(client: any TestClientProtocol, store: Store, token: String, configuration: ServerConfiguration) {
        self.client = client
        self.store = store
        self.token = token
        self.configuration = configuration
    }

    /// The server's address as a Web Connector reaches it.
    public var baseURL: String {
        get throws { "http://127.0.0.1:\(try #require(client.port, "the live test server reported no port"))" }
    }

    /// Posts a SOAP body to /qbwc.
    public func soap(_ body: String, action: String? = nil, contentType: String = "text/xml; charset=utf-8") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let action { headers[HTTPField.Name("SOAPAction")!] = action }
        return try await client.execute(uri: "/qbwc", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Calls one Web Connector operation with parameters (written as the .NET client writes them).
    public func call(_ operation: String, _ parameters: [(String, String)] = []) async throws -> TestResponse {
        try await soap(SOAPText.envelope(operation, parameters), action: "\"http://developer.intuit.com/\(operation)\"")
    }

    /// An authenticated JSON API request.
    /// Its answer is checked against the contract (`ContractCheck`).
    public func api(_ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token ?? self.token)"]
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.checkedAPI(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }, sourceLocation: sourceLocation)
    }

    /// Creates a company through the service the API uses.
    public func addCompany(name: String = "Acme Plumbing", username: String = "acme", password: String = "correct horse") async throws -> Company {
        try await CompanyService(store: store, configuration: configuration.bridge, passwords: PasswordHasher(cost: 4))
            .create(.init(name: name, username: username, password: password), actor: "test")
    }

    /// A Web Connector for a company, configured with the installation's OwnerID and the company's FileID as
    /// its `.qwc` would be.
    public func webConnector(for company: Company, password: String = "correct horse", quickBooks: FakeQuickBooks) async throws -> FakeWebConnector {
        let ownerID = try await store.installation.ownerID()
        return FakeWebConnector(baseURL: try baseURL, username: company.username, password: password, quickBooks: quickBooks,
                                configuration: WebConnectorConfiguration(ownerID: ownerID, fileID: company.fileID))
    }
}

/// Runs `body` against a live server, built exactly as `serve` builds it, on a fresh database of the given
/// engine (a PostgreSQL test declares `.requires(.postgres)`).
@discardableResult
public func withRunningBridge<R: Sendable>(
    _ engine: TestDatabase = .sqlite,
    configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
    _ body: @Sendable (RunningBridge) async throws -> R
) async throws -> R {
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
public enum SOAPText {
    public static func envelope(_ operation: String, _ parameters: [(String, String)]) -> String {
        let children = parameters.map { "<\($0.0)>\(escape($0.1))</\($0.0)>" }.joined()
        return """
        <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>\
        <\(operation) xmlns="http://developer.intuit.com/">\(children)</\(operation)></soap:Body></soap:Envelope>
        """
    }

    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The text of every `<string>` (authenticate) or the single result element.
    public static func results(_ body: String) -> [String] {
        var values: [String] = []
        var rest = Substring(body)
        while let open = rest.range(of: "<string>"), let close = rest.range(of: "</string>", range: open.upperBound..<rest.endIndex) {
            values.append(unescape(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return values
    }

    public static func result(_ body: String, _ operation: String) -> String? {
        guard let open = body.range(of: "<\(operation)Result>"), let close = body.range(of: "</\(operation)Result>") else {
            return body.contains("<\(operation)Result/>") ? "" : nil
        }
        return unescape(String(body[open.upperBound..<close.lowerBound]))
    }

    public static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
