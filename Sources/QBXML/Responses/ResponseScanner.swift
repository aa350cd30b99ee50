import CLibXML2

/// A cursor over a qbXML response for the record readers: element names come back as `QBElement`
/// by comparing libxml2's interned name pointers (no `String` per element), and only the values a
/// record keeps become Swift strings. This is what keeps the reader near libxml2's own speed on
/// files of hundreds of megabytes (see `ParseBenchmark`).
///
/// Usage pattern of every record reader: `guard let depth = scanner.beginChildren()` at the
/// record's start tag, then `while let child = try scanner.nextChild(depth)`, and for each child
/// either read its value (`string()`, `money()` …) or `skip()` it, so that every child is consumed.
final class ResponseScanner {
    let xml: XMLStreamReader
    private var byPointer = InternedNameTable(capacity: QBElement.allCases.count)
    private let byName: [String: QBElement]
    /// Reused for typed values so that no `String` is made for numbers, dates and flags.
    @exclusivity(unchecked) private var valueBuffer: [UInt8] = []
    /// False if libxml2 turned out not to intern names; lookups then go through strings.
    @exclusivity(unchecked) private var pointersUsable = true
    @exclusivity(unchecked) private var checkedInterning = false

    init(_ xml: XMLStreamReader) {
        self.xml = xml
        var byName: [String: QBElement] = [:]
        for element in QBElement.allCases where element != .unknown {
            byName[element.rawValue] = element
            if let pointer = xmlTextReaderConstString(xml.handle, element.rawValue) {
                byPointer.insert(UnsafeRawPointer(pointer), element)
            }
        }
        self.byName = byName
    }

    /// The current start tag's element (`.unknown` for names the readers do not use).
    var element: QBElement {
        guard let name = xmlTextReaderConstLocalName(xml.handle) else { return .unknown }
        if !checkedInterning { checkInterning(name) }
        if pointersUsable { return byPointer.lookup(UnsafeRawPointer(name)) }
        return byName[String(cString: name)] ?? .unknown
    }

    private func checkInterning(_ name: UnsafePointer<xmlChar>) {
        checkedInterning = true
        pointersUsable = xmlTextReaderConstString(xml.handle, name) == name
    }

    /// The current element's name as a string (for headers and messages).
    var localName: String { xml.localName }

    /// The current node's line.
    var line: Int { xml.line }

    /// At a start tag: its depth, or nil when it is empty (`<a/>`) and so has no children.
    func beginChildren() -> Int32? {
        xmlTextReaderIsEmptyElement(xml.handle) == 1 ? nil : xmlTextReaderDepth(xml.handle)
    }

    /// The next child start tag of the element opened by `beginChildren`, or nil at its end tag.
    /// Relies on every earlier child having been read or skipped completely.
    @inline(__always)
    func nextChild(_ parentDepth: Int32) throws(QBXMLError) -> QBElement? {
        while true {
            let type: Int32?
            do { type = try xml.advanceRaw() } catch { throw .xml(error) }
            guard let type else {
                throw .xml(XMLReadError(kind: .malformed, message: "the document ended inside an element", line: 0, column: 0))
            }
            if type == XMLNodeType.element { return element }
            if type == XMLNodeType.endElement { return nil }
        }
    }

    /// Moves past the current element and everything in it.
    func skip() throws(QBXMLError) {
        do { try xml.skipElement() } catch { throw .xml(error) }
    }

    /// The text of the current leaf element, exactly as written (entities decoded).
    @inline(__always)
    func string() throws(QBXMLError) -> String {
        do { return try xml.readText() } catch { throw .xml(error) }
    }

    /// The text of the current element with surrounding whitespace removed; nil when empty
    /// (qbXML types allow an empty value meaning "none").
    func trimmed() throws(QBXMLError) -> String? {
        guard let range = try readValueBytes() else { return nil }
        return String(decoding: valueBuffer[range], as: UTF8.self)
    }

