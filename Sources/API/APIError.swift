import Bridge
import Foundation
public import Hummingbird
import OpenAPIRuntime
import Domain
import WebConnectorLog

/// The one error type of the JSON API: it renders `{"error": {"code", "message", "fields"?}}` with the
/// right status, as the contract's `Error` schema describes. Mapping from module errors lives here and nowhere else.
public struct APIError: HTTPResponseError, Sendable {
    /// HTTP status.
    public let status: HTTPResponse.Status
    /// Stable machine code, e.g. `validation_failed`.
    public let code: String
    /// What happened and what to do, for a person.
    public let message: String
    /// Field-level messages for validation errors.
    public let fields: [String: String]?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String, fields: [String: String]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    /// Maps any error thrown by a route to an API error; unknown errors become a 500 without internals.
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServerError:
            // The generated code wraps what a handler throws; unwrap it. An error that came before the
            // handler ran (no operation input) is a request that does not fit the contract.
            if error.operationInput == nil, !(error.underlyingError is APIError), !(error.underlyingError is ServerError) {
                return APIError(.badRequest, code: error.causeDescription.lowercased().contains("query") ? "invalid_query" : "bad_request",
                                message: "The request does not fit the API contract (GET /api/v1/openapi.json): \(Self.describe(error.underlyingError, cause: error.causeDescription))")
            }
            return from(error.underlyingError)
        case let error as BridgeError:
            switch error {
            case .invalidInput(let fields):
                return APIError(.unprocessableContent, code: "validation_failed", message: error.description, fields: fields)
            case .notFound:
                return APIError(.notFound, code: "not_found", message: error.description)
            case .conflict:
                return APIError(.conflict, code: "conflict", message: error.description)
            case .cannotMakeQWC:
                return APIError(.conflict, code: "qwc_unavailable", message: error.description)
            }
        case let error as StoreError:
            switch error {
            case .notFound: return APIError(.notFound, code: "not_found", message: error.description)
            case .conflict: return APIError(.conflict, code: "conflict", message: error.description)
            case .invalidCursor:
                // Well-formed text the list cannot use: a value refused, as validation failures are (422).
                return APIError(.unprocessableContent, code: "invalid_cursor", message: error.description, fields: ["cursor": "not a cursor of this list"])
            default: return APIError(.serviceUnavailable, code: "store_unavailable", message: "The database could not complete the request; try again.")
            }
        case let error as QWCLogError:
            switch error {
            case .tooLarge: return APIError(.contentTooLarge, code: "body_too_large", message: error.description)
            case .lineTooLong, .binary, .invalidText, .empty, .notAWebConnectorLog:
                return APIError(.unprocessableContent, code: "not_a_qwc_log", message: error.description)
            }
        case let error as HTTPError:
            return APIError(error.status, code: error.status == .contentTooLarge ? "body_too_large" : "bad_request",
                            message: error.body ?? error.status.reasonPhrase)
        case let error as DecodingError:
            return APIError(.badRequest, code: "invalid_json", message: "The request body is not the JSON expected: \(Self.describe(error))")
        default:
            return APIError(.internalServerError, code: "internal_error", message: "QBBridge hit an unexpected error; it has been logged.")
        }
    }

    /// A body in a content type the operation does not take.
    static let unsupportedBody = APIError(.unsupportedMediaType, code: "unsupported_media_type",
                                          message: "Send the body as application/json (or, for a raw request, application/xml).")

    /// 413 for a body over the limit.
    public static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "The request body is larger than \(limit / 1024) KiB.")
    }

    private static func describe(_ error: any Error, cause: String) -> String {
        if let decoding = error as? DecodingError { return describe(decoding) }
        let text = "\(error)"
        return text.isEmpty || text.count > 300 ? cause : text
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var error: [String: Any] = ["code": code, "message": message]
        if let fields { error["fields"] = fields }
        let data = try JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys])
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
