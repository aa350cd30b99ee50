import Foundation

/// Makes a QuickBooks or Web Connector message comparable: entities decoded, spacing collapsed.
///
/// Messages arrive escaped once (`&quot;` inside qbXML), twice (`&amp;quot;` inside a SOAP
/// `receiveResponseXML`), sometimes with a stray space (`&quot ;`, sample #6), with two spaces
/// between sentences and a trailing space (docs/failure-catalogue.md, "Reading status messages"). Matching runs on the result.
enum MessageNormalizer {
    /// Named entities QuickBooks and SOAP escaping produce.
    private static let namedEntities: [String: String] = [
        "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ",
    ]

    /// Decodes entities (repeatedly, for double escaping), collapses whitespace runs to one
    /// space and trims.
    static func normalize(_ raw: String) -> String {
        decode(raw).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Decodes entities and turns every whitespace character into a plain space, but keeps runs
    /// of spaces: names such as "11161023 - Jasmine  desai" (sample #23) are spelled that way
    /// in QuickBooks, and a bookkeeper searching for them needs the exact spelling.
    static func decode(_ raw: String) -> String {
        var text = raw
        for _ in 0..<3 {
            let decoded = decodeEntities(text)
            if decoded == text { break }
            text = decoded
        }
        return String(text.map { $0.isWhitespace ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// Finds `collapsed` (a piece of the normalized text) in `decoded` and returns it with its
    /// original spacing; a single space in `collapsed` stands for one or more spaces.
    static func originalSpacing(of collapsed: String, in decoded: String) -> String {
        let original = Array(decoded)
        let wanted = Array(collapsed)
        guard !wanted.isEmpty else { return collapsed }
        for start in original.indices {
            var index = start
            var matched = 0
            while matched < wanted.count, index < original.count {
                if wanted[matched] == " " {
                    guard original[index] == " " else { break }
                    while index < original.count, original[index] == " " { index += 1 }
                } else {
                    guard original[index] == wanted[matched] else { break }
                    index += 1
                }
                matched += 1
            }
            if matched == wanted.count { return String(original[start..<index]) }
        }
        return collapsed
    }

    /// One pass of entity decoding; unknown or malformed entities stay as they are.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            if let (replacement, end) = entity(in: rest[afterAmpersand...]) {
                output += replacement
                rest = rest[end...]
            } else {
                output += "&"
                rest = rest[afterAmpersand...]
            }
        }
        output += rest
        return output
    }

    /// Reads `name;`, `name ;`, `#34;` or `#x22;` at the start of `text`.
    private static func entity(in text: Substring) -> (String, Substring.Index)? {
        let name = text.prefix(while: { $0.isLetter || $0.isNumber || $0 == "#" })
        guard !name.isEmpty, name.count <= 10 else { return nil }
        var index = name.endIndex
        while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
        guard index < text.endIndex, text[index] == ";" else { return nil }
        let end = text.index(after: index)
        if let named = namedEntities[name.lowercased()] { return (named, end) }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let scalarValue = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let scalarValue, let scalar = Unicode.Scalar(scalarValue) else { return nil }
        return (String(Character(scalar)), end)
    }
}
