import Hummingbird
import Logging
import Mustache

/// Renders the UI's pages from the templates compiled into the binary (`Templates`), loaded into one
/// `MustacheLibrary` at start-up, so the executable works wherever it is copied.
///
/// Every page goes out with headers that keep it private and inert: no caching (pages show live state and
/// the CSRF token), no framing, no content sniffing, and a Content-Security-Policy that allows only our
/// stylesheet (the UI has no script).
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// Templates that failed to parse, by name, with the parser's message: a build defect the UI tests catch.
    private let broken: [String: String]

    init() {
        var library = MustacheLibrary()
        var broken: [String: String] = [:]
        for (name, text) in Templates.all {
            do { try library.register(text, named: name) } catch { broken[name] = "\(error)" }
        }
        self.library = library
        self.broken = broken
    }

    /// An HTML page from a template and its view.
    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok, logger: Logger) -> Response {
        guard broken[template] == nil, broken["layout"] == nil, let html = library.render(view, withTemplate: template) else {
            logger.error("UI template cannot be rendered", metadata: ["template": "\(template)", "error": "\(broken[template] ?? broken["layout"] ?? "missing")"])
            return Self.html(Self.fallback, status: .internalServerError)
        }
        return Self.html(html, status: status)
    }

    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        .init("X-Frame-Options")!: "DENY",
        .init("Referrer-Policy")!: "same-origin",
    ]

    static func html(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private static let fallback = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>QBBridge</title></head>
        <body><h1>This page cannot be shown</h1><p>QBBridge could not build this page; the server log says why. \
        Try the <a href="/">dashboard</a>.</p></body></html>
        """
}
