import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Checks every JSON request body against its operation's schema in the contract before the generated
/// code decodes it, and answers 422 naming *every* problem by field (`{"error": {"fields": {…}}}`);
/// the generated decoder would stop at the first. A body that is not JSON at all is a 400. Bodies
/// larger than the API's limit were already refused with 413 by the router.
struct ContractCheckMiddleware: ServerMiddleware {
    let contract: OpenAPIContract
    let validator: SchemaValidator
    let maximumBodyBytes: Int

    init(contract: OpenAPIContract, maximumBodyBytes: Int) {
        self.contract = contract
        self.validator = SchemaValidator(contract: contract)
        self.maximumBodyBytes = maximumBodyBytes
    }

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        metadata: ServerRequestMetadata,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let schema = contract.requestSchema(operationID: operationID), let body else {
            return try await next(request, body, metadata)
        }
        let contentType = request.headerFields[.contentType]?.lowercased() ?? "application/json"
        guard contentType.hasPrefix("application/json") || contentType.contains("+json") else {
            // Another content type the operation declares (a raw request's XML): the generated code reads it.
            return try await next(request, body, metadata)
        }
        let bytes: [UInt8]
        do {
            bytes = try await [UInt8](collecting: body, upTo: maximumBodyBytes)
        } catch {
            throw APIError.bodyTooLarge(limit: maximumBodyBytes)
        }
        guard !bytes.isEmpty else {
            // An optional body left out (`POST /failures/{id}/retry` with nothing) is no body at all.
            return try await next(request, nil, metadata)
        }
        guard let value = JSONValue.parse(bytes) else {
            throw APIError(.badRequest, code: "invalid_json", message: "The request body is not valid JSON.")
        }
        let problems = validator.problems(value, against: schema)
        guard problems.isEmpty else {
            let fields = Dictionary(uniqueKeysWithValues: problems.map { ($0.key.isEmpty ? "body" : $0.key, $0.value) })
            throw APIError(.unprocessableContent, code: "validation_failed",
                           message: "The request body has \(fields.count == 1 ? "a problem" : "\(fields.count) problems"): "
                               + fields.keys.sorted().map { "\($0) \(fields[$0] ?? "")" }.joined(separator: "; ") + ".",
                           fields: fields)
        }
        return try await next(request, HTTPBody(bytes), metadata)
    }
}
