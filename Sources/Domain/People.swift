import Foundation

/// A person allowed into the web UI (docs/operations.md, "Tokens and admin users").
public struct AdminUser: Sendable, Equatable {
    /// Stable id (UUID text).
    public var id: String
    /// Login name, unique case-insensitively.
    public var username: String
    /// When it was created.
    public var createdAt: Timestamp

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: String, username: String, createdAt: Timestamp) {
        self.id = id
        self.username = username
        self.createdAt = createdAt
    }
}

/// A signed-in browser: who it is, the CSRF token its forms carry, and the flash message waiting for the
/// next page.
public struct UISession: Sendable, Equatable {
    /// SHA-256 of the cookie token (the row id).
    public var id: String
    /// The signed-in user.
    public var user: AdminUser
    /// The per-session token every form posts back (hidden field `csrf`).
    public var csrfToken: String
    /// A message for the next rendered page (set before a redirect, cleared when shown).
    public var flash: String?
    /// When it stops working.
    public var expiresAt: Timestamp

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: String, user: AdminUser, csrfToken: String, flash: String? = nil, expiresAt: Timestamp) {
        self.id = id
        self.user = user
        self.csrfToken = csrfToken
        self.flash = flash
        self.expiresAt = expiresAt
    }
}
