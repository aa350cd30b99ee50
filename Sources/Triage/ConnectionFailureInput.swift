public import Foundation

/// A failure to reach QuickBooks or to run a session at all, from one of the Web Connector channels
/// (docs/failure-catalogue.md, "Where failures come from") or from the bridge's own schedule watch.
public struct ConnectionFailureInput: Sendable, Equatable {
    /// Which channel reported it.
    public enum Source: String, Sendable, Codable, CaseIterable {
        /// `connectionError(ticket, hresult, message)`: QBWC could not open QuickBooks or the file.
        case connectionError
        /// `receiveResponseXML` with an HRESULT and no response: QuickBooks rejected the whole request set.
        case receiveResponseXML
        /// `authenticate` was answered `nvu`: the user name or password was refused.
        case authentication
        /// `clientVersion` reported a Web Connector older than QBBridge accepts.
        case clientVersion
        /// No session arrived for longer than the company's schedule allows.
        case schedule
    }

    /// Which channel reported it.
    public var source: Source
    /// The HRESULT as sent (`0x80040414`, `80040414`, `-2147220460`…).
    public var hresult: String?
    /// The message that came with it.
    public var message: String?
    /// The company file involved, when known (the path QBWC or the company settings name).
    public var companyFilePath: String?
    /// The Web Connector user name (authentication).
    public var userName: String?
    /// The Web Connector version it reported (clientVersion).
    public var clientVersion: String?
    /// The lowest Web Connector version QBBridge accepts (clientVersion).
    public var minimumClientVersion: String?
    /// The last successful session; nil if it never connected (schedule).
    public var lastSessionAt: Date?
    /// The moment of the check (schedule), passed in so classification stays a pure function.
    public var now: Date?
    /// The company's schedule in minutes (schedule).
    public var runEveryMinutes: Int?

    /// Describes an HRESULT-bearing failure (connectionError, receiveResponseXML).
    public init(source: Source, hresult: String?, message: String?, companyFilePath: String? = nil) {
        self.source = source
        self.hresult = hresult
        self.message = message
        self.companyFilePath = companyFilePath
    }

    /// The Web Connector's user name or password was refused.
    public static func authenticationFailed(userName: String) -> ConnectionFailureInput {
        var input = ConnectionFailureInput(source: .authentication, hresult: nil, message: nil)
        input.userName = userName
        return input
    }

    /// The Web Connector is older than QBBridge accepts.
    public static func clientVersionOutdated(version: String, minimum: String) -> ConnectionFailureInput {
        var input = ConnectionFailureInput(source: .clientVersion, hresult: nil, message: nil)
        input.clientVersion = version
        input.minimumClientVersion = minimum
        return input
    }

    /// No session since `lastSessionAt` (nil: never), checked at `now` against the schedule.
    public static func notSyncing(lastSessionAt: Date?, now: Date, runEveryMinutes: Int) -> ConnectionFailureInput {
        var input = ConnectionFailureInput(source: .schedule, hresult: nil, message: nil)
        input.lastSessionAt = lastSessionAt
        input.now = now
        input.runEveryMinutes = runEveryMinutes
        return input
    }
}
