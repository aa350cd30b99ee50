import Domain
import Foundation
import SQLKit

/// Bearer tokens for the JSON API. The token is shown once; only its SHA-256 is stored.
public struct APITokens: Sendable {
    let database: Database

    /// Creates a token and returns its text (the only time it exists in clear).
    public func create(label: String, actor: String) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = "qbb_" + Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let id = UUID().uuidString.lowercased()
        try await database.transaction { sql in
            try await sql.insert(into: "api_tokens").columns("id", "token_hash", "label", "created_at")
                .values(SQLBind(id), SQLBind(SecretHash.hex(token)), SQLBind(label), SQLBind(Timestamp.now.milliseconds)).run()
            try await ActivityLog.append(
                NewActivity(actor: actor, companyID: nil, subject: "token", subjectID: id, action: "token.created", detail: ["label": label]),
                on: sql
            )
        }
        return token
    }

    /// The label of the token with this text, or nil when it is unknown.
    public func verify(_ token: String) async throws -> String? {
        guard token.hasPrefix("qbb_"), token.utf8.count == 68 else { return nil }
        let hash = SecretHash.hex(token)
        return try await database.read { sql in
            try await sql.select().column("label").from("api_tokens").where("token_hash", .equal, SQLBind(hash)).first()?
                .decode(column: "label", as: String.self)
        }
    }

    /// How many tokens exist (the first start creates one when there is none).
    public func count() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM api_tokens").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
