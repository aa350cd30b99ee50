/// The few patterns the reader looks for on every line, scanned over UTF-8 bytes by hand: a `Regex` per
/// line made reading a 30 MB log take minutes (see `qbbridge-bench qwclog`).
enum TextScan {
    /// The first `QBWC1` followed by three digits: `QBWC1048`.
    static func qbwcCode(in text: String) -> String? {
        let bytes = Array(text.utf8)
        let prefix: [UInt8] = Array("QBWC1".utf8)
        guard bytes.count >= 8 else { return nil }
        var index = 0
        while index + 8 <= bytes.count {
            if bytes[index] == 0x51, bytes[index..<(index + 5)].elementsEqual(prefix),
               bytes[(index + 5)..<(index + 8)].allSatisfy(isDigit) {
                return String(decoding: bytes[index..<(index + 8)], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// The first `0x8004` followed by four hex digits (either case of the x): an HRESULT of QuickBooks' range.
    static func hresult(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 10 <= bytes.count {
            if bytes[index] == 0x30, bytes[index + 1] | 0x20 == 0x78, bytes[index + 2] == 0x38, bytes[index + 3] == 0x30,
               bytes[index + 4] == 0x30, bytes[index + 5] == 0x34, bytes[(index + 6)..<(index + 10)].allSatisfy(isHex) {
                return String(decoding: bytes[index..<(index + 10)], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// The number after `length`, `=` and optional spaces (`length = 1234`), in lower-cased text.
    static func length(in lowered: String) -> Int? {
        let bytes = Array(lowered.utf8)
        let word: [UInt8] = Array("length".utf8)
        var index = 0
        while index + word.count <= bytes.count {
            if bytes[index] == 0x6C, bytes[index..<(index + word.count)].elementsEqual(word) {
                var cursor = index + word.count
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == 0x3D {
                    cursor += 1
                    while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                    let start = cursor
                    while cursor < bytes.count, cursor - start < 12, isDigit(bytes[cursor]) { cursor += 1 }
                    if cursor > start { return Int(String(decoding: bytes[start..<cursor], as: UTF8.self)) }
                }
            }
            index += 1
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }
}
