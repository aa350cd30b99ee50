import Foundation
import Testing

/// A `qbbridge serve` child process that a test can SIGKILL and start again on the same database.
final class ServerChild: @unchecked Sendable {
    let binary: URL
    let database: String
    private(set) var process: Process?
    private(set) var port = 0

    init(binary: URL, database: String) {
        self.binary = binary
        self.database = database
    }

    /// Starts the server and waits until it reports its port.
    func start() async throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--database", database, "--log-level", "error", "--session-stale-seconds", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { try await Task.sleep(for: .milliseconds(20)); continue }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = Int(text[range].split(separator: ":").last ?? "") {
                self.port = port
                return
            }
        }
        throw ServerChildError.didNotStart(text)
    }

    /// SIGKILL: no graceful shutdown, nothing flushed beyond what was committed.
    func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    enum ServerChildError: Error { case didNotStart(String) }
}
