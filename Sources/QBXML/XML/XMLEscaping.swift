/// Escaping for text and attribute values written into XML (qbXML requests, SOAP replies, `.qwc` files).
///
/// Characters that XML 1.0 forbids outright (C0 control characters other than tab, line feed and
/// carriage return, U+FFFE and U+FFFF) cannot be written in any form, not even as character
/// references. These functions **drop** them, so their output is always well-formed. Code that must
/// not silently alter data (the qbXML request builders) checks `firstIllegalCharacter(in:)` first
/// and refuses the value, naming the field.
///
/// Carriage returns are written as `&#13;` so that they survive XML's line-end normalisation;
/// in attributes, tab and line feed are written as `&#9;` and `&#10;` for the same reason.
public struct XMLEscaping {
    /// Escapes `&`, `<` and `>` (and `\r`) for element content, dropping characters illegal in XML 1.0.
    public static func escapeText(_ s: String) -> String {
        escape(s, attribute: false)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` (and `\t`, `\n`, `\r`) for an attribute value in either
    /// kind of quotes, dropping characters illegal in XML 1.0.
    public static func escapeAttribute(_ s: String) -> String {
        escape(s, attribute: true)
    }

    /// True if the scalar may appear in an XML 1.0 document (the `Char` production).
    public static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The first scalar of `s` that XML 1.0 forbids, or nil when the whole string can be written.
    public static func firstIllegalCharacter(in s: String) -> Unicode.Scalar? {
        s.unicodeScalars.first { !isLegal($0) }
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        guard s.utf8.contains(where: { needsWork($0, attribute: attribute) }) else { return s }
        // Byte by byte: every character that needs work is ASCII, or U+FFFE/U+FFFF (EF BF BE/BF); a
        // Swift string is valid UTF-8, so other bytes are copied as they are. (Appending scalar by
        // scalar to a String cost a visible share of every sendRequestXML reply.)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 64)
        var bytes = s.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'") where attribute: out.append(contentsOf: "&apos;".utf8)
            case 0x09 where attribute: out.append(contentsOf: "&#9;".utf8)
            case 0x0A where attribute: out.append(contentsOf: "&#10;".utf8)
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20: continue
            case 0xEF:
                // U+FFFE and U+FFFF are dropped; any other three-byte sequence is copied.
                guard let second = bytes.next() else { out.append(byte); continue }
                guard let third = bytes.next() else { out.append(contentsOf: [byte, second]); continue }
                if second == 0xBF, third == 0xBE || third == 0xBF { continue }
                out.append(contentsOf: [byte, second, third])
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cheap byte test: could this UTF-8 byte start something that needs escaping or dropping?
    /// (0xEF starts U+FFFE/U+FFFF; the full check happens per scalar.)
    private static func needsWork(_ byte: UInt8, attribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D, 0xEF: return true
        case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x09, 0x0A: return attribute
        case 0x00..<0x20: return true
        default: return false
        }
    }
}
