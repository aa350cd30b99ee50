import Foundation
public import Logging
import Metrics
import QBXML
import Triage
import Domain
public import Store
public import WebConnector

/// The bridge's side of the Web Connector protocol: credentials, tickets, the per-session run state and
/// what QuickBooks reports, all kept in the store (docs/web-connector-protocol.md, "Tickets and session state").
///
/// Every method saves its state change before it returns, because the SOAP reply goes out right after.
public struct WebConnectorSessions: WebConnectorBackend {
    let store: Store
    let configuration: BridgeConfiguration
    let passwords: PasswordHasher
    let logger: Logger

    /// Creates the backend.
    public init(store: Store, configuration: BridgeConfiguration, passwords: PasswordHasher, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.passwords = passwords
        self.logger = logger
    }

    // MARK: serverVersion / clientVersion

    public func serverVersion() -> String {
        configuration.serverVersion
    }

    public func clientVersion(_ version: String) async -> ClientVersionVerdict {
        guard let client = ClientVersion(version) else {
            return .warn("QBBridge could not read the Web Connector version \"\(version.prefix(40))\"; updates may fail. Install the current Web Connector from Intuit.")
        }
        if let minimum = configuration.minimumClientVersion, let required = ClientVersion(minimum), client < required {
            logger.warning("Web Connector too old", metadata: ["clientVersion": "\(version)", "minimum": "\(minimum)"])
            return .requireVersion(minimum)
        }
        if let recommended = configuration.recommendedClientVersion, let wanted = ClientVersion(recommended), client < wanted {
            return .warn("This Web Connector (\(version)) is older than \(recommended); please update it from Intuit's site when convenient.")
        }
        return .proceed
    }

    // MARK: helpers

    /// The open session of a ticket, refreshed for inactivity; nil for unknown, closed or expired tickets.
    func liveSession(_ ticket: String) async throws -> SessionRecord? {
        guard Ticket(ticket).isWellFormed, let session = try await store.sessions.find(ticket: ticket) else { return nil }
        guard session.state == .open else { return nil }
        if session.lastSeenAt.adding(seconds: configuration.ticketIdleTimeoutSeconds) < .now {
            var expired = session
            expired.state = .expired
            expired.lastError = "This session expired after \(Int(configuration.ticketIdleTimeoutSeconds / 60)) minutes without a call."
            try await store.sessions.save(expired)
            return nil
        }
        logger.debug("Web Connector call", metadata: ["company": "\(session.companyID)", "session": "\(session.id)"])
        return session
    }

    func saveError(ticket: String, _ text: String) async throws {
        guard var session = try await liveSession(ticket) else { return }
        session.lastError = text
        try await store.sessions.save(session)
    }
}
