import ArgumentParser
import Foundation
import Logging
import Server
import Domain
import Store

/// `--database`, shared by every command that touches the store. Falls back to `QBBRIDGE_DATABASE`,
/// then to `qbbridge.sqlite` in the working directory.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite file path or postgres://user:pass@host:5432/db URL (env QBBRIDGE_DATABASE; default qbbridge.sqlite).", valueName: "path-or-url"))
    var database: String?

    func location() throws -> DatabaseLocation {
        let text = database ?? Environment.value("QBBRIDGE_DATABASE") ?? "qbbridge.sqlite"
        do { return try DatabaseLocation(text) } catch { throw ValidationError(error.description) }
    }
}

/// `--log-level`, falling back to `QBBRIDGE_LOG_LEVEL`.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (env QBBRIDGE_LOG_LEVEL; default info).")
    var logLevel: String?

    func makeLogger(label: String = "qbbridge") throws -> Logger {
        let text = logLevel ?? Environment.value("QBBRIDGE_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("--log-level \(text) is not one of trace, debug, info, notice, warning, error, critical.")
        }
        LoggingBootstrap.once()
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// The one place commands read the environment (docs/style.md, "Configuration and lifecycle": nothing deeper does).
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Logs go to standard error, so that a command's standard output stays clean (`qbbridge qwc X > file.qwc`).
enum LoggingBootstrap {
    private static let done: Void = {
        // The provider tags every line written during a request with its id (RequestMetadata).
        LoggingSystem.bootstrap({ label, provider in StreamLogHandler.standardError(label: label, metadataProvider: provider) },
                                metadataProvider: RequestMetadata.provider)
    }()

    static func once() {
        _ = done
    }
}
