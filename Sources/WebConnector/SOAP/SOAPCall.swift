/// One decoded Web Connector call: the operation and its parameters as strings.
///
/// Parameters follow the lenient reading of docs/web-connector-protocol.md, "Transport and SOAP": a missing, empty or `xsi:nil` child is the
/// empty string, unknown children are ignored. Only what the contract types as `xs:int` is checked here.
public struct SOAPCall: Sendable, Equatable {
    /// The operation named by the body's wrapper element.
    public var operation: QBWCOperation
    /// Parameter values by canonical name; absent names read as `""` through `subscript`.
    public var parameters: [String: String]

    /// Creates a call (tests and the simulator build calls directly).
    public init(operation: QBWCOperation, parameters: [String: String] = [:]) {
        self.operation = operation
        self.parameters = parameters
    }

    /// The value of a parameter, `""` when the client left it out.
    public subscript(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// The value of an `xs:int` parameter.
    func integer(_ name: String) throws(SOAPRequestError) -> Int {
        guard let raw = parameters[name] else { throw .missingParameter(operation: operation, name: name) }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Int(trimmed) else {
            throw .notAnInteger(operation: operation, name: name, value: String(trimmed.prefix(40)))
        }
        return value
    }
}

import Foundation
