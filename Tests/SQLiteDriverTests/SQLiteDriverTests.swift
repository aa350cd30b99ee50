import Foundation
import NIOPosix
import SQLKit
@testable import SQLiteDriver
import Testing
import QBBridgeTesting

/// The store's own SQLite driver: values go in and come back as they were, statements are reused safely,
/// and SQLite's refusals reach the store as errors it can act on.
@Suite("SQLite driver", .tagFilter)
struct SQLiteDriverTests {
    /// A connection on a fresh file, as SQLKit sees it.
    private func withDatabase(_ body: (SQLiteDatabase) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("driver-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let handle = try SQLiteHandle.open(path: path)
        defer { handle.close() }
        try await body(SQLiteDatabase(handle: handle, logger: .init(label: "test"), eventLoop: MultiThreadedEventLoopGroup.singleton.any()))
    }

    private enum Colour: String, Codable { case blue }
    private struct Note: Codable, Equatable { var lines: [String] }

    @Test("text (empty, quotes, emoji), integers, doubles, booleans, nil, raw-value enums, bytes and JSON structures read back as bound")
    func valuesRoundTrip() async throws {
        try await withDatabase { sql in
            try await sql.raw("CREATE TABLE t (a, b, c, d, e, f, g, h, i)").run()
            let note = Note(lines: ["one", "two \"quoted\""])
            try await sql.insert(into: "t").columns("a", "b", "c", "d", "e", "f", "g", "h", "i")
                .values(SQLBind(""), SQLBind("it's 🧾 \u{0}x"), SQLBind(Int64.max), SQLBind(-2.5), SQLBind(true), SQLBind(nil as String?),
                        SQLBind(Colour.blue), SQLBind([UInt8]([0, 255, 7])), SQLBind(note))
                .run()
            let row = try #require(try await sql.raw("SELECT * FROM t").first())
            #expect(try row.decode(column: "a", as: String.self) == "")
            #expect(try row.decodeNil(column: "a") == false)
            #expect(try row.decode(column: "b", as: String.self) == "it's 🧾 \u{0}x")
            #expect(try row.decode(column: "c", as: Int64.self) == Int64.max)
            #expect(try row.decode(column: "d", as: Double.self) == -2.5)
            #expect(try row.decode(column: "e", as: Bool.self) == true)
            #expect(try row.decode(column: "f", as: String?.self) == nil)
            #expect(try row.decodeNil(column: "f"))
            #expect(try row.decode(column: "g", as: Colour.self) == .blue)
            #expect(try row.decode(column: "h", as: [UInt8].self) == [0, 255, 7])
            #expect(try row.decode(column: "i", as: Note.self) == note)
            #expect(row.allColumns == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
            #expect(throws: SQLiteValueError.self) { try row.decode(column: "nope", as: String.self) }
            #expect(throws: SQLiteValueError.self) { try row.decode(column: "b", as: Int.self) }
        }
    }

    @Test("a kept statement runs again with new values, and sees a column added after it was first prepared")
    func keptStatementsAreReusedSafely() async throws {
        try await withDatabase { sql in
            try await sql.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)").run()
            for id in 1...3 { try await sql.raw("INSERT INTO t (id, name) VALUES (\(bind: id), \(bind: "n\(id)"))").run() }
            for id in 1...3 {
                let name = try await sql.raw("SELECT name FROM t WHERE id = \(bind: id)").first()?.decode(column: "name", as: String.self)
                #expect(name == "n\(id)")
            }
            let before = try #require(try await sql.raw("SELECT * FROM t WHERE id = 1").first())
            #expect(before.allColumns == ["id", "name"])
            try await sql.raw("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'added'").run()
            let after = try #require(try await sql.raw("SELECT * FROM t WHERE id = 1").first())
            #expect(after.allColumns == ["id", "name", "note"])
            #expect(try after.decode(column: "note", as: String.self) == "added")
        }
    }

    @Test("more distinct statements than the cache keeps all run correctly")
    func statementCacheIsBounded() async throws {
        try await withDatabase { sql in
            let count = SQLiteHandle.statementCacheLimit + 20
            for value in 0..<count {
                let read = try await sql.raw(SQLQueryString(stringLiteral: "SELECT \(value) AS v")).first()?.decode(column: "v", as: Int.self)
                #expect(read == value)
            }
        }
    }

    @Test("a unique violation is recognised as one; text holding two statements, or none, is refused, not half run")
    func refusalsAreErrorsTheStoreUnderstands() async throws {
        try await withDatabase { sql in
            try await sql.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)").run()
            try await sql.raw("INSERT INTO t (name) VALUES ('a')").run()
            do {
                try await sql.raw("INSERT INTO t (name) VALUES ('a')").run()
                Issue.record("the duplicate was accepted")
            } catch {
                #expect((error as? SQLiteFailure)?.isUniqueViolation == true, "\(error)")
            }
            do {
                try await sql.raw("INSERT INTO t (name) VALUES (NULL); DELETE FROM t").run()
                Issue.record("two statements were accepted")
            } catch {
                #expect((error as? SQLiteFailure)?.isUniqueViolation != true)
                #expect("\(error)".contains("one per call"), "\(error)")
            }
            do {
                try await sql.raw("  -- nothing to run").run()
                Issue.record("text without a statement was accepted")
            } catch {
                #expect("\(error)".contains("holds no statement"), "\(error)")
            }
            let rows = try await sql.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
            #expect(rows == 1)
        }
    }
}
