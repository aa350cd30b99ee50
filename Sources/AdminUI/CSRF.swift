import Hummingbird
import Domain

/// Checks the CSRF token of every POST to a signed-in page (docs/architecture.md, "Security"): the form's hidden `csrf` field
/// must equal the session's token. A missing or wrong token gets the 403 page and the action is not run.
/// The parsed form is handed on in the context so routes do not read the body again. A multipart upload
/// carries the token in its query string instead, so that its body can be streamed.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = UIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            // An upload (the Web Connector log) is streamed by its route, not read here: its form carries the
            // token in the action's query string instead of a field, so the body stays unread.
            guard let session = context.session, CSRF.matches(FormData(queryOf: request)["csrf"], session.csrfToken) else {
                throw UIError.forbidden
            }
            return try await next(request, context)
        }
        var request = request
        let form = try await FormData.read(&request, limit: context.maxUploadSize)
        guard let session = context.session, CSRF.matches(form["csrf"], session.csrfToken) else {
            throw UIError.forbidden
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}

/// Token comparison that takes the same time wherever the first difference is.
enum CSRF {
    static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given, !expected.isEmpty else { return false }
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
