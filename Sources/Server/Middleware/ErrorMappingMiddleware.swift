import RouteContext
import API
import Hummingbird
import Logging

/// Turns every error of the JSON API into an `APIError`, logging the unexpected ones.
struct ErrorMappingMiddleware: RouterMiddleware {
    typealias Context = BridgeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let mapped = APIError.from(error)
            if mapped.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            throw mapped
        }
    }
}
