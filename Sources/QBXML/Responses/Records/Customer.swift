/// A customer or job as QuickBooks returns it (`CustomerRet`, docs/qbxml-messages.md, "Responses QBBridge reads"), with the
/// fields the bridge uses to map and check customers.
public struct Customer: Sendable, Hashable, Codable {
    /// The customer's ListID.
    public var listID: ListID?
    /// Its own name (max 41).
    public var name: String?
    /// `Parent:Job` path (max 209): what a `CustomerRef/FullName` must match.
    public var fullName: String?
    /// Whether it is active.
    public var isActive: Bool?
    /// The company name.
    public var companyName: String?
    /// The e-mail address.
    public var email: String?
    /// The phone number.
    public var phone: String?
    /// This customer's or job's own balance.
    public var balance: Money?
    /// The balance including sub-jobs.
    public var totalBalance: Money?
    /// Changes on every modification.
    public var editSequence: String?
    /// When it was last modified.
    public var timeModified: QBDateTime?
    /// The external GUID (qbXML 8.0), if set.
    public var externalGUID: String?

    /// A customer; every field optional.
    public init(listID: ListID? = nil, name: String? = nil, fullName: String? = nil, isActive: Bool? = nil,
                companyName: String? = nil, email: String? = nil, phone: String? = nil, balance: Money? = nil,
                totalBalance: Money? = nil, editSequence: String? = nil, timeModified: QBDateTime? = nil,
                externalGUID: String? = nil) {
        self.listID = listID
        self.name = name
        self.fullName = fullName
        self.isActive = isActive
        self.companyName = companyName
        self.email = email
        self.phone = phone
        self.balance = balance
        self.totalBalance = totalBalance
        self.editSequence = editSequence
        self.timeModified = timeModified
        self.externalGUID = externalGUID
    }

    /// Reads a `CustomerRet` whose start tag is current.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> Customer {
        var customer = Customer()
        guard let depth = scanner.beginChildren() else { return customer }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .listID: customer.listID = try scanner.optionalString().map { ListID($0) }
            case .name: customer.name = try scanner.optionalString()
            case .fullName: customer.fullName = try scanner.optionalString()
            case .isActive: customer.isActive = try scanner.bool()
            case .companyName: customer.companyName = try scanner.optionalString()
            case .email: customer.email = try scanner.optionalString()
            case .phone: customer.phone = try scanner.optionalString()
            case .balance: customer.balance = try scanner.money()
            case .totalBalance: customer.totalBalance = try scanner.money()
            case .editSequence: customer.editSequence = try scanner.optionalString()
            case .timeModified: customer.timeModified = try scanner.dateTime()
            case .externalGUID: customer.externalGUID = try scanner.optionalString()
            default: try scanner.skip()
            }
        }
        return customer
    }
}
