import Bridge
public import Foundation
public import Hummingbird
public import Server
import Domain
public import Store

/// Runs the built `qbbridge` executable.
public enum CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// `qbbridge` next to the test bundle (SwiftPM builds every product into the same folder).
    public static var binary: URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("qbbridge")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = Repository.root.appendingPathComponent(".build/debug/qbbridge")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    /// Runs `binary` to the end and returns what it printed. The wait happens on a thread of its own (see
    /// `blocking`), so a slow command does not hold one of the cooperative threads the servers under test use.
    public static func run(_ binary: URL, _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil) async throws -> Result {
        try await blocking {
            try runToEnd(binary, arguments, input: input, environment: environment, directory: directory)
        }
    }

    private static func runToEnd(_ binary: URL, _ arguments: [String], input: String?, environment: [String: String],
                                 directory: URL?) throws -> Result {
        let process = Process()
        process.executableURL = binary
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["QBBRIDGE_LOG_LEVEL"] = "error"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    /// Reads a starting `qbbridge serve`'s standard output until it says which port it listens on, on a thread
    /// of its own (reading a pipe blocks). The port is nil when the output closed first: the server exited, or
    /// had not said its port within `seconds` and was stopped.
    public static func listeningPort(of process: Process, output: Pipe, within seconds: Int = 30) async throws -> (port: Int?, printed: String) {
        let watchdog = Task {
            try await Task.sleep(for: .seconds(seconds))
            process.terminate()
        }
        defer { watchdog.cancel() }
        let handle = output.fileHandleForReading
        return try await blocking {
            var text = ""
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return (nil, text) }
                text += String(decoding: chunk, as: UTF8.self)
                if let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression),
                   let port = Int(text[range].split(separator: ":").last ?? "") {
                    return (port, text)
                }
            }
        }
    }

    /// Waits, on a thread of its own, for a child process that was told to stop.
    public static func waitForExit(_ process: Process) async throws {
        try await blocking { process.waitUntilExit() }
    }
}

public enum ServerConfigurationFactory {
    public static func make() -> ServerConfiguration {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.bridge.bcryptCost = 4
        return configuration
    }
}

public enum ServerFactory {
    public static func make(_ configuration: ServerConfiguration, _ store: Store) throws -> some ApplicationProtocol {
        try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: TestDatabase.logger), logger: TestDatabase.logger)
    }
}
