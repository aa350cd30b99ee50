import Foundation
import Hummingbird

/// The first file of a `multipart/form-data` body, as a stream of chunks: the web UI's log upload reads
/// its file through this without ever holding the body (issue 23: logs reach tens of MB and memory stays
/// flat). Parts before the file (none in QBBridge's own forms) are skipped; so is everything after it.
///
/// Why by hand: Hummingbird has no streaming multipart reader, and the one part QBBridge needs is simple:
/// find the boundary, skip the part headers, pass the bytes on up to the next boundary.
struct MultipartFile<Base: AsyncSequence & Sendable>: AsyncSequence where Base.Element == ByteBuffer {
    typealias Element = [UInt8]

    let base: Base
    /// `--` and the boundary.
    let delimiter: [UInt8]

    /// Reads the file of `base` whose `Content-Type` is `contentType`; nil when it is not multipart with a boundary.
    init?(_ base: Base, contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
        var boundary = contentType[range.upperBound...].split(separator: ";").first.map(String.init) ?? ""
        boundary = boundary.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard !boundary.isEmpty, boundary.count <= 200 else { return nil }
        self.base = base
        self.delimiter = Array("--\(boundary)".utf8)
    }

    /// Why a body could not be read as an upload.
    enum Problem: Error, CustomStringConvertible {
        /// The body ended before a file part.
        case noFile
        /// A part's headers are longer than any browser writes.
        case headersTooLong

        var description: String {
            switch self {
            case .noFile: "The form carried no file. Choose the QWCLog.txt file, then click Read the log."
            case .headersTooLong: "The upload is not a form a browser sends."
            }
        }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let delimiter: [UInt8]
        /// Bytes received and not yet handed on or skipped.
        var buffer: [UInt8] = []
        var state = State.preamble

        enum State { case preamble, headers, skipping, file, done }

        mutating func next() async throws -> [UInt8]? {
            while true {
                switch state {
                case .done:
                    return nil
                case .preamble, .skipping:
                    // Up to and past the next delimiter line.
                    if let index = Self.find(delimiter, in: buffer) {
                        buffer.removeFirst(index + delimiter.count)
                        state = .headers
                        continue
                    }
                    // Keep only what may be the start of a delimiter.
                    if buffer.count > delimiter.count { buffer.removeFirst(buffer.count - delimiter.count) }
                case .headers:
                    if buffer.starts(with: [0x2D, 0x2D]) { state = .done; throw Problem.noFile }
                    if let end = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: buffer) {
                        let headers = String(decoding: buffer[..<end], as: UTF8.self).lowercased()
                        buffer.removeFirst(end + 4)
                        state = headers.contains("filename=") ? .file : .skipping
                        continue
                    }
                    if buffer.count > 16 * 1024 { throw Problem.headersTooLong }
                case .file:
                    let closing = [0x0D, 0x0A] + delimiter
                    if let index = Self.find(closing, in: buffer) {
                        let chunk = Array(buffer[..<index])
                        buffer = []
                        state = .done
                        if !chunk.isEmpty { return chunk }
                        return nil
                    }
                    // Hand on everything but a tail that may be the start of the closing delimiter.
                    let safe = buffer.count - (closing.count - 1)
                    if safe > 0 {
                        let chunk = Array(buffer[..<safe])
                        buffer.removeFirst(safe)
                        return chunk
                    }
                }
                guard let more = try await base.next() else {
                    if state == .file, !buffer.isEmpty {
                        // No closing delimiter: a cut-off upload; the reader sees what arrived.
                        state = .done
                        let rest = buffer
                        buffer = []
                        return rest
                    }
                    if state != .done { state = .done; throw Problem.noFile }
                    return nil
                }
                buffer.append(contentsOf: more.readableBytesView)
            }
        }

        /// The offset of `needle` in `haystack`, or nil.
        static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
            guard let first = needle.first, haystack.count >= needle.count else { return nil }
            var index = 0
            let last = haystack.count - needle.count
            while index <= last {
                guard let hit = haystack[index...last].firstIndex(of: first) else { return nil }
                if haystack[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
                index = hit + 1
            }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), delimiter: delimiter)
    }
}
