import CLibXML2

/// Process-wide libxml2 set-up, done once before the first reader or schema is created.
///
/// - `xmlInitParser()` must run before libxml2 is used from several threads.
/// - The external entity loader is replaced by one that refuses every URL. QBXML is the only module
///   that touches libxml2 (docs/style.md, "Modules"), and none of its documents may load anything: this
///   is the last line of defence behind `XML_PARSE_NONET` and the DOCTYPE ban, so that even a bug
///   elsewhere cannot make libxml2 open a file or a socket for an entity or a DTD.
///   (Opening the file given to `xmlReaderForFile` does not go through the entity loader.)
enum LibXML2 {
    /// Parser options for every document: no network, and nothing that loads a DTD or substitutes
    /// entities (no `NOENT`, `DTDLOAD`, `DTDATTR`, `HUGE`). `COMPACT` stores short text inside the
    /// node (fewer allocations; QBBridge never edits the tree) and `BIG_LINES` keeps line numbers
    /// right past 65,535 in large responses. These are also what `xmllint` uses by default.
    static let parseOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// `parseOptions`, plus `XML_PARSE_NOBLANKS` when blank text between elements may be dropped.
    static func options(dropBlankText: Bool, hugeText: Bool = false) -> Int32 {
        var options = parseOptions
        if dropBlankText { options |= Int32(bitPattern: XML_PARSE_NOBLANKS.rawValue) }
        if hugeText { options |= Int32(bitPattern: XML_PARSE_HUGE.rawValue) }
        return options
    }

    private static let initialization: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        qbb_silenceGenericErrors()
    }()

    /// Runs the one-time set-up (cheap after the first call).
    static func ensureInitialized() {
        _ = initialization
    }
}
