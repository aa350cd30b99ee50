/// A Web Connector version such as `2.2.0.71`, compared part by part.
struct ClientVersion: Comparable, Sendable {
    let parts: [Int]

    init?(_ text: String) {
        let pieces = text.trimmingCharacters(in: .whitespaces).split(separator: ".")
        let numbers = pieces.compactMap { Int($0) }
        guard !pieces.isEmpty, numbers.count == pieces.count else { return nil }
        parts = numbers
    }

    static func < (lhs: ClientVersion, rhs: ClientVersion) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : 0
            let right = index < rhs.parts.count ? rhs.parts[index] : 0
            if left != right { return left < right }
        }
        return false
    }
}

import Foundation
