/// Writes qbXML elements with escaping and field checks, for the request builders.
///
/// Every value goes through one of the `element` methods, which refuse (never truncate or drop)
/// values that are too long for their qbXML field or contain characters XML cannot carry, and name
/// the field by its element path, e.g. `ReceivePaymentAddRq/ReceivePaymentAdd/Memo`
/// (docs/qbxml-messages.md: "Requests QBBridge sends" and "Value formats").
public struct QBXMLWriter: Sendable {
    /// The XML written so far.
    public private(set) var xml = ""
    private var stack: [String] = []

    /// An empty writer.
    public init() {}

    /// The element path of a child `name` of the element currently open, used in error messages.
    public func path(_ name: String) -> String {
        stack.isEmpty ? name : stack.joined(separator: "/") + "/" + name
    }

    /// Opens an element with attributes (values escaped and checked; nil values left out).
    public mutating func open(_ name: String, attributes: [(name: String, value: String?)] = []) throws(QBXMLError) {
        xml += "<" + name
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            let field = path(name) + "@" + attribute.name
            if let scalar = XMLEscaping.firstIllegalCharacter(in: value) {
                throw .illegalCharacter(field: field, codePoint: scalar.value)
            }
            xml += " " + attribute.name + "=\"" + XMLEscaping.escapeAttribute(value) + "\""
        }
        xml += ">"
        stack.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { return }
        xml += "</" + name + ">"
    }

    /// Writes `<name>value</name>`. Refuses an empty value, a value longer than `maxLength`
    /// characters (Unicode scalars, as XSD `maxLength` counts) and control characters.
    public mutating func element(_ name: String, _ value: String, maxLength: Int? = nil) throws(QBXMLError) {
        let field = path(name)
        guard !value.isEmpty else { throw .emptyField(field: field) }
        if let maxLength {
            let length = value.unicodeScalars.count
            if length > maxLength { throw .fieldTooLong(field: field, maxLength: maxLength, length: length) }
        }
        if let scalar = XMLEscaping.firstIllegalCharacter(in: value) {
            throw .illegalCharacter(field: field, codePoint: scalar.value)
        }
        xml += "<" + name + ">" + XMLEscaping.escapeText(value) + "</" + name + ">"
    }

    /// Writes an AMTTYPE amount with two decimals.
    public mutating func element(_ name: String, _ value: Money) {
        xml += "<" + name + ">" + value.description + "</" + name + ">"
    }

    /// Writes a DATETYPE date.
    public mutating func element(_ name: String, _ value: QBDate) {
        xml += "<" + name + ">" + value.description + "</" + name + ">"
    }

    /// Writes a DATETIMETYPE value as host-local wall-clock time with no offset (docs/qbxml-messages.md, "Value formats");
    /// refuses values outside 1970-01-01 … 2038-01-19T03:14:07.
    public mutating func element(_ name: String, _ value: QBDateTime) throws(QBXMLError) {
        guard value.isSendable else {
            throw .invalidValue(field: path(name), value: value.raw,
                                expected: "a date-time between \(QBDateTime.earliestSendable.localString) and \(QBDateTime.latestSendable.localString)")
        }
        xml += "<" + name + ">" + value.localString + "</" + name + ">"
    }

    /// Writes a BOOLTYPE value as `true`/`false`.
    public mutating func element(_ name: String, _ value: Bool) {
        xml += "<" + name + ">" + (value ? "true" : "false") + "</" + name + ">"
    }

    /// Writes an INTTYPE value, refusing values below `minimum`.
    public mutating func element(_ name: String, _ value: Int, minimum: Int = Int.min) throws(QBXMLError) {
        guard value >= minimum else {
            throw .invalidValue(field: path(name), value: String(value), expected: "a whole number of at least \(minimum)")
        }
        xml += "<" + name + ">" + String(value) + "</" + name + ">"
    }

    /// Writes a GUIDTYPE value.
    public mutating func element(_ name: String, _ value: QBGUID) {
        xml += "<" + name + ">" + XMLEscaping.escapeText(value.rawValue) + "</" + name + ">"
    }

    /// Writes a list reference aggregate (`<CustomerRef><ListID>…</ListID></CustomerRef>`), checking
    /// the ListID against IDTYPE's 36 characters and a FullName against the ref's own maximum.
    public mutating func ref(_ name: String, _ selector: RefSelector, fullNameMaxLength: Int) throws(QBXMLError) {
        try open(name)
        switch selector {
        case .listID(let id): try element("ListID", id.rawValue, maxLength: QBXMLLimits.id)
        case .fullName(let fullName): try element("FullName", fullName, maxLength: fullNameMaxLength)
        }
        close()
    }

    /// Appends XML that was already checked (a validated raw request).
    mutating func appendChecked(_ fragment: String) {
        xml += fragment
    }
}

/// Field lengths shared by several builders (docs/qbxml-messages.md, "Shared parts" and "Value formats").
public enum QBXMLLimits {
    /// IDTYPE (ListID, TxnID): 36 characters.
    public static let id = 36
    /// `requestID` attribute: 50 characters (longer gives status 1060).
    public static let requestID = 50
    /// `newMessageSetID` / `oldMessageSetID`: 24 characters (longer gives 9004).
    public static let messageSetID = 24
    /// `IncludeRetElement`: 50 characters.
    public static let includeRetElement = 50
    /// CustomerRef / EntityFilter FullName: 209 characters.
    public static let customerFullName = 209
    /// Account and class refs (ARAccountRef, DepositToAccountRef, DiscountAccountRef, ClassRef …): 159.
    public static let accountFullName = 159
    /// PaymentMethodRef FullName: 31.
    public static let paymentMethodFullName = 31
    /// CurrencyRef / CurrencyFilter FullName: 64.
    public static let currencyFullName = 64
    /// ReceivePayment RefNumber: 20.
    public static let paymentRefNumber = 20
    /// Memo: 4095.
    public static let memo = 4095
    /// EditSequence: 16.
    public static let editSequence = 16
}
