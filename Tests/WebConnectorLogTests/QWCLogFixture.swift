import Foundation
import QBBridgeTesting
import WebConnectorLog

/// The hand-written logs in `Fixtures/qwclog`, in the form real `QWCLog.txt` files take, and ways to feed
/// them to the reader as an upload arrives: in chunks of any size.
enum QWCLogFixture {
    /// The fixture folder.
    static let folder = "Tests/WebConnectorLogTests/Fixtures/qwclog/"

    /// A fixture's bytes.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.url(folder + name)))
    }

    /// A fixture read by the streaming reader in chunks of `chunkSize` bytes.
    static func report(_ name: String, chunkSize: Int = 4096) throws -> QWCLogReport {
        try read(try bytes(name), chunkSize: chunkSize)
    }

    /// Bytes read by the streaming reader in chunks of `chunkSize` bytes.
    static func read(_ bytes: [UInt8], chunkSize: Int = 4096, maximumBytes: Int = QWCLogReader.defaultMaximumBytes) throws -> QWCLogReport {
        var reader = QWCLogReader(maximumBytes: maximumBytes)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            try reader.consume(bytes[start..<end])
            start = end
        }
        return try reader.finish()
    }

    /// Every fixture's name.
    static var all: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: Repository.url(folder).path).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
    }

    /// The tickets and passwords written into the fixtures: none may appear in a report.
    static let secrets = [
        "3f6c2a9e-51d4-4b7a-9c0e-8d2f1a7b6e40", "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d", "c7d8e9f0-1111-4222-8333-944455566677",
        "9d8c7b6a-5f4e-4d3c-ab2a-1f0e9d8c7b6a", "Hunter2-Plumbing!", "11112222-3333-4444-5555-666677778888",
        "aaaabbbb-cccc-4ddd-8eee-ffff00001111", "bbbbcccc-dddd-4eee-8fff-000011112222", "cccc1111-2222-4333-8444-555566667777",
    ]
}
