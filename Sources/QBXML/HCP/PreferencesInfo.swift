/// The company preferences the payment bridge needs from `PreferencesRet` (docs/qbxml-messages.md, "Responses QBBridge reads"):
/// auto-apply (a risk for payments, docs/qbxml-messages.md, "Responses QBBridge reads"), the closing date, class tracking and
/// multicurrency.
public struct PreferencesInfo: Sendable, Codable, Equatable {
    /// `SalesAndCustomersPreferences/IsAutoApplyingPayments`.
    public var isAutoApplyingPayments: Bool?
    /// `AccountingPreferences/ClosingDate` (`YYYY-MM-DD`): payments dated before it may be refused.
    public var closingDate: String?
    /// `AccountingPreferences/IsUsingClassTracking`.
    public var isUsingClassTracking: Bool?
    /// `MultiCurrencyPreferences/IsMultiCurrencyOn`.
    public var isMultiCurrencyOn: Bool?

    /// Preferences; every field optional.
    public init(isAutoApplyingPayments: Bool? = nil, closingDate: String? = nil, isUsingClassTracking: Bool? = nil,
                isMultiCurrencyOn: Bool? = nil) {
        self.isAutoApplyingPayments = isAutoApplyingPayments
        self.closingDate = closingDate
        self.isUsingClassTracking = isUsingClassTracking
        self.isMultiCurrencyOn = isMultiCurrencyOn
    }

    /// Reads a `PreferencesRet` whose start tag is current (the groups may come in any order).
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> PreferencesInfo {
        var preferences = PreferencesInfo()
        guard let depth = scanner.beginChildren() else { return preferences }
        while let group = try scanner.nextChild(depth) {
            switch group {
            case .accountingPreferences, .multiCurrencyPreferences, .salesAndCustomersPreferences:
                try readGroup(scanner, into: &preferences)
            default:
                try scanner.skip()
            }
        }
        return preferences
    }

    private static func readGroup(_ scanner: ResponseScanner, into preferences: inout PreferencesInfo) throws(QBXMLError) {
        guard let depth = scanner.beginChildren() else { return }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .isAutoApplyingPayments: preferences.isAutoApplyingPayments = try scanner.bool()
            case .closingDate: preferences.closingDate = try scanner.trimmed()
            case .isUsingClassTracking: preferences.isUsingClassTracking = try scanner.bool()
            case .isMultiCurrencyOn: preferences.isMultiCurrencyOn = try scanner.bool()
            default: try scanner.skip()
            }
        }
    }
}
