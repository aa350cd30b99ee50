/// Reads a qbXML response document as a stream of events (docs/qbxml-messages.md, "Responses QBBridge reads"), in flat memory:
/// one record at a time is built, never the whole tree, so a 100 MB `InvoiceQueryRs` page costs
/// no more memory than a small one.
///
/// Tolerant where QuickBooks output varies, strict where data would be lost:
/// - unknown elements (and unknown `…Ret` kinds such as `SalesOrderRet`) are skipped;
/// - children may come in any order;
/// - the root may be `QBXML`, `QBXMLMsgsRs`, or a bare `…Rs` element (a fragment);
/// - the status attributes are read from each `…Rs` element, and the `QBXMLMsgsRs` attributes
///   (`messageSetStatusCode`, `newMessageSetID`) are exposed once read;
/// - a malformed or truncated document, a value that is not of its qbXML type, or a `…Rs`
///   without `statusCode` is an error naming the element and the line.
///
/// Not `Sendable`: one task reads one document.
public final class QBXMLResponseReader {
    private let scanner: ResponseScanner
    private var state: State = .start

    /// `QBXMLMsgsRs@messageSetStatusCode`, set once the reader has passed that element (error
    /// recovery: 600, 9001 …; read but not used, see docs/qbxml-messages.md, "Envelope and attributes").
    public private(set) var messageSetStatusCode: Int?
    /// `QBXMLMsgsRs@newMessageSetID`, when present.
    public private(set) var newMessageSetID: String?

    private enum State {
        case start
        case messages(depth: Int32)
        case response(QBXMLResponseHeader, depth: Int32, deleted: TxnDeleted, parent: Int32?)
        case pendingEnd(QBXMLResponseHeader, parent: Int32?)
        case finishing
        case done
    }

    /// Reads a document from bytes (copied; encoding from the XML declaration, UTF-8 by default).
    public init(bytes: [UInt8]) throws(QBXMLError) {
        do {
            scanner = ResponseScanner(try XMLStreamReader(memory: bytes, encoding: nil, maxDepth: 256, dropBlankText: true))
        } catch {
            throw .xml(error)
        }
    }

