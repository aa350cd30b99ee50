public import Domain
import Foundation
import Store

/// Who may use QBBridge from above: API tokens, the web UI's admin users, their browser sessions and
/// the sign-in throttle. Passwords are checked here with bcrypt; Store keeps only hashes.
public struct AccessService: Sendable {
    let store: Store
    let passwords: PasswordHasher

    init(store: Store, passwords: PasswordHasher) {
        self.store = store
        self.passwords = passwords
    }

    /// The label of a valid API token, or nil.
    public func tokenLabel(_ token: String) async throws -> String? {
        try await store.tokens.verify(token)
    }

    /// The admin user when the password matches; an unknown name costs the same bcrypt time as a known one.
    public func signIn(username: String, password: String) async throws -> AdminUser? {
        guard let (user, hash) = try await store.adminUsers.credentials(username: username) else {
            await passwords.verifyDecoy(password)
            return nil
        }
        return await passwords.verify(password, hash: hash, cacheKey: "ui:" + user.id) ? user : nil
    }

    /// A one-time random token (the login form's CSRF token), 256 bits as hex.
    public static func newToken() -> String {
        UISessions.newToken()
    }

    // MARK: - Browser sessions

    /// A new browser session: the cookie token and the session.
    public func startSession(for user: AdminUser, lifetimeSeconds: Double) async throws -> (token: String, session: UISession) {
        try await store.uiSessions.create(for: user, lifetimeSeconds: lifetimeSeconds)
    }

    /// The live session of a cookie token, or nil.
    public func session(token: String) async throws -> UISession? {
        try await store.uiSessions.find(token: token)
    }

    /// Signs a browser out.
    public func endSession(_ session: UISession) async throws {
        try await store.uiSessions.delete(session)
    }

    /// Sets or clears the message the session's next page shows.
    public func setFlash(_ session: UISession, _ message: String?) async throws {
        try await store.uiSessions.setFlash(session, message)
    }

    // MARK: - Sign-in throttle

    /// True while a key (user name or address) is locked out after failed sign-ins.
    public func isLocked(_ key: String) async throws -> Bool {
        try await store.throttle.isLocked(key)
    }

    /// Counts a failed sign-in; true when that locked the key.
    public func recordFailure(_ key: String) async throws -> Bool {
        try await store.throttle.recordFailure(key)
    }

    /// Forgets a key's failures after a successful sign-in.
    public func recordSuccess(_ key: String) async throws {
        try await store.throttle.recordSuccess(key)
    }
}
