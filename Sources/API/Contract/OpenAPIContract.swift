import Foundation
import Yams

/// The JSON API's contract, `openapi.yaml`, as the server carries it: embedded in the binary at build
/// time (the same file swift-openapi-generator read), served as YAML and as JSON, and read by the
/// request check and the tests' response check. Parsed once.
package struct OpenAPIContract: Sendable {
    /// The document exactly as written.
    package let yaml: String
    /// The document as a JSON value, scalars typed as YAML types them (a quoted `'200'` stays a string).
    package let document: JSONValue
    /// The document as JSON text, served at `GET /api/v1/openapi.json`.
    package let json: String
    /// Every component by its `$ref` (`#/components/schemas/Payment`), so following a reference on the
    /// request path is one dictionary look-up, not a walk through the document.
    private let components: [String: JSONValue]

    /// The contract compiled into this binary.
    package static let shared: OpenAPIContract = {
        let text = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
        do {
            return try OpenAPIContract(yaml: text)
        } catch {
            preconditionFailure("openapi.yaml in the API target is not valid YAML: \(error)")
        }
    }()

    package init(yaml: String) throws {
        self.yaml = yaml
        guard let node = try Yams.compose(yaml: yaml) else { throw ContractError.empty }
        self.document = try Self.value(of: node)
        self.json = document.jsonText() + "\n"
        var components: [String: JSONValue] = [:]
        for (kind, entries) in document["components"]?.members ?? [] {
            for (name, value) in entries.members ?? [] { components["#/components/\(kind)/\(name)"] = value }
        }
        self.components = components
    }

    package enum ContractError: Error, CustomStringConvertible {
        case empty
        case unsupported(String)

        package var description: String {
            switch self {
            case .empty: "the document is empty"
            case .unsupported(let what): "the document uses \(what), which has no JSON form"
            }
        }
    }

    private static func value(of node: Node) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return .bool(Bool.construct(from: scalar) ?? false)
            case Tag.Name.int.rawValue:
                guard let value = Int.construct(from: scalar) else { throw ContractError.unsupported("the integer \(scalar.string)") }
                return .number(Double(value))
            case Tag.Name.float.rawValue:
                guard let value = Double.construct(from: scalar) else { throw ContractError.unsupported("the number \(scalar.string)") }
                return .number(value)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(try sequence.map(value(of:)))
        case .mapping(let mapping):
            return .object(try mapping.map { pair in
                guard case .scalar(let key) = pair.key else { throw ContractError.unsupported("a non-scalar key") }
                return (key.string, try value(of: pair.value))
            })
        }
    }

    // MARK: - Looking things up

    /// Follows a local `$ref` (`#/components/schemas/Payment`).
    package func resolve(_ schema: JSONValue) -> JSONValue {
        var current = schema
        var hops = 0
        while let reference = current["$ref"]?.string, let target = components[reference], hops < 16 {
            current = target
            hops += 1
        }
        return current
    }

    /// Every operation's id.
    package var operationIDs: [String] {
        (document["paths"]?.members ?? []).flatMap { $0.value.members ?? [] }.compactMap { $0.value["operationId"]?.string }
    }

    /// The operation with this id: its path template, method and description.
    package func operation(id: String) -> (path: String, method: String, operation: JSONValue)? {
        for (path, item) in document["paths"]?.members ?? [] {
            for (method, operation) in item.members ?? [] where operation["operationId"]?.string == id {
                return (path, method, operation)
            }
        }
        return nil
    }

    /// The operation a request path and method are served by (`/payments/abc` matches `/payments/{id}`).
    package func operation(method: String, path: String) -> (template: String, operation: JSONValue)? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for (template, item) in document["paths"]?.members ?? [] {
            let parts = template.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.count == segments.count,
                  zip(parts, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }),
                  let operation = item[method.lowercased()] else { continue }
            return (template, operation)
        }
        return nil
    }

    /// The schemas of an operation's query parameters, by name (the path item's and the operation's own).
    package func queryParameters(operationID: String) -> [String: JSONValue]? {
        guard let found = operation(id: operationID) else { return nil }
        let shared = document["paths"]?[found.path]?["parameters"]?.array ?? []
        var schemas: [String: JSONValue] = [:]
        for parameter in (shared + (found.operation["parameters"]?.array ?? [])).map(resolve) where parameter["in"]?.string == "query" {
            if let name = parameter["name"]?.string, let schema = parameter["schema"] { schemas[name] = schema }
        }
        return schemas
    }

    /// The JSON schema of an operation's request body, when it takes JSON.
    package func requestSchema(operationID: String) -> JSONValue? {
        guard let operation = operation(id: operationID)?.operation,
              let body = operation["requestBody"].map(resolve) else { return nil }
        return body["content"]?["application/json"]?["schema"]
    }

    /// The JSON schema an answer with this status must have, nil when the operation declares no JSON
    /// body for it; throws when the status is not declared at all.
    package func responseSchema(of operation: JSONValue, status: Int) throws -> JSONValue? {
        let responses = operation["responses"]
        guard let declared = responses?[String(status)] ?? responses?["\(status / 100)XX"] ?? responses?["default"] else {
            throw ResponseError.undeclaredStatus(status)
        }
        return resolve(declared)["content"]?["application/json"]?["schema"]
    }

    package enum ResponseError: Error, CustomStringConvertible {
        case undeclaredStatus(Int)
        package var description: String {
            switch self {
            case .undeclaredStatus(let status): "status \(status) is not declared for this operation"
            }
        }
    }
}
