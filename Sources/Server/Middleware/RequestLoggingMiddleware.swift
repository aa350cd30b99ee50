import RouteContext
import Hummingbird
import Foundation
import Logging

/// Makes the request id (Hummingbird generates one per request) available to every log line written while
/// the request is handled, also below the HTTP layer (`RequestMetadata`), and logs each
/// request at debug level with its path but never its query string, headers or body (tickets, passwords
/// and tokens travel there).
struct RequestLoggingMiddleware: RouterMiddleware {
    typealias Context = BridgeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await RequestMetadata.$requestID.withValue(context.id) { try await next(request, context) }
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        context.logger.debug("request", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
            "duration_ms": "\(String(format: "%.2f", milliseconds))",
        ])
        return response
    }
}
