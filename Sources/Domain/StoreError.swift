/// Errors of the store, with what to do about them.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--database` could not be understood.
    case invalidDatabaseLocation(String, reason: String)
    /// The database could not be opened.
    case cannotOpen(String, reason: String)
    /// The database schema is newer than this build knows.
    case schemaTooNew(found: Int, known: Int)
    /// A unique value (user name, token) is already taken.
    case conflict(field: String, value: String)
    /// No record with this id.
    case notFound(kind: String, id: String)
    /// A stored value could not be read back.
    case corruptRow(table: String, detail: String)
    /// One column of one row does not hold what its type says: never read as an empty default, since a
    /// corrupt failure record shown as "no steps" would send a person the wrong way.
    case undecodable(table: String, column: String, id: String, reason: String)
    /// The session was taken over (or ended) while this call was working on it: nothing of the call was saved.
    case sessionEnded(id: String)
    /// A page cursor that belongs to another list (each list's cursor holds its own sort key).
    case invalidCursor

    public var description: String {
        switch self {
        case .invalidDatabaseLocation(let text, let reason):
            "--database \"\(text)\" is not usable: \(reason). Give an SQLite file path (e.g. qbbridge.sqlite) or postgres://user:password@host:5432/dbname."
        case .cannotOpen(let location, let reason):
            "Cannot open \(location): \(reason). Check the path is writable, or that PostgreSQL is running and the URL is right."
        case .schemaTooNew(let found, let known):
            "The database schema is at version \(found) but this qbbridge knows only up to \(known). Run a newer qbbridge against it."
        case .conflict(let field, let value):
            "The \(field) \"\(value)\" is already in use; choose another."
        case .notFound(let kind, let id):
            "No \(kind) with id \(id)."
        case .corruptRow(let table, let detail):
            "A row in \(table) could not be read: \(detail)."
        case .undecodable(let table, let column, let id, let reason):
            "\(table).\(column) of row \(id) could not be read (\(reason)); the row was written by another version or changed by hand. Restore it from a backup, or delete the row."
        case .invalidCursor:
            "The cursor does not belong to this list: pass the nextCursor of the previous page of the same list, or leave it out to start from the first page."
        case .sessionEnded(let id):
            "Web Connector session \(id) was taken over by a newer one (or ended) during this call; nothing of the call was saved. The Web Connector's next Update Selected carries on."
        }
    }
}
