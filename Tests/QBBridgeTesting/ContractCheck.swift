import API
import Foundation
public import HTTPTypes
public import HummingbirdTesting
public import NIOCore
public import Testing

/// Every answer a test receives from `/api/v1` is checked here against the served contract: the status
/// must be declared for the operation, and a JSON body must match the schema declared for that status.
/// A mismatch is recorded as a test issue with the field path, so no API test can pass on an answer
/// the contract does not describe.
public enum ContractCheck {
    static let contract = OpenAPIContract.shared
    static let validator = SchemaValidator(contract: contract)

    /// Checks one answer; `path` is the request path below `/api/v1`, without the query.
    public static func verify(method: HTTPRequest.Method, path: String, status: Int, contentType: String?, body: ByteBuffer,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        guard let (template, operation) = contract.operation(method: method.rawValue, path: bare) else {
            // Not an operation of the contract: only the router's own 404 and 405 answers may come back.
            #expect([404, 405].contains(status), "\(method) \(bare) is not in the contract but answered \(status)", sourceLocation: sourceLocation)
            return
        }
        // The token check and the body-size limit answer before any operation runs, for every operation.
        if status == 401 || status == 413 || status == 405 { return expectError(body, "\(method) \(template) \(status)", sourceLocation) }
        let schema: JSONValue?
        do {
            schema = try contract.responseSchema(of: operation, status: status)
        } catch {
            Issue.record("\(method) \(template): \(error) (body: \(String(buffer: body).prefix(300)))", sourceLocation: sourceLocation)
            return
        }
        guard let schema else { return }
        #expect(contentType?.hasPrefix("application/json") == true, "\(method) \(template) \(status): content type \(contentType ?? "none")",
                sourceLocation: sourceLocation)
        guard let value = JSONValue.parse(body.readableBytesView) else {
            Issue.record("\(method) \(template) \(status): the body is not JSON: \(String(buffer: body).prefix(300))", sourceLocation: sourceLocation)
            return
        }
        let problems = validator.problems(value, against: schema)
        #expect(problems.isEmpty, "\(method) \(template) \(status) does not match its schema: \(problems.sorted { $0.key < $1.key })",
                sourceLocation: sourceLocation)
    }

    private static func expectError(_ body: ByteBuffer, _ what: String, _ sourceLocation: SourceLocation) {
        guard let value = JSONValue.parse(body.readableBytesView), let schema = contract.document["components"]?["schemas"]?["Error"] else {
            Issue.record("\(what): the body is not the JSON error: \(String(buffer: body).prefix(300))", sourceLocation: sourceLocation)
            return
        }
        let problems = validator.problems(value, against: schema)
        #expect(problems.isEmpty, "\(what) is not the contract's Error: \(problems)", sourceLocation: sourceLocation)
    }
}

extension TestClientProtocol {
    /// A JSON API call whose answer is checked against the contract.
    public func checkedAPI(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, body: ByteBuffer?,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let response = try await execute(uri: "/api/v1" + path, method: method, headers: headers, body: body)
        ContractCheck.verify(method: method, path: path, status: Int(response.status.code), contentType: response.headers[.contentType],
                             body: response.body, sourceLocation: sourceLocation)
        return response
    }
}
