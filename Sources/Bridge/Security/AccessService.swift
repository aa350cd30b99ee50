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

    // MARK: - The first admin user without a terminal

    /// How long a set-up link works.
    public static let setupLinkLifetimeSeconds: Double = 24 * 3600

    /// A new one-time set-up code while no admin user exists (nil once one does); it replaces any earlier code,
    /// so only the newest printed link works. The code is 256 random bits; Store keeps only its hash.
    public func issueSetupCode(now: Timestamp = .now) async throws -> String? {
        guard try await store.adminUsers.count() == 0 else { return nil }
        let code = Self.newToken()
        try await store.installation.replaceSetupCode(code, expiresAt: now.adding(seconds: Self.setupLinkLifetimeSeconds))
        return code
    }

    /// Whether the code is the current one, unused and unexpired, and no admin user exists yet.
    public func setupCodeIsUsable(_ code: String) async throws -> Bool {
        guard SetupCode.isWellFormed(code), try await store.adminUsers.count() == 0 else { return false }
        return try await store.installation.setupCodeIsCurrent(code)
    }

    /// Whether any admin user exists (the sign-in page says how to get a set-up link when none does).
    public func hasAdminUsers() async throws -> Bool {
        try await store.adminUsers.count() > 0
    }

    /// Creates the first admin user from a set-up link's form. The user name and password follow the rules of
    /// `qbbridge user add`; `.invalidInput` names each field that breaks them, `.conflict` says the link no longer
    /// works (expired, used, replaced by a newer one, or a user exists).
    public func completeSetup(code: String, username: String, password: String, confirmation: String) async throws -> AdminUser {
        var problems: [String: String] = [:]
        if !(1...64).contains(username.count) || !username.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) {
            problems["username"] = "must be 1–64 letters, digits, '.', '_', '-' or '@'"
        }
        if !(10...72).contains(password.utf8.count) {
            problems["password"] = "must be 10–72 characters (bcrypt reads at most 72 bytes)"
        } else if password != confirmation {
            problems["confirmation"] = "does not match the password"
        }
        guard problems.isEmpty else { throw BridgeError.invalidInput(problems) }
        guard SetupCode.isWellFormed(code) else { throw BridgeError.conflict(Self.linkGone) }
        let hash = await passwords.hash(password)
        switch try await store.adminUsers.createFirst(username: username, passwordHash: hash, setupCode: code) {
        case .created(let user): return user
        case .codeNotCurrent: throw BridgeError.conflict(Self.linkGone)
        case .usersExist: throw BridgeError.conflict("An admin user exists already; sign in, or ask an admin to create one with qbbridge user add.")
        }
    }

    /// Why a set-up link does not work and how to get a new one (the API's conflict and the UI's 410 page).
    public static let linkGone = "This set-up link no longer works: it expired after 24 hours, was used, or a newer one replaced it. Run qbbridge user setup-link on the server for a new one (restarting serve prints one too while no admin user exists)."

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

/// A set-up code as it travels in `/setup?code=…`: 64 lower-case hex digits (`AccessService.newToken`).
enum SetupCode {
    static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 64 && code.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
