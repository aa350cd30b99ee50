/// The `ErrorRecovery` aggregate of an Add/Mod/Del response (qbXML 11.0, docs/qbxml-messages.md, "Responses QBBridge reads"):
/// identifies the object a request created or touched, also when the request reported an error.
public struct ErrorRecovery: Sendable, Hashable, Codable {
    /// The list object's ListID.
    public var listID: ListID?
    /// The OwnerID (for data extensions).
    public var ownerID: String?
    /// The transaction's TxnID.
    public var txnID: TxnID?
    /// QuickBooks' internal sequence number.
    public var txnNumber: Int?
    /// The object's edit sequence.
    public var editSequence: String?
    /// The external GUID the add carried.
    public var externalGUID: String?

    /// An error-recovery record; every field optional.
    public init(listID: ListID? = nil, ownerID: String? = nil, txnID: TxnID? = nil, txnNumber: Int? = nil,
                editSequence: String? = nil, externalGUID: String? = nil) {
        self.listID = listID
        self.ownerID = ownerID
        self.txnID = txnID
        self.txnNumber = txnNumber
        self.editSequence = editSequence
        self.externalGUID = externalGUID
    }

    /// Reads an `ErrorRecovery` whose start tag is current.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> ErrorRecovery {
        var recovery = ErrorRecovery()
        guard let depth = scanner.beginChildren() else { return recovery }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .listID: recovery.listID = try scanner.optionalString().map { ListID($0) }
            case .ownerID: recovery.ownerID = try scanner.optionalString()
            case .txnID: recovery.txnID = try scanner.optionalString().map { TxnID($0) }
            case .txnNumber: recovery.txnNumber = try scanner.int()
            case .editSequence: recovery.editSequence = try scanner.optionalString()
            case .externalGUID: recovery.externalGUID = try scanner.optionalString()
            default: try scanner.skip()
            }
        }
        return recovery
    }
}
