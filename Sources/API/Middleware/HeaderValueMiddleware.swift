import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Sends response header values as the handlers wrote them. The generated code writes header parameters
/// in the URI `simple` style, percent-encoding them, which turns `attachment; filename="acme.qwc"` into
/// `attachment%3B%20filename…` that no browser reads as a file name.
struct HeaderValueMiddleware: ServerMiddleware {
    static let written: [HTTPField.Name] = [.contentDisposition]

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        metadata: ServerRequestMetadata,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, body) = try await next(request, body, metadata)
        for name in Self.written {
            if let value = response.headerFields[name], let decoded = value.removingPercentEncoding { response.headerFields[name] = decoded }
        }
        return (response, body)
    }
}
