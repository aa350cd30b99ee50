/// The company file as `CompanyRet` describes it (docs/qbxml-messages.md, "Responses QBBridge reads"), with the data extensions
/// QBWC stamps under the application's OwnerID (`FileID`, `AppLock`; docs/web-connector-protocol.md, "Company file check").
public struct CompanyInfo: Sendable, Codable, Equatable {
    /// The company name.
    public var companyName: String?
    /// The legal company name.
    public var legalCompanyName: String?
    /// Every `DataExtRet`.
    public var dataExtensions: [DataExtension]

    /// Company information; every field optional.
    public init(companyName: String? = nil, legalCompanyName: String? = nil, dataExtensions: [DataExtension] = []) {
        self.companyName = companyName
        self.legalCompanyName = legalCompanyName
        self.dataExtensions = dataExtensions
    }

    /// The value of the data extension `name` under `ownerID` (GUIDs compared ignoring case),
    /// e.g. `dataExtension(named: "FileID", ownerID: ourOwnerID)` to recognise the company file.
    public func dataExtension(named name: String, ownerID: String) -> String? {
        dataExtensions.first { $0.name == name && $0.ownerID?.uppercased() == ownerID.uppercased() }?.value
    }

    /// Reads a `CompanyRet` whose start tag is current.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> CompanyInfo {
        var company = CompanyInfo()
        guard let depth = scanner.beginChildren() else { return company }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .companyName: company.companyName = try scanner.optionalString()
            case .legalCompanyName: company.legalCompanyName = try scanner.optionalString()
            case .dataExtRet: company.dataExtensions.append(try DataExtension.read(scanner))
            default: try scanner.skip()
            }
        }
        return company
    }
}
