/// One custom field value (`DataExtRet`, docs/qbxml-messages.md, "Responses QBBridge reads").
public struct DataExtension: Sendable, Codable, Equatable {
    /// The owner: `0` for public fields, an application's GUID for private ones.
    public var ownerID: String?
    /// The field name (max 31).
    public var name: String
    /// `STR255TYPE`, `AMTTYPE` …
    public var type: String?
    /// The value as text.
    public var value: String

    /// A data extension value.
    public init(ownerID: String? = nil, name: String, type: String? = nil, value: String) {
        self.ownerID = ownerID
        self.name = name
        self.type = type
        self.value = value
    }

    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> DataExtension {
        var extensionValue = DataExtension(name: "", value: "")
        guard let depth = scanner.beginChildren() else { return extensionValue }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .ownerID: extensionValue.ownerID = try scanner.optionalString()
            case .dataExtName: extensionValue.name = try scanner.string()
            case .dataExtType: extensionValue.type = try scanner.optionalString()
            case .dataExtValue: extensionValue.value = try scanner.string()
            default: try scanner.skip()
            }
        }
        return extensionValue
    }
}
