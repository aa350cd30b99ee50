import RouteContext
import API
import Hummingbird
import HTTPTypes

/// Answers `405 Method Not Allowed` with an `Allow` header when a request's path is one of the routes
/// but its method is not (Hummingbird's router answers 404 for both, which tells a client its URL is
/// wrong when only its method is). Add it to the router after every route: it then wraps only the
/// router's not-found responder, never a route's own 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = BridgeRequestContext

    private let routes: [(path: RouterPath, methods: [HTTPRequest.Method])]

    /// Catch-all routes (`**`, the web UI's not-found page) are left out: they would make every path
    /// look like a route.
    init(routes: [Router<Context>.RouteDescription]) {
        var byPath: [String: (path: RouterPath, methods: [HTTPRequest.Method])] = [:]
        for route in routes where !route.path.components.contains(.recursiveWildcard) {
            byPath[route.path.description, default: (route.path, [])].methods.append(route.method)
        }
        self.routes = byPath.values.sorted { $0.path.description < $1.path.description }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(for: request.uri.path)
            guard !allowed.isEmpty else { throw error }
            let names = allowed.map(\.rawValue).sorted()
            let message = "\(request.method.rawValue) is not allowed here; use \(names.joined(separator: " or "))."
            var response = try APIError(.methodNotAllowed, code: "method_not_allowed", message: message).response(from: request, context: context)
            response.headers[.allow] = names.joined(separator: ", ")
            return response
        }
    }

    /// The methods of every route whose path matches, or none when no route does.
    func allowedMethods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.filter { Self.matches($0.path, segments) }.flatMap(\.methods)
    }

    private static func matches(_ template: RouterPath, _ segments: [Substring]) -> Bool {
        var index = 0
        for element in template.components {
            guard index < segments.count, element ~= segments[index] else { return false }
            index += 1
        }
        return index == segments.count
    }
}
