import Foundation
import Testing
import QBBridgeTesting

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
        let (port, printed) = try await CLI.listeningPort(of: process, output: output)
        guard let port else { throw ServerChildError.didNotStart(printed) }
        self.port = port
    }

    /// SIGKILL: no graceful shutdown, nothing flushed beyond what was committed.
    func kill() async throws {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        try await CLI.waitForExit(process)
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    enum ServerChildError: Error { case didNotStart(String) }
}