    /// Copies the current leaf's text into `valueBuffer` (no `String` is made) and returns the
    /// range without surrounding whitespace; nil when the element is empty or blank. Leaves the
    /// reader on the element's end tag.
    private func readValueBytes() throws(QBXMLError) -> Range<Int>? {
        valueBuffer.removeAll(keepingCapacity: true)
        guard xmlTextReaderIsEmptyElement(xml.handle) != 1 else { return nil }
        let startDepth = xmlTextReaderDepth(xml.handle)
        while true {
            let type: Int32?
            do { type = try xml.advanceRaw() } catch { throw .xml(error) }
            guard let type else { break }
            if XMLNodeType.isText(type), let value = xmlTextReaderConstValue(xml.handle) {
                valueBuffer.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
            } else if type == XMLNodeType.endElement, xmlTextReaderDepth(xml.handle) == startDepth {
                break
            }
        }
        var lower = 0
        var upper = valueBuffer.count
        while lower < upper, valueBuffer[lower] <= 0x20 { lower += 1 }
        while upper > lower, valueBuffer[upper - 1] <= 0x20 { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// Parses the current leaf's trimmed bytes; nil when empty, an error naming the element when
    /// `parse` refuses them.
    @inline(__always)
    private func value<T>(expected: String, _ parse: (ArraySlice<UInt8>) -> T?) throws(QBXMLError) -> T? {
        guard let range = try readValueBytes() else { return nil }
        if let value = parse(valueBuffer[range]) { return value }
        throw invalid(String(decoding: valueBuffer[range], as: UTF8.self), expected: expected)
    }

    func invalid(_ value: String, expected: String) -> QBXMLError {
        .invalidResponseValue(element: xml.localName, value: value, expected: expected, line: xml.line)
    }

    /// An AMTTYPE value.
    func money() throws(QBXMLError) -> Money? {
        guard let range = try readValueBytes() else { return nil }
        switch Money.parse(utf8: valueBuffer[range]) {
        case .success(let money): return money
        case .failure(let reason): throw invalid(String(decoding: valueBuffer[range], as: UTF8.self), expected: reason.expectation)
        }
    }

    /// A DATETYPE value.
    func date() throws(QBXMLError) -> QBDate? {
        try value(expected: "a date like 2024-03-31") { QBDate(utf8: $0) }
    }

    /// A DATETIMETYPE value (raw text kept, see `QBDateTime`).
    func dateTime() throws(QBXMLError) -> QBDateTime? {
        try value(expected: "a date-time like 2024-03-31T14:05:00-08:00") { QBDateTime(utf8: $0) }
    }

    /// A BOOLTYPE value (`true`/`false`/`1`/`0`).
    func bool() throws(QBXMLError) -> Bool? {
        try value(expected: "true or false") { bytes -> Bool? in
            if bytes.elementsEqual("true".utf8) || bytes.elementsEqual("1".utf8) { return true }
            if bytes.elementsEqual("false".utf8) || bytes.elementsEqual("0".utf8) { return false }
            return nil
        }
    }

    /// An INTTYPE value.
    func int() throws(QBXMLError) -> Int? {
        try value(expected: "a whole number") { Int(String(decoding: $0, as: UTF8.self)) }
    }

    /// A QUANTYPE / PRICETYPE / PERCENTTYPE value.
    func decimal() throws(QBXMLError) -> QBDecimal? {
        try value(expected: "a decimal number like 12.5 (at most 5 decimals)") { QBDecimal(utf8: $0) }
    }

    /// A text value, nil when empty.
    func optionalString() throws(QBXMLError) -> String? {
        let text = try string()
        return text.isEmpty ? nil : text
    }

    /// A reference aggregate (`ListID`, `FullName`).
    func ref() throws(QBXMLError) -> ListRef {
        var ref = ListRef()
        guard let depth = beginChildren() else { return ref }
        while let child = try nextChild(depth) {
            switch child {
            case .listID: ref.listID = try optionalString().map { ListID($0) }
            case .fullName: ref.fullName = try optionalString()
            default: try skip()
            }
        }
        return ref
    }
}
