import Foundation
import Hummingbird
import Server
import Store

/// Runs the built `qbbridge` executable.
enum CLI {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// `qbbridge` next to the test bundle (SwiftPM builds every product into the same folder).
    static var binary: URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("qbbridge")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = Repository.root.appendingPathComponent(".build/debug/qbbridge")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    static func run(_ binary: URL, _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil) throws -> Result {
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
}

enum ServerConfigurationFactory {
    static func make() -> ServerConfiguration {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.bridge.bcryptCost = 4
        return configuration
    }
}

enum ServerFactory {
    static func make(_ configuration: ServerConfiguration, _ store: Store) throws -> some ApplicationProtocol {
        try BridgeServer.makeApplication(configuration: configuration, store: store, logger: TestDatabase.logger)
    }
}
