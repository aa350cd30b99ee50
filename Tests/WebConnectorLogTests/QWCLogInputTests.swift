import Foundation
import QBBridgeTesting
import Testing
import WebConnectorLog

/// No secret from the log reaches the report, and hostile uploads get a clear error instead of a crash or
/// an allocation the size of the upload.
@Suite("Web Connector log: secrets and hostile input", .tagFilter)
struct QWCLogInputTests {
    @Test("no ticket or password written in any fixture appears anywhere in its report")
    func noSecretInAnyReport() throws {
        let encoder = JSONEncoder()
        for name in QWCLogFixture.all {
            let json = String(decoding: try encoder.encode(try QWCLogFixture.report(name)), as: UTF8.self)
            for secret in QWCLogFixture.secrets {
                #expect(!json.contains(secret), "\(name) leaks \(secret)")
            }
        }
    }

    @Test("redaction removes ticket and password values in the forms a log writes them", arguments: [
        "<wcTicket=\"abc-123\">", "ticket=abc-123", "<authRet[0]=\"abc-123\">", "<password=\"abc-123\">",
        "<ticket>abc-123</ticket>", "strPassword='abc-123'", "Password: abc-123", "<ticket>abc-123",
    ])
    func redaction(_ text: String) {
        let redacted = Redaction.redact("before " + text + " after")
        #expect(!redacted.contains("abc-123"), "\(redacted)")
        #expect(redacted.hasPrefix("before "))
        #expect(Redaction.holdsSecret(text))
    }

    @Test("a binary file is refused as not text")
    func binary() {
        var bytes: [UInt8] = Array("20261201.09:00:00 UTC\t: QBWebConnector.X.y() : start\n".utf8)
        bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(throws: QWCLogError.binary) { try QWCLogFixture.read(bytes) }
        // A QWCLog.txt saved as UTF-16 is full of NUL bytes.
        let utf16 = [UInt8](("20261201.09:00:00 UTC\t: QBWebConnector.X.y() : start\r\n").data(using: .utf16LittleEndian) ?? Data())
        #expect(throws: QWCLogError.binary) { try QWCLogFixture.read(utf16) }
    }

    @Test("a file over the limit stops being read at the limit, with the limit in the message")
    func tooLarge() throws {
        var reader = QWCLogReader(maximumBytes: 1024 * 1024)
        let line = Array("20261201.09:00:00 UTC\t: QBWebConnector.X.y() : a line of the log\r\n".utf8)
        let chunk = [UInt8]((0..<1000).flatMap { _ in line })
        var fed = 0
        let error = #expect(throws: QWCLogError.self) {
            // 200 MB offered; the reader refuses as soon as it passes 1 MiB.
            while fed < 200 * 1024 * 1024 {
                try reader.consume(chunk)
                fed += chunk.count
            }
        }
        #expect(error == .tooLarge(limit: 1024 * 1024))
        #expect(fed < 2 * 1024 * 1024)
        #expect(error?.description.contains("larger than 1 MiB") == true)
    }

    @Test("a 10 MB line is an error as soon as it passes the line limit, not a 10 MB allocation")
    func longLine() throws {
        var reader = QWCLogReader()
        let header = Array("20261201.09:00:00 UTC\t: QBWebConnector.X.y() : start\r\n".utf8)
        try reader.consume(header)
        let block = [UInt8](repeating: 0x41, count: 64 * 1024)
        var fed = 0
        let error = #expect(throws: QWCLogError.self) {
            while fed < 10 * 1024 * 1024 {
                try reader.consume(block)
                fed += block.count
            }
        }
        #expect(error == .lineTooLong(line: 2, limit: QWCLogReader.defaultMaximumLineBytes))
        #expect(fed <= QWCLogReader.defaultMaximumLineBytes + block.count)
    }

    @Test("invalid UTF-8 names the line")
    func invalidUTF8() {
        let bytes = Array("20261201.09:00:00 UTC\t: QBWebConnector.X.y() : start\r\n".utf8) + [0x41, 0xC3, 0x28, 0xFF, 0x0D, 0x0A]
        #expect(throws: QWCLogError.invalidText(line: 2)) { try QWCLogFixture.read(bytes) }
    }

    @Test("text that is not a Web Connector log, and an empty file, are refused with where to find QWCLog.txt")
    func notALog() {
        let text = Array(String(repeating: "Dear customer, here is the invoice you asked for.\n", count: 50).utf8)
        let error = #expect(throws: QWCLogError.self) { try QWCLogFixture.read(text) }
        #expect(error == .notAWebConnectorLog)
        #expect(error?.description.contains("View Logs") == true)
        #expect(throws: QWCLogError.empty) { try QWCLogFixture.read([]) }
    }

    @Test("a UTF-8 byte order mark and a last line without a line break are read")
    func byteOrderMarkAndLastLine() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("20261201.09:00:00 UTC\t: QBWebConnector.WebServiceManager.DoUpdateSelected() : updateWS() for application = 'A' has STARTED\r\n20261201.09:00:01 UTC\t: QBWebConnector.WebServiceManager.DoUpdateSelected() : Update completed successfully.".utf8)
        let report = try QWCLogFixture.read(bytes)
        #expect(report.runs.count == 1)
        #expect(report.runs.first?.application == "A")
        #expect(report.runs.first?.outcome == .completed)
    }
}
