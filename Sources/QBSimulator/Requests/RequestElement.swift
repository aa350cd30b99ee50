import Foundation
import QBXML

/// One element of a qbXML request as the simulated QuickBooks read it: name, attributes, child
/// elements and text.
///
/// Request documents are small (a few kilobytes), so the simulator reads each into this tree with
/// the hardened `XMLStreamReader` and answers from it; tests receive it in `ParsedRequest` to look at
/// what the bridge sent (docs/qbxml-messages.md, "Requests QBBridge sends").
public struct RequestElement: Sendable, Hashable {
    /// The local name, e.g. `AppliedToTxnAdd`.
    public var name: String
    /// The attributes in document order.
    public var attributes: [Attribute]
    /// The child elements in document order.
    public var children: [RequestElement]
    /// The character data directly inside the element (entities decoded).
    public var text: String

    /// One attribute.
    public struct Attribute: Sendable, Hashable {
        /// The qualified name.
        public var name: String
        /// The decoded value.
        public var value: String
    }

    /// An element; used by the parser and by tests that build requests by hand.
    public init(name: String, attributes: [Attribute] = [], children: [RequestElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The value of an attribute, nil when absent.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child with this name.
    public func child(_ name: String) -> RequestElement? {
        children.first { $0.name == name }
    }

    /// Every child with this name, in order.
    public func children(named name: String) -> [RequestElement] {
        children.filter { $0.name == name }
    }

    /// The trimmed text of the first child with this name; nil when the child is absent.
    public func value(_ name: String) -> String? {
        child(name).map { String($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The trimmed text of every child with this name.
    public func values(_ name: String) -> [String] {
        children(named: name).map { String($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The element written back as XML (attributes and text escaped); used to re-validate a document
    /// after unknown requests were set aside.
    public var xml: String {
        var out = "<\(name)"
        for attribute in attributes {
            out += " \(attribute.name)=\"\(XMLEscaping.escapeAttribute(attribute.value))\""
        }
        if children.isEmpty && text.isEmpty { return out + "/>" }
        out += ">" + XMLEscaping.escapeText(text)
        for child in children { out += child.xml }
        return out + "</\(name)>"
    }
}

extension RequestElement {
    /// Reads a whole document into its root element.
    static func parse(_ document: String) throws(XMLReadError) -> RequestElement {
        let reader = try XMLStreamReader(string: document, maxDepth: 64)
        var stack: [RequestElement] = []
        var root: RequestElement?
        while let kind = try reader.next() {
            switch kind {
            case .startElement:
                let attributes = reader.attributes()
                    .filter { !$0.name.hasPrefix("xmlns") }
                    .map { Attribute(name: $0.name, value: $0.value) }
                let element = RequestElement(name: reader.localName, attributes: attributes)
                if reader.isEmptyElement {
                    attach(element, to: &stack, root: &root)
                } else {
                    stack.append(element)
                }
            case .endElement:
                guard let finished = stack.popLast() else { continue }
                attach(finished, to: &stack, root: &root)
            case .text:
                guard !stack.isEmpty else { continue }
                stack[stack.count - 1].text += reader.text
            }
        }
        guard let root else {
            throw XMLReadError(kind: .empty, message: "the document has no root element", line: 0, column: 0)
        }
        return root
    }

    private static func attach(_ element: RequestElement, to stack: inout [RequestElement], root: inout RequestElement?) {
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
