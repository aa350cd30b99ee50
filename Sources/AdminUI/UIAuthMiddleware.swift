import Bridge
import Foundation
import Hummingbird
import Domain

/// Lets only signed-in admins reach the UI's pages: it loads the session named by the cookie, and sends
/// anyone else to `/login`, remembering where they were going (a GET's path) so the login can return there.
struct UIAuthMiddleware: RouterMiddleware {
    typealias Context = UIRequestContext
    let access: AccessService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let token = request.cookies[SessionCookie.session]?.value, let session = try await access.session(token: token) {
            var context = context
            context.session = session
            return try await next(request, context)
        }
        var target = "/login"
        if request.method == .get, request.uri.path != "/" {
            var next = request.uri.path
            if let query = request.uri.query, !query.isEmpty { next += "?" + query }
            target += "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return Response(status: .seeOther, headers: [.location: target, .cacheControl: "no-store"])
    }
}
