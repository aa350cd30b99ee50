public import Domain
import Foundation

/// Where the store lives: an SQLite file (the embedded default) or a PostgreSQL server shared by several
/// instances (docs/architecture.md, "Storage"). Parsed once from `--database`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file at this path.
    case sqlite(path: String)
    /// A PostgreSQL server.
    case postgres(PostgresLocation)

    /// Reads `--database`: a `postgres://` or `postgresql://` URL selects PostgreSQL, `sqlite://PATH` or a
    /// plain path selects SQLite.
    public init(_ text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidDatabaseLocation(text, reason: "it is empty") }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: trimmed))
        } else if lower.hasPrefix("sqlite://") {
            self = .sqlite(path: String(trimmed.dropFirst("sqlite://".count)))
        } else if lower.contains("://") {
            throw .invalidDatabaseLocation(text, reason: "only postgres:// URLs and SQLite file paths are supported")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// A form safe to print: never the password.
    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let location): "PostgreSQL \(location.username)@\(location.host):\(location.port)/\(location.database)"
        }
    }
}

/// The parts of a PostgreSQL URL.
public struct PostgresLocation: Sendable, Equatable {
    /// Server host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Password, if any.
    public var password: String?
    /// Database name.
    public var database: String
    /// Whether to require TLS (`sslmode=require`/`verify-full`), prefer it (default) or not use it.
    public var tlsMode: String

    /// Parses `postgres://user:pass@host:port/db?sslmode=disable`.
    public init(url text: String) throws(StoreError) {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .invalidDatabaseLocation("postgres://…", reason: "it has no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidDatabaseLocation("postgres://…@\(host)", reason: "it has no user name")
        }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.isEmpty ? (user.removingPercentEncoding ?? user) : database
        self.tlsMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
    }
}
