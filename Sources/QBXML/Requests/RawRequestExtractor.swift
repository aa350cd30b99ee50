/// Finds the `…Rq` elements of supplied qbXML text and re-serializes them (for `RawQBXMLRequest`).
enum RawRequestExtractor {
    /// One request element: its name, its requestID attribute, and its content as parsed.
    struct Element {
        var name: String
        var requestID: String?
        /// The start tag's other attributes.
        var attributes: [(name: String, value: String)]
        /// Everything between the start and end tags, re-escaped.
        var inner: String
        /// The names of the direct child elements, in order.
        var children: [String] = []

        func serialized(requestID: String) -> String {
            var tag = "<" + name + " requestID=\"" + XMLEscaping.escapeAttribute(requestID) + "\""
            for attribute in attributes {
                tag += " " + attribute.name + "=\"" + XMLEscaping.escapeAttribute(attribute.value) + "\""
            }
            return tag + ">" + inner + "</" + name + ">"
        }
    }

    /// The request elements of a full document (`QBXML/QBXMLMsgsRq/*`) or of a lone `…Rq` element.
    static func elements(in xml: String) throws(QBXMLError) -> [Element] {
        do {
            let reader = try XMLStreamReader(string: xml, maxDepth: 64)
            guard try reader.next() == .startElement else {
                throw QBXMLError.xml(XMLReadError(kind: .empty, message: "no root element", line: 0, column: 0))
            }
            var elements: [Element] = []
            if reader.localName == "QBXML" {
                while let kind = try reader.next() {
                    guard kind == .startElement else { continue }
                    if reader.depth == 1, reader.localName != "QBXMLMsgsRq" {
                        throw QBXMLError.unexpectedElement(found: reader.localName, expected: "<QBXMLMsgsRq>", line: reader.line)
                    }
                    if reader.depth == 2 { elements.append(try element(at: reader)) }
                }
            } else if reader.localName.hasSuffix("Rq") {
                elements.append(try element(at: reader))
                while try reader.next() != nil {}
            } else {
                throw QBXMLError.unexpectedElement(found: reader.localName, expected: "<QBXML> or a …Rq element", line: reader.line)
            }
            return elements
        } catch let error as QBXMLError {
            throw error
        } catch let error as XMLReadError {
            throw .xml(error)
        } catch {
            throw .xml(XMLReadError(kind: .malformed, message: "\(error)", line: 0, column: 0))
        }
    }

    /// Serializes the element at the reader's start tag and leaves the reader on its end.
    private static func element(at reader: XMLStreamReader) throws -> Element {
        let name = reader.qualifiedName
        guard name.hasSuffix("Rq") else {
            throw QBXMLError.unexpectedElement(found: name, expected: "a …Rq request element", line: reader.line)
        }
        var attributes = reader.attributes()
        let requestID = attributes.first { $0.name == "requestID" }?.value
        attributes.removeAll { $0.name == "requestID" }
        var inner = ""
        var children: [String] = []
        if !reader.isEmptyElement {
            let depth = reader.depth
            var open: [String] = []
            while let type = try reader.advanceRaw() {
                switch type {
                case XMLNodeType.element:
                    if open.isEmpty { children.append(reader.qualifiedName) }
                    inner += "<" + reader.qualifiedName
                    for attribute in reader.attributes() {
                        inner += " " + attribute.name + "=\"" + XMLEscaping.escapeAttribute(attribute.value) + "\""
                    }
                    if reader.isEmptyElement {
                        inner += "/>"
                    } else {
                        inner += ">"
                        open.append(reader.qualifiedName)
                    }
                case XMLNodeType.endElement:
                    if reader.depth == depth {
                        return Element(name: name, requestID: requestID, attributes: attributes, inner: inner, children: children)
                    }
                    inner += "</" + (open.popLast() ?? reader.qualifiedName) + ">"
                case _ where XMLNodeType.isText(type):
                    inner += XMLEscaping.escapeText(reader.text)
                default:
                    break
                }
            }
        }
        return Element(name: name, requestID: requestID, attributes: attributes, inner: inner, children: children)
    }
}
