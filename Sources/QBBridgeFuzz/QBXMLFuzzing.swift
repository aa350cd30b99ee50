import QBXML

/// Feeds one input, as QuickBooks' answer or as an upstream raw request, to every qbXML reader that
/// takes text from outside: the streaming response reader (from bytes, honouring the declared
/// encoding, and from a string), the HCP reader and the raw request checker. Errors are expected;
/// only a crash, a hang or a leak is a finding.
enum QBXMLFuzzing {
    static func run(_ bytes: [UInt8]) {
        if let reader = try? QBXMLResponseReader(bytes: bytes) { drain(reader) }
        let text = String(decoding: bytes, as: UTF8.self)
        if let reader = try? QBXMLResponseReader(string: text) { drain(reader) }
        _ = try? HCPResponse(parsing: text)
        _ = try? RawQBXMLRequest(xml: text, requestID: "fuzz-1")
        _ = try? RawQBXMLRequest.requests(fromDocument: text)
    }

    /// Reads every event; the reader must end (nil or an error) in a bounded number of steps.
    private static func drain(_ reader: QBXMLResponseReader) {
        var events = 0
        do {
            while try reader.next() != nil {
                events += 1
                precondition(events < 1_000_000, "the response reader did not terminate")
            }
        } catch {}
    }
}
