/// The QuickBooks installation as `HostRet` describes it (docs/qbxml-messages.md, "Responses QBBridge reads"): product, version,
/// country, and the qbXML versions it accepts, from which `QBXMLVersion.negotiate` picks ours
/// (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
public struct HostInfo: Sendable, Codable, Equatable {
    /// E.g. `QuickBooks Pro 2014`.
    public var productName: String?
    /// The product's major version, e.g. `24`.
    public var majorVersion: String?
    /// The product's minor version.
    public var minorVersion: String?
    /// `US`, `CA` or `UK`.
    public var country: String?
    /// Every `SupportedQBXMLVersion`, as written (may carry a `CA`/`UK` prefix).
    public var supportedQBXMLVersions: [String]
    /// Whether QuickBooks was opened by an unattended (automatic) login.
    public var isAutomaticLogin: Bool?
    /// `SingleUser` or `MultiUser`.
    public var fileMode: String?

    /// Host information; every field optional.
    public init(productName: String? = nil, majorVersion: String? = nil, minorVersion: String? = nil,
                country: String? = nil, supportedQBXMLVersions: [String] = [], isAutomaticLogin: Bool? = nil,
                fileMode: String? = nil) {
        self.productName = productName
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.country = country
        self.supportedQBXMLVersions = supportedQBXMLVersions
        self.isAutomaticLogin = isAutomaticLogin
        self.fileMode = fileMode
    }

    /// The version to talk to this host (see `QBXMLVersion.negotiate`), nil when it is too old.
    public var negotiatedVersion: QBXMLVersion? {
        QBXMLVersion.negotiate(supported: supportedQBXMLVersions)
    }

    /// Reads a `HostRet` whose start tag is current.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> HostInfo {
        var host = HostInfo()
        guard let depth = scanner.beginChildren() else { return host }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .productName: host.productName = try scanner.optionalString()
            case .majorVersion: host.majorVersion = try scanner.optionalString()
            case .minorVersion: host.minorVersion = try scanner.optionalString()
            case .country: host.country = try scanner.optionalString()
            case .supportedQBXMLVersion:
                if let version = try scanner.trimmed() { host.supportedQBXMLVersions.append(version) }
            case .isAutomaticLogin: host.isAutomaticLogin = try scanner.bool()
            case .qbFileMode: host.fileMode = try scanner.optionalString()
            default: try scanner.skip()
            }
        }
        return host
    }
}
