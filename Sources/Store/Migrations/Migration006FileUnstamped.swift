import Domain
import SQLKit

/// When the company-file check last found no FileID stamp of ours in the company file (a `.qwc` added before
/// FileIDs were stamped, or a stamp removed). Without it such a company counted as never checked and opened a
/// session at every scheduled run; with it, it is checked once per refresh period like a verified file
/// (docs/web-connector-protocol.md, "Company file check").
struct Migration006FileUnstamped: Migration {
    let version = 6
    let name = "when the company file was last found without our stamp"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.raw("ALTER TABLE companies ADD COLUMN file_unstamped_at BIGINT").run()
    }
}
