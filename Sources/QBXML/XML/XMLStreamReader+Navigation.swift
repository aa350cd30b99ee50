import CLibXML2

extension XMLStreamReader {
    /// At a start tag: all the text inside the element, descendants included, with the reader left
    /// on the element's end tag (or on the empty element itself). Whitespace inside is kept.
    /// At a text node: that node's text. Elsewhere: "".
    public func readText() throws(XMLReadError) -> String {
        if XMLNodeType.isText(nodeType) { return text }
        guard nodeType == XMLNodeType.element else { return "" }
        if xmlTextReaderIsEmptyElement(handle) == 1 { return "" }
        let startDepth = xmlTextReaderDepth(handle)
        var result: String?
        while let type = try advanceRaw() {
            if XMLNodeType.isText(type) {
                if let value = xmlTextReaderConstValue(handle) {
                    let piece = String(cString: value)
                    if result == nil { result = piece } else { result? += piece }
                }
            } else if type == XMLNodeType.endElement, xmlTextReaderDepth(handle) == startDepth {
                return result ?? ""
            }
        }
        return result ?? ""
    }

    /// At a start tag: moves past the element's matching end tag, so the following `next()` returns
    /// whatever follows the element. Does nothing elsewhere or on an empty element.
    public func skipElement() throws(XMLReadError) {
        guard nodeType == XMLNodeType.element, xmlTextReaderIsEmptyElement(handle) != 1 else { return }
        let startDepth = xmlTextReaderDepth(handle)
        while let type = try advanceRaw() {
            if type == XMLNodeType.endElement, xmlTextReaderDepth(handle) == startDepth { return }
        }
    }

    /// The attributes of the current element in document order, as (qualified name, value);
    /// namespace declarations included. Empty when not on a start tag.
    public func attributes() -> [(name: String, value: String)] {
        guard nodeType == XMLNodeType.element, xmlTextReaderHasAttributes(handle) == 1 else { return [] }
        var result: [(name: String, value: String)] = []
        while xmlTextReaderMoveToNextAttribute(handle) == 1 {
            let name = xmlTextReaderConstName(handle).map { String(cString: $0) } ?? ""
            let value = xmlTextReaderConstValue(handle).map { String(cString: $0) } ?? ""
            result.append((name, value))
        }
        xmlTextReaderMoveToElement(handle)
        return result
    }

    /// The qualified name of the current element (`prefix:local` or `local`), "" on other nodes.
    public var qualifiedName: String {
        guard nodeType == XMLNodeType.element || nodeType == XMLNodeType.endElement,
              let name = xmlTextReaderConstName(handle) else { return "" }
        return String(cString: name)
    }
}
