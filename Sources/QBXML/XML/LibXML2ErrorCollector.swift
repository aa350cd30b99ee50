import CLibXML2

/// Receives libxml2's structured errors for one reader, so that nothing is printed to stderr and the
/// first fatal problem can be reported with its line and column.
///
/// Schema validity errors (libxml2 domain `XML_FROM_SCHEMASV`) are kept apart from
/// well-formedness errors: they do not stop reading, they make validation fail at the end.
final class LibXML2ErrorCollector {
    /// One diagnostic as libxml2 reported it.
    struct Diagnostic {
        var message: String
        var line: Int
        var column: Int
        var domain: Int32
        var code: Int32
    }

    /// The first error (level ERROR or FATAL) that makes the document unreadable.
    private(set) var firstError: Diagnostic?
    /// Schema validity errors, in document order (capped, a broken document can produce thousands).
    private(set) var validityErrors: [Diagnostic] = []
    /// True once `firstError` is set; read after every libxml2 call on the hot path.
    @exclusivity(unchecked) private(set) var hasError = false

    private static let validityErrorCap = 20

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }   // warnings are not failures
        let diagnostic = Diagnostic(
            message: Self.message(of: error),
            line: Int(error.line),
            column: Int(error.int2),
            domain: Int32(error.domain),
            code: Int32(error.code)
        )
        if diagnostic.domain == Int32(XML_FROM_SCHEMASV.rawValue) || diagnostic.domain == Int32(XML_FROM_VALID.rawValue) {
            if validityErrors.count < Self.validityErrorCap { validityErrors.append(diagnostic) }
            return
        }
        if firstError == nil {
            firstError = diagnostic
            hasError = true
        }
    }

    private static func message(of error: xmlError) -> String {
        guard let text = error.message else { return "libxml2 error \(error.code)" }
        var message = String(cString: text)
        while let last = message.last, last.isWhitespace { message.removeLast() }
        return message
    }

    /// The C callback handed to libxml2; `context` is an unretained pointer to the collector,
    /// which the reader owning it keeps alive longer than the libxml2 reader.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<LibXML2ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    /// The context pointer to pass along with `callback`.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }
}
