public import QBXML

/// What the simulated QuickBooks says about itself: the `HostRet`, `CompanyRet` and `PreferencesRet`
/// facts (docs/qbxml-messages.md, "Responses QBBridge reads") that reach the bridge through the HCP response (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
///
/// Decoded from the `company` section of a fixture; every field has a default so a fixture names only
/// what it cares about.
public struct CompanyFacts: Sendable, Codable, Equatable {
    /// `CompanyRet/CompanyName`.
    public var companyName: String
    /// `CompanyRet/LegalCompanyName`.
    public var legalCompanyName: String?
    /// `HostRet/ProductName`, e.g. `QuickBooks Desktop Pro 2024`.
    public var productName: String
    /// `HostRet/MajorVersion`.
    public var majorVersion: String
    /// `HostRet/MinorVersion`.
    public var minorVersion: String
    /// `HostRet/Country`: `US`, `CA` or `UK`.
    public var country: String
    /// The newest qbXML version this QuickBooks accepts, e.g. `13.0`; the list below is derived from it.
    public var maxQBXMLVersion: String
    /// An explicit `SupportedQBXMLVersion` list, replacing the derived one.
    public var explicitQBXMLVersions: [String]?
    /// `HostRet/IsAutomaticLogin`.
    public var isAutomaticLogin: Bool
    /// `HostRet/QBFileMode`: `SingleUser` or `MultiUser`.
    public var fileMode: String
    /// The company file path the Web Connector reports as `strCompanyFileName`.
    public var companyFilePath: String
    /// The host's time zone (an IANA name), which decides the wall clock QuickBooks writes.
    public var timeZone: String
    /// `CompanyRet/Phone`.
    public var phone: String?
    /// `CompanyRet/Email`.
    public var email: String?
    /// The preferences the bridge reads (docs/qbxml-messages.md, "Responses QBBridge reads").
    public var preferences: CompanyPreferences
    /// Private and public data extensions on the company (`DataExtRet`), e.g. the QWC `FileID` stamp.
    public var dataExtensions: [DataExtension]

    /// Facts with defaults: a US QuickBooks Desktop Pro 2024 on a US-Pacific host, qbXML up to 13.0.
    public init(companyName: String = "Simulated Company", legalCompanyName: String? = nil,
                productName: String = "QuickBooks Desktop Pro 2024", majorVersion: String = "34", minorVersion: String = "0",
                country: String = "US", maxQBXMLVersion: String = "13.0", explicitQBXMLVersions: [String]? = nil,
                isAutomaticLogin: Bool = true, fileMode: String = "MultiUser",
                companyFilePath: String = #"C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Simulated Company.qbw"#,
                timeZone: String = "America/Los_Angeles", phone: String? = nil, email: String? = nil,
                preferences: CompanyPreferences = CompanyPreferences(), dataExtensions: [DataExtension] = []) {
        self.companyName = companyName
        self.legalCompanyName = legalCompanyName
        self.productName = productName
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.country = country
        self.maxQBXMLVersion = maxQBXMLVersion
        self.explicitQBXMLVersions = explicitQBXMLVersions
        self.isAutomaticLogin = isAutomaticLogin
        self.fileMode = fileMode
        self.companyFilePath = companyFilePath
        self.timeZone = timeZone
        self.phone = phone
        self.email = email
        self.preferences = preferences
        self.dataExtensions = dataExtensions
    }

    private enum CodingKeys: String, CodingKey {
        case companyName, legalCompanyName, productName, majorVersion, minorVersion, country, maxQBXMLVersion
        case explicitQBXMLVersions = "supportedQBXMLVersions"
        case isAutomaticLogin, fileMode, companyFilePath, timeZone, phone, email, preferences, dataExtensions
    }

