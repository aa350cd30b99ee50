import Bridge
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Domain
import Store
import Testing
import QBBridgeTesting

/// A minimal browser for the web UI tests: it keeps cookies, posts url-encoded forms, and reads the CSRF
/// token out of the last page, the way a person's browser would.
struct UIClient {
    let bridge: RunningBridge
    var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had a form.
    var csrf: String?

    init(_ bridge: RunningBridge) {
        self.bridge = bridge
    }

    /// A page, as text, with its status and headers.
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
    }

    /// Creates an admin user straight in the store (what `qbbridge user add` does).
    static func addAdmin(_ bridge: RunningBridge, username: String = "support", password: String = "a long admin password") async throws {
        _ = try await bridge.store.adminUsers.create(username: username, passwordHash: await PasswordHasher(cost: 4).hash(password), actor: "test")
    }

    mutating func get(_ path: String) async throws -> Page {
        try await send(.get, path, body: nil)
    }

    /// Posts a form; the page's CSRF token is added unless `csrf` is false or the fields name one.
    mutating func post(_ path: String, _ fields: [(String, String)] = [], csrf includeToken: Bool = true) async throws -> Page {
        var fields = fields
        if includeToken, !fields.contains(where: { $0.0 == "csrf" }), let csrf { fields.append(("csrf", csrf)) }
        let body = fields.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(.post, path, body: body)
    }

    /// Uploads a file as a browser's `multipart/form-data` form does (one `file` field), to `path`.
    mutating func upload(_ path: String, fileName: String, bytes: [UInt8], boundary: String = "----qbbridgeTestBoundary7MA4YWxkTrZu0gW") async throws -> Page {
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await bridge.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        let text = String(buffer: response.body)
        if let token = Self.csrfToken(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    /// Signs in through the login form; expects success.
    mutating func signIn(username: String = "support", password: String = "a long admin password",
                         sourceLocation: SourceLocation = #_sourceLocation) async throws {
        _ = try await get("/login")
        let page = try await post("/login", [("username", username), ("password", password)])
        #expect(page.status == .seeOther, "sign-in answered \(page.status): \(page.body)", sourceLocation: sourceLocation)
        #expect(cookies["qbb_session"] != nil, sourceLocation: sourceLocation)
    }

    private mutating func send(_ method: HTTPRequest.Method, _ path: String, body: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await bridge.client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if header.lowercased().contains("max-age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        let text = String(buffer: response.body)
        if let token = Self.csrfToken(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let token = String(rest[..<end])
        return token.isEmpty ? nil : token
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Text as the templates write it into HTML (Mustache's escaping), to look for user data in a page.
func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
}
