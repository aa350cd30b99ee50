import Foundation

/// A qbXMLRP2 / COM HRESULT, parsed from the many ways it is written.
///
/// QBWC sends `0x80040414`; logs and other apps show `0X80040414`, `80040414` or the signed
/// decimal `-2147220460`. All of them compare equal here and print as `0x80040414`.
struct HResult: Hashable, Sendable, CustomStringConvertible {
    /// The 32-bit value.
    let value: UInt32

    /// Wraps a value.
    init(_ value: UInt32) {
        self.value = value
    }

    /// Parses `0x…`/`0X…` hex, bare 8-digit hex, or signed/unsigned decimal; nil for anything else.
    init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") {
            let digits = trimmed.dropFirst(2)
            guard (1...8).contains(digits.count), let value = UInt32(digits, radix: 16) else { return nil }
            self.value = value
        } else if trimmed.count == 8, let value = UInt32(trimmed, radix: 16) {
            // Eight hex digits without a prefix is how logs print HRESULTs ("80040414"); an
            // eight-digit decimal HRESULT would be a positive non-error code, which QBWC never sends.
            self.value = value
        } else if let signed = Int32(trimmed) {
            self.value = UInt32(bitPattern: signed)
        } else if let unsigned = UInt32(trimmed) {
            self.value = unsigned
        } else {
            return nil
        }
    }

    /// Finds an HRESULT written inside a message, e.g. "QBD Connection Error (0x80040420): …".
    static func firstMention(in text: String) -> HResult? {
        guard let match = text.firstMatch(of: /0[xX]8[0-9A-Fa-f]{7}/) else { return nil }
        return HResult(parsing: String(match.0))
    }

    /// `0x` and eight upper-case hex digits, the form docs/failure-catalogue.md ("HRESULTs") uses.
    var description: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }
}
