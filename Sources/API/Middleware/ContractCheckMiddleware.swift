import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Checks every JSON request body against its operation's schema in the contract before the generated
/// code decodes it, and answers 422 naming *every* problem by field (`{"error": {"fields": {…}}}`);
/// the generated decoder would stop at the first. A body that is not JSON at all is a 400. Bodies
/// larger than the API's limit were already refused with 413 by the router.
struct ContractCheckMiddleware: ServerMiddleware {
    let validator: SchemaValidator
    let maximumBodyBytes: Int
    /// What each operation's request is checked against, looked up once here instead of on every call.
    private let checks: [String: RequestSchemas]

    private struct RequestSchemas: Sendable {
        var body: JSONValue?
        var query: [String: JSONValue]
    }

    init(contract: OpenAPIContract, maximumBodyBytes: Int) {
        self.validator = SchemaValidator(contract: contract)
        self.maximumBodyBytes = maximumBodyBytes
        var checks: [String: RequestSchemas] = [:]
        for id in contract.operationIDs {
            checks[id] = RequestSchemas(body: contract.requestSchema(operationID: id),
                                        query: (contract.queryParameters(operationID: id) ?? [:]).mapValues(contract.resolve))
        }
        self.checks = checks
    }

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        metadata: ServerRequestMetadata,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let schemas = checks[operationID]
        try checkQuery(of: request, against: schemas?.query ?? [:])
        guard let schema = schemas?.body, let body else {
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

    /// Query parameters are checked against their schemas the same way (the generated code checks only
    /// their types): a `limit` of 5000 or an unknown `status` is a 400 that names the parameter.
    private func checkQuery(of request: HTTPRequest, against parameters: [String: JSONValue]) throws {
        guard !parameters.isEmpty, let path = request.path, let start = path.firstIndex(of: "?") else { return }
        var fields: [String: String] = [:]
        for item in path[path.index(after: start)...].split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // `+` is a space in a query string, as forms send it.
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            let name = decode(pair[0])
            guard let schema = parameters[name] else { continue }
            let text = pair.count > 1 ? decode(pair[1]) : ""
            let value: JSONValue
            switch schema["type"]?.string {
            case "integer", "number":
                guard let number = Double(text), number.isFinite else { fields[name] = "must be a number"; continue }
                value = .number(number)
            case "boolean":
                guard let flag = Bool(text.lowercased()) else { fields[name] = "must be true or false"; continue }
                value = .bool(flag)
            default:
                value = .string(text)
            }
            if let problem = validator.problems(value, against: schema)[""] { fields[name] = problem }
        }
        guard fields.isEmpty else {
            throw APIError(.badRequest, code: "invalid_query",
                           message: fields.keys.sorted().map { "\($0) \(fields[$0] ?? "")" }.joined(separator: "; ") + ".", fields: fields)
        }
    }
}
