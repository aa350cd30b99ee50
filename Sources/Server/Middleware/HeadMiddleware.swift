import RouteContext
import Hummingbird
import HTTPTypes

/// Answers `HEAD` wherever `GET` answers, with the same status and headers and no body (RFC 9110 §9.3.2).
/// Hummingbird routes only the methods a route names, so this wraps the whole router: a `HEAD` is looked
/// up as the `GET` it stands for.
struct HeadResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == BridgeRequestContext {
    typealias Context = BridgeRequestContext
    let base: Base

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = .init()
        return response
    }
}
