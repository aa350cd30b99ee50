/// Errors the bridge reports to the admin surfaces; the server maps each to an HTTP status in one place.
public enum BridgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Input failed validation; field name → what is wrong.
    case invalidInput([String: String])
    /// No such record.
    case notFound(String, String)
    /// The request conflicts with existing state.
    case conflict(String)
    /// A `.qwc` cannot be produced as configured.
    case cannotMakeQWC(String)

    public var description: String {
        switch self {
        case .invalidInput(let fields):
            "Invalid input: " + fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ") + "."
        case .notFound(let kind, let id):
            "No \(kind) with id \(id)."
        case .conflict(let message):
            message
        case .cannotMakeQWC(let reason):
            "Cannot make a .qwc file: \(reason)"
        }
    }
}
