import RouteContext
import Bridge
import API
import Hummingbird
import Domain

/// Requires `Authorization: Bearer <token>` made by `qbbridge token create`, and records the caller.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = BridgeRequestContext
    let access: AccessService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(.unauthorized, code: "unauthorized", message: "Send an API token as 'Authorization: Bearer <token>'; create one with 'qbbridge token create'.")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let label = try await access.tokenLabel(token) else {
            throw APIError(.unauthorized, code: "unauthorized", message: "The API token is not valid; create one with 'qbbridge token create'.")
        }
        var context = context
        context.actor = "api:" + label
        return try await APICaller.$actor.withValue("api:" + label) { try await next(request, context) }
    }
}

import Foundation