    /// Decodes a fixture's `company` section; absent keys take the defaults of `init`.
    public init(from decoder: any Decoder) throws {
        let defaults = CompanyFacts()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        companyName = try c.decodeIfPresent(String.self, forKey: .companyName) ?? defaults.companyName
        legalCompanyName = try c.decodeIfPresent(String.self, forKey: .legalCompanyName)
        productName = try c.decodeIfPresent(String.self, forKey: .productName) ?? defaults.productName
        majorVersion = try c.decodeIfPresent(String.self, forKey: .majorVersion) ?? defaults.majorVersion
        minorVersion = try c.decodeIfPresent(String.self, forKey: .minorVersion) ?? defaults.minorVersion
        country = try c.decodeIfPresent(String.self, forKey: .country) ?? defaults.country
        maxQBXMLVersion = try c.decodeIfPresent(String.self, forKey: .maxQBXMLVersion) ?? defaults.maxQBXMLVersion
        explicitQBXMLVersions = try c.decodeIfPresent([String].self, forKey: .explicitQBXMLVersions)
        isAutomaticLogin = try c.decodeIfPresent(Bool.self, forKey: .isAutomaticLogin) ?? defaults.isAutomaticLogin
        fileMode = try c.decodeIfPresent(String.self, forKey: .fileMode) ?? defaults.fileMode
        companyFilePath = try c.decodeIfPresent(String.self, forKey: .companyFilePath) ?? defaults.companyFilePath
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        preferences = try c.decodeIfPresent(CompanyPreferences.self, forKey: .preferences) ?? defaults.preferences
        dataExtensions = try c.decodeIfPresent([DataExtension].self, forKey: .dataExtensions) ?? []
    }

    /// The qbXML versions this edition of QuickBooks lists, oldest first, e.g. `1.0 … 13.0`, or
    /// `CA1.0 … CA13.0` for a Canadian edition (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
    public var supportedQBXMLVersions: [String] {
        if let explicitQBXMLVersions { return explicitQBXMLVersions }
        guard let newest = QBXMLVersion(maxQBXMLVersion) else { return [maxQBXMLVersion] }
        let prefix = country == "US" ? "" : country
        return Self.releasedVersions.filter { $0 <= newest }.map { prefix + $0.description }
    }

    /// Every qbXML version Intuit released for QuickBooks Desktop.
    static let releasedVersions: [QBXMLVersion] = [
        (1, 0), (1, 1), (2, 0), (2, 1), (3, 0), (4, 0), (4, 1), (5, 0), (6, 0), (7, 0), (8, 0),
        (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0),
    ].map { QBXMLVersion(major: $0.0, minor: $0.1) }
}

/// The company preferences QuickBooks reports in `PreferencesRet` that matter to a payment bridge.
public struct CompanyPreferences: Sendable, Codable, Equatable {
    /// `SalesAndCustomersPreferences/IsAutoApplyingPayments`.
    public var isAutoApplyingPayments: Bool
    /// `AccountingPreferences/ClosingDate`.
    public var closingDate: QBDate?
    /// `AccountingPreferences/IsUsingClassTracking`.
    public var isUsingClassTracking: Bool
    /// `MultiCurrencyPreferences/IsMultiCurrencyOn`.
    public var isMultiCurrencyOn: Bool
    /// `AccountingPreferences/IsUsingAccountNumbers`.
    public var isUsingAccountNumbers: Bool

    /// Preferences; defaults as both real HCP captures show them (auto-apply on).
    public init(isAutoApplyingPayments: Bool = true, closingDate: QBDate? = nil, isUsingClassTracking: Bool = false,
                isMultiCurrencyOn: Bool = false, isUsingAccountNumbers: Bool = false) {
        self.isAutoApplyingPayments = isAutoApplyingPayments
        self.closingDate = closingDate
        self.isUsingClassTracking = isUsingClassTracking
        self.isMultiCurrencyOn = isMultiCurrencyOn
        self.isUsingAccountNumbers = isUsingAccountNumbers
    }

    private enum CodingKeys: String, CodingKey {
        case isAutoApplyingPayments, closingDate, isUsingClassTracking, isMultiCurrencyOn, isUsingAccountNumbers
    }

    /// Decodes; absent keys take the defaults of `init`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isAutoApplyingPayments = try c.decodeIfPresent(Bool.self, forKey: .isAutoApplyingPayments) ?? true
        closingDate = try c.decodeIfPresent(QBDate.self, forKey: .closingDate)
        isUsingClassTracking = try c.decodeIfPresent(Bool.self, forKey: .isUsingClassTracking) ?? false
        isMultiCurrencyOn = try c.decodeIfPresent(Bool.self, forKey: .isMultiCurrencyOn) ?? false
        isUsingAccountNumbers = try c.decodeIfPresent(Bool.self, forKey: .isUsingAccountNumbers) ?? false
    }
}
