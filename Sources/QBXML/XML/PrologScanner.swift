/// Looks for a `<!DOCTYPE` in the prolog (the part before the root element) without parsing anything.
///
/// A DOCTYPE can only appear there, and refusing it before libxml2 sees the bytes means no internal
/// subset is ever parsed: no entity declarations (billion laughs), no parameter entities, no external
/// DTD or `SYSTEM "file:///…"` identifier. `XMLStreamReader` also refuses a DOCTYPE node if libxml2
/// reports one (for example in a UTF-16 document this byte scanner cannot read).
enum PrologScanner {
    /// Where a DOCTYPE was found.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// The bytes to scan: as they are for UTF-8 (and ASCII-compatible encodings); for UTF-16
    /// (recognised by its BOM or by a `<` next to a zero byte) the first 64 KB transcoded to UTF-8,
    /// so a DOCTYPE cannot hide behind the encoding.
    static func utf8Prolog(of bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 2 else { return bytes }
        let littleEndian: Bool
        var start = 0
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true; start = 2
        case (0xFE, 0xFF): littleEndian = false; start = 2
        case (0x3C, 0x00): littleEndian = true
        case (0x00, 0x3C): littleEndian = false
        default: return bytes
        }
        let end = min(bytes.count, start + 65_536) & ~1
        var units: [UInt16] = []
        units.reserveCapacity((end - start) / 2)
        var index = start
        while index + 1 < end {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// The position of a `<!DOCTYPE` (any letter case) in the prolog of `bytes`, or nil.
    /// Scanning stops at the first element start tag or at anything that is not prolog syntax.
    static func doctypePosition(in bytes: UnsafeBufferPointer<UInt8>) -> Position? {
        var index = 0
        var line = 1
        var lineStart = 0
        let count = bytes.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }

        func skip(past terminator: [UInt8]) -> Bool {
            while index < count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
                if matches(terminator, at: index) { index += terminator.count; return true }
                index += 1
            }
            return false
        }
        func matches(_ pattern: [UInt8], at position: Int, ignoringCase: Bool = false) -> Bool {
            guard position + pattern.count <= count else { return false }
            for offset in 0..<pattern.count {
                var byte = bytes[position + offset]
                if ignoringCase, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { byte -= 32 }
                if byte != pattern[offset] { return false }
            }
            return true
        }

        while index < count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: "<"):
                if matches(Array("<?".utf8), at: index) {
                    guard skip(past: Array("?>".utf8)) else { return nil }
                } else if matches(Array("<!--".utf8), at: index) {
                    guard skip(past: Array("-->".utf8)) else { return nil }
                } else if matches(Array("<!DOCTYPE".utf8), at: index, ignoringCase: true) {
                    return Position(line: line, column: index - lineStart + 1)
                } else {
                    return nil   // the root element (or garbage libxml2 will report)
                }
            default:
                return nil
            }
        }
        return nil
    }
}