    /// Reads a document held in a string (read as UTF-8 whatever its declaration says).
    public convenience init(string: String) throws(QBXMLError) {
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(memory: Array(string.utf8), encoding: "UTF-8", maxDepth: 256, dropBlankText: true)
        } catch {
            throw .xml(error)
        }
        self.init(reader: reader)
    }

    /// Streams a document from a file with constant memory; nothing the file refers to is loaded.
    public init(contentsOfFile path: String) throws(QBXMLError) {
        do {
            scanner = ResponseScanner(try XMLStreamReader(file: path, maxDepth: 256, dropBlankText: true))
        } catch {
            throw .xml(error)
        }
    }

    private init(reader: XMLStreamReader) {
        scanner = ResponseScanner(reader)
    }

    /// The next event, or nil once the whole document has been read (and found well-formed).
    public func next() throws(QBXMLError) -> QBXMLResponseEvent? {
        while true {
            switch state {
            case .start:
                if let event = try readRoot() { return event }
            case .messages(let depth):
                guard try scanner.nextChild(depth) != nil else { state = .finishing; continue }
                let name = scanner.localName
                if name.hasSuffix("Rs") { return try startResponse(name, parent: depth) }
                try scanner.skip()
            case .response(let header, let depth, var deleted, let parent):
                if let event = try readInResponse(header, depth: depth, deleted: &deleted, parent: parent) { return event }
            case .pendingEnd(let header, let parent):
                state = parent.map { .messages(depth: $0) } ?? .finishing
                return .responseEnd(header)
            case .finishing:
                do { while try scanner.xml.advanceRaw() != nil {} } catch { throw .xml(error) }
                state = .done
            case .done:
                return nil
            }
        }
    }

    private func readRoot() throws(QBXMLError) -> QBXMLResponseEvent? {
        let first: XMLNodeKind?
        do { first = try scanner.xml.next() } catch { throw .xml(error) }
        guard first == .startElement else {
            throw .xml(XMLReadError(kind: .empty, message: "the document has no root element", line: 0, column: 0))
        }
        switch scanner.element {
        case .qbxml:
            state = .finishing
            guard let depth = scanner.beginChildren() else { return nil }
            while let child = try scanner.nextChild(depth) {
                if child == .qbxmlMsgsRs { try enterMessages(); return nil }
                try scanner.skip()   // SignonMsgsRs and the like
            }
            return nil
        case .qbxmlMsgsRs:
            try enterMessages()
            return nil
        default:
            let name = scanner.localName
            guard name.hasSuffix("Rs") else {
                throw .unexpectedElement(found: name, expected: "<QBXML>, <QBXMLMsgsRs> or a …Rs element", line: scanner.line)
            }
            return try startResponse(name, parent: nil)
        }
    }

    private func enterMessages() throws(QBXMLError) {
        if let code = scanner.xml.attribute("messageSetStatusCode") {
            guard let value = Int(code.trimmingWhitespace()) else {
                throw .invalidResponseValue(element: "QBXMLMsgsRs@messageSetStatusCode", value: code,
                                            expected: "a whole number", line: scanner.line)
            }
            messageSetStatusCode = value
        }
        newMessageSetID = scanner.xml.attribute("newMessageSetID")
        state = scanner.beginChildren().map { .messages(depth: $0) } ?? .finishing
    }

    private func startResponse(_ name: String, parent: Int32?) throws(QBXMLError) -> QBXMLResponseEvent {
        let header = try readHeader(name)
        if let depth = scanner.beginChildren() {
            state = .response(header, depth: depth, deleted: TxnDeleted(), parent: parent)
        } else {
            state = .pendingEnd(header, parent: parent)
        }
        return .responseStart(header)
    }

    private func readHeader(_ name: String) throws(QBXMLError) -> QBXMLResponseHeader {
        let line = scanner.line
        func integer(_ attribute: String) throws(QBXMLError) -> Int? {
            guard let text = scanner.xml.attribute(attribute) else { return nil }
            guard let value = Int(text.trimmingWhitespace()) else {
                throw .invalidResponseValue(element: "\(name)@\(attribute)", value: text, expected: "a whole number", line: line)
            }
            return value
        }
        guard let code = try integer("statusCode") else { throw .missingStatusCode(response: name, line: line) }
        let severity = scanner.xml.attribute("statusSeverity") ?? QBXMLStatus.severity(forCode: code)
        let status = QBXMLStatus(code: code, severity: severity, message: scanner.xml.attribute("statusMessage") ?? "")
        return QBXMLResponseHeader(
            name: name, requestID: scanner.xml.attribute("requestID"), status: status,
            retCount: try integer("retCount"), iteratorID: scanner.xml.attribute("iteratorID"),
            iteratorRemainingCount: try integer("iteratorRemainingCount")
        )
    }

    private func readInResponse(_ header: QBXMLResponseHeader, depth: Int32, deleted: inout TxnDeleted,
                                parent: Int32?) throws(QBXMLError) -> QBXMLResponseEvent? {
        defer {
            if case .response = state { state = .response(header, depth: depth, deleted: deleted, parent: parent) }
        }
        guard let child = try scanner.nextChild(depth) else {
            state = .pendingEnd(header, parent: parent)
            return deleted.isEmpty ? nil : .record(.txnDeleted(deleted))
        }
        switch child {
        case .invoiceRet: return .record(.invoice(try Invoice.read(scanner)))
        case .customerRet: return .record(.customer(try Customer.read(scanner)))
        case .creditMemoRet: return .record(.creditMemo(try CreditMemo.read(scanner)))
        case .receivePaymentRet: return .record(.receivePayment(try ReceivePayment.read(scanner)))
        case .hostRet: return .record(.host(try HostInfo.read(scanner)))
        case .companyRet: return .record(.company(try CompanyInfo.read(scanner)))
        case .preferencesRet: return .record(.preferences(try PreferencesInfo.read(scanner)))
        case .errorRecovery: return .record(.errorRecovery(try ErrorRecovery.read(scanner)))
        case .txnDelType where header.name == "TxnDelRs": deleted.type = try scanner.optionalString()
        case .txnID where header.name == "TxnDelRs": deleted.txnID = try scanner.optionalString().map { TxnID($0) }
        case .timeDeleted where header.name == "TxnDelRs": deleted.timeDeleted = try scanner.dateTime()
        case .refNumber where header.name == "TxnDelRs": deleted.refNumber = try scanner.optionalString()
        default: try scanner.skip()
        }
        return nil
    }
}

extension QBXMLResponseReader {
    /// Reads a whole (small) document into one `QBXMLResponse` per `…Rs`, in document order.
    public static func readAll(_ xml: String) throws(QBXMLError) -> [QBXMLResponse] {
        let reader = try QBXMLResponseReader(string: xml)
        var responses: [QBXMLResponse] = []
        var current: QBXMLResponse?
        while let event = try reader.next() {
            switch event {
            case .responseStart(let header): current = QBXMLResponse(header: header, records: [])
            case .record(let record): current?.records.append(record)
            case .responseEnd:
                if let current { responses.append(current) }
                current = nil
            }
        }
        return responses
    }
}
