/// One line of an invoice or credit memo (`InvoiceLineRet` / `CreditMemoLineRet`,
/// docs/qbxml-messages.md, "Responses QBBridge reads"), returned only with `IncludeLineItems=true`.
/// Lines inside a line group (`…LineGroupRet`) are returned as ordinary lines.
public struct InvoiceLine: Sendable, Hashable, Codable {
    /// The line's identifier.
    public var txnLineID: String?
    /// The item sold.
    public var item: ListRef?
    /// The line description.
    public var desc: String?
    /// The quantity.
    public var quantity: QBDecimal?
    /// The unit price (or a percentage for `RatePercent` lines, which are not read).
    public var rate: QBDecimal?
    /// The line amount.
    public var amount: Money?

    /// A line; every field optional.
    public init(txnLineID: String? = nil, item: ListRef? = nil, desc: String? = nil, quantity: QBDecimal? = nil,
                rate: QBDecimal? = nil, amount: Money? = nil) {
        self.txnLineID = txnLineID
        self.item = item
        self.desc = desc
        self.quantity = quantity
        self.rate = rate
        self.amount = amount
    }

    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> InvoiceLine {
        var line = InvoiceLine()
        guard let depth = scanner.beginChildren() else { return line }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .txnLineID: line.txnLineID = try scanner.optionalString()
            case .itemRef: line.item = try scanner.ref()
            case .desc: line.desc = try scanner.optionalString()
            case .quantity: line.quantity = try scanner.decimal()
            case .rate: line.rate = try scanner.decimal()
            case .amount: line.amount = try scanner.money()
            default: try scanner.skip()
            }
        }
        return line
    }

    /// The `InvoiceLineRet`s inside a line group, appended to `lines`.
    static func readGroup(_ scanner: ResponseScanner, into lines: inout [InvoiceLine]) throws(QBXMLError) {
        guard let depth = scanner.beginChildren() else { return }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .invoiceLineRet, .creditMemoLineRet: lines.append(try read(scanner))
            default: try scanner.skip()
            }
        }
    }
}
