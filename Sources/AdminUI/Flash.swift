import Bridge
import Domain

/// The one-line message shown on the page after a form's redirect ("Payment queued again…"), kept in the
/// session row so it survives the redirect, shows once, and works on every instance behind a load balancer.
struct Flash: Sendable, Equatable {
    /// How it is shown.
    enum Kind: String, Sendable {
        /// The action worked.
        case success
        /// The action did not work; the message says why.
        case error
    }

    var kind: Kind
    var message: String

    /// Stored as `kind` + newline + message.
    var stored: String { kind.rawValue + "\n" + message }

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Reads the stored text back (nil for anything else).
    init?(stored: String?) {
        guard let stored, let newline = stored.firstIndex(of: "\n"),
              let kind = Kind(rawValue: String(stored[..<newline])) else { return nil }
        self.init(kind, String(stored[stored.index(after: newline)...]))
    }

    /// Saves a message for the next page of this session.
    static func set(_ flash: Flash, on session: UISession?, access: AccessService) async throws {
        guard let session else { return }
        try await access.setFlash(session, flash.stored)
    }

    /// Takes the waiting message, if any, clearing it so it shows once.
    static func take(from session: UISession?, access: AccessService) async throws -> Flash? {
        guard let session, let flash = Flash(stored: session.flash) else { return nil }
        try await access.setFlash(session, nil)
        return flash
    }
}
