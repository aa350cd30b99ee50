import QBXML

/// A tiny element tree built with `XMLStreamReader`, so tests can read rendered requests back.
struct XMLTree: Equatable {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [XMLTree]

    static func parse(_ xml: String) throws -> XMLTree {
        let reader = try XMLStreamReader(string: xml)
        guard try reader.next() == .startElement else { throw XMLReadError(kind: .empty, message: "no root", line: 0, column: 0) }
        return try element(reader)
    }

    private static func element(_ reader: XMLStreamReader) throws -> XMLTree {
        var node = XMLTree(name: reader.localName, attributes: [:], text: "", children: [])
        for attribute in reader.attributes() { node.attributes[attribute.name] = attribute.value }
        if reader.isEmptyElement { return node }
        let depth = reader.depth
        while let kind = try reader.next() {
            switch kind {
            case .startElement: node.children.append(try element(reader))
            case .text: node.text += reader.text
            case .endElement where reader.depth == depth: return node
            case .endElement: continue
            }
        }
        return node
    }

    /// The first descendant at a slash-separated path of element names, e.g. `"ReceivePaymentAdd/Memo"`.
    func at(_ path: String) -> XMLTree? {
        var node: XMLTree? = self
        for component in path.split(separator: "/") {
            node = node?.children.first { $0.name == component }
        }
        return node
    }

    /// The names of the children, in order.
    var childNames: [String] { children.map(\.name) }
}
