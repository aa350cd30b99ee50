internal import CSQLite
import Synchronization

/// One SQLite connection over the C library, with its prepared statements kept for reuse.
///
/// SQLite compiles every statement before running it, and for the short statements of a Web Connector
/// call compiling cost as much as running (11 % of the server's CPU at 500 Web Connectors, through a driver
/// that prepared every statement afresh). Statements are kept by their SQL text; SQLKit's builders and our
/// SQL text produce the same text for the same statement, with the values bound separately.
///
/// Statements run synchronously on the calling thread. The connection is used by one task at a time (the
/// writer gate, a reader lease); the lock only makes that a guarantee instead of an assumption.
final class SQLiteHandle: Sendable {
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var database: OpaquePointer?
        var statements: [String: OpaquePointer] = [:]
    }

    /// Prepared statements kept at most; statements with `IN (…)` lists of varying length each have their
    /// own text, so the cache is bounded and simply emptied when full.
    static let statementCacheLimit = 256

    /// The oldest SQLite this store works with: `RETURNING` came in 3.35.
    static let minimumVersion: Int32 = 3_035_000

    private init(database: sending OpaquePointer) {
        state = Mutex(State(database: database))
    }

    /// Process-wide settings made once, before the first connection initializes the library.
    private static let configured: Bool = {
        qbb_sqlite_disable_memory_statistics() == SQLITE_OK
    }()

    /// Opens (creating if needed) the database file at `path`.
    static func open(path: String) throws(SQLiteFailure) -> SQLiteHandle {
        guard sqlite3_libversion_number() >= minimumVersion else {
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "SQLite \(String(cString: sqlite3_libversion())) is too old: QBBridge needs 3.35 or newer (install a current libsqlite3)", statement: nil)
        }
        _ = configured
        var database: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &database, flags, nil)
        guard status == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(database)
            throw SQLiteFailure(code: status, message: "cannot open the SQLite database at \(path): \(message)", statement: nil)
        }
        sqlite3_extended_result_codes(database, 1)
        return SQLiteHandle(database: database)
    }

    /// Runs one statement with `binds` (for `?1`, `?2`, … in order) and returns its rows.
    func execute(_ sql: String, binds: [SQLiteValue]) throws(SQLiteFailure) -> [SQLiteResultRow] {
        try state.withLock { (state: inout State) throws(SQLiteFailure) -> [SQLiteResultRow] in
            guard let database = state.database else {
                throw SQLiteFailure(code: SQLITE_MISUSE, message: "the SQLite connection is closed", statement: sql)
            }
            let statement = try Self.statement(for: sql, database: database, cache: &state.statements)
            defer {
                // Reset at once: a SELECT left stepping would hold its read transaction open (and keep the
                // WAL from being checkpointed).
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            for (offset, value) in binds.enumerated() {
                let status = Self.bind(value, at: Int32(offset + 1), to: statement)
                guard status == SQLITE_OK else { throw SQLiteFailure(database, statement: sql) }
            }
            var rows: [SQLiteResultRow] = []
            var columns: SQLiteColumns?
            while true {
                let status = sqlite3_step(statement)
                if status == SQLITE_DONE { return rows }
                guard status == SQLITE_ROW else { throw SQLiteFailure(database, statement: sql) }
                let names = columns ?? SQLiteColumns(statement)
                columns = names
                rows.append(SQLiteResultRow(columns: names, values: (0..<names.count).map { Self.column($0, of: statement) }))
            }
        }
    }

    /// Finalizes the kept statements and closes the connection; later calls fail.
    func close() {
        state.withLock { state in
            for statement in state.statements.values { sqlite3_finalize(statement) }
            state.statements = [:]
            sqlite3_close_v2(state.database)
            state.database = nil
        }
    }

    deinit {
        close()
    }

    private static func statement(for sql: String, database: OpaquePointer,
                                  cache: inout [String: OpaquePointer]) throws(SQLiteFailure) -> OpaquePointer {
        if let kept = cache[sql] { return kept }
        var statement: OpaquePointer?
        var moreText = false
        let status = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let status = sqlite3_prepare_v3(database, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            // Text after the first statement would be silently ignored: it is refused instead.
            moreText = tail.map { !String(cString: $0).allSatisfy { $0.isWhitespace || $0 == ";" } } ?? false
            return status
        }
        guard status == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw SQLiteFailure(database, statement: sql)
        }
        guard let statement, !moreText else {
            sqlite3_finalize(statement)
            let problem = statement == nil ? "holds no statement" : "holds more than one statement; send them one per call"
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "the SQL text \(problem)", statement: sql)
        }
        if cache.count >= statementCacheLimit {
            for kept in cache.values { sqlite3_finalize(kept) }
            cache.removeAll(keepingCapacity: true)
        }
        cache[sql] = statement
        return statement
    }

    private static func bind(_ value: SQLiteValue, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let integer):
            return sqlite3_bind_int64(statement, index, integer)
        case .float(let double):
            return sqlite3_bind_double(statement, index, double)
        case .text(var text):
            return text.withUTF8 { bytes in
                // An empty buffer may have no address, and a null pointer would bind NULL instead of ''.
                guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, qbb_sqlite_transient()) }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, index, $0, Int32(bytes.count), qbb_sqlite_transient())
                }
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return sqlite3_bind_zeroblob(statement, index, 0) }
                return sqlite3_bind_blob(statement, index, base, Int32(raw.count), qbb_sqlite_transient())
            }
        }
    }

    private static func column(_ index: Int, of statement: OpaquePointer) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .float(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(statement, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }
}

/// The column names of one result, shared by its rows.
final class SQLiteColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    fileprivate init(_ statement: OpaquePointer) {
        let count = Int(sqlite3_column_count(statement))
        names = (0..<count).map { sqlite3_column_name(statement, Int32($0)).map { String(cString: $0) } ?? "" }
        // The first of equal names wins, as in a `SELECT *` over a join.
        positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var count: Int { names.count }

    func position(of name: String) -> Int? { positions[name] }
}

/// An error from SQLite: its (extended) result code and message, and the statement it came from.
public struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let statement: String?

    init(code: Int32, message: String, statement: String?) {
        self.code = code
        self.message = message
        self.statement = statement
    }

    /// The error SQLite has just reported on `database`, with its extended result code.
    fileprivate init(_ database: OpaquePointer, statement: String?) {
        self.code = sqlite3_extended_errcode(database)
        message = String(cString: sqlite3_errmsg(database))
        self.statement = statement
    }

    /// A UNIQUE or PRIMARY KEY constraint refused the change.
    public var isUniqueViolation: Bool {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: macros Swift does not import.
        code == SQLITE_CONSTRAINT | (8 << 8) || code == SQLITE_CONSTRAINT | (6 << 8)
    }

    public var description: String {
        "SQLite error \(code): \(message)"
    }
}
