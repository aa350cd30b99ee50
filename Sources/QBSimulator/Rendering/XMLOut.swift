import QBXML

/// Writes response XML the way QuickBooks does: one element per line, escaped text, and
/// `IncludeRetElement` honoured by leaving out the `…Ret` children that were not asked for
/// (docs/qbxml-messages.md, "Shared parts", query tail: names are matched on the Ret's direct children).
struct XMLOut {
    private(set) var text = ""
    private var depth = 0
    private var filter: Set<String>?
    private var filterDepth = -1
    private var skippingFrom: Int?

    /// Opens an element.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        if skippingFrom != nil || excluded(name) {
            if skippingFrom == nil { skippingFrom = depth }
            depth += 1
            return
        }
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(XMLEscaping.escapeAttribute(value))\"" }
        text += ">\n"
        depth += 1
    }

    /// Opens a `…Ret` whose direct children are limited to `includeOnly` (nil or empty: all).
    mutating func openRet(_ name: String, includeOnly: [String]) {
        open(name)
        if !includeOnly.isEmpty, skippingFrom == nil {
            filter = Set(includeOnly)
            filterDepth = depth
        }
    }

    /// Closes the innermost open element.
    mutating func close(_ name: String) {
        depth -= 1
        if let start = skippingFrom {
            if start == depth { skippingFrom = nil }
            return
        }
        text += "</\(name)>\n"
        if depth == filterDepth - 1 {
            filter = nil
            filterDepth = -1
        }
    }

    /// `<name>value</name>` (escaped); nothing for nil.
    mutating func leaf(_ name: String, _ value: String?) {
        guard let value, skippingFrom == nil, !excluded(name) else { return }
        text += "<\(name)>\(XMLEscaping.escapeText(value))</\(name)>\n"
    }

    /// An amount with two decimals.
    mutating func leaf(_ name: String, _ value: Money?) {
        leaf(name, value?.description)
    }

    /// `true` / `false`.
    mutating func leaf(_ name: String, _ value: Bool?) {
        leaf(name, value.map { $0 ? "true" : "false" })
    }

    /// A `YYYY-MM-DD` date.
    mutating func leaf(_ name: String, _ value: QBDate?) {
        leaf(name, value?.description)
    }

    /// A reference aggregate (`ListID`, `FullName`); nothing when both are nil.
    mutating func ref(_ name: String, listID: String?, fullName: String?) {
        guard listID != nil || fullName != nil else { return }
        open(name)
        leaf("ListID", listID)
        leaf("FullName", fullName)
        close(name)
    }

    /// Raw, already well-formed XML (a rendered Ret).
    mutating func raw(_ xml: String) {
        guard skippingFrom == nil else { return }
        text += xml
    }

    private func excluded(_ name: String) -> Bool {
        guard let filter, depth == filterDepth else { return false }
        return !filter.contains(name)
    }
}
