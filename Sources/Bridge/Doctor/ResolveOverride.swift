import Foundation

/// `--resolve HOST:PORT:ADDRESS`, as curl reads it: connect to ADDRESS when the URL names HOST and PORT, while the TLS
/// name check, SNI and the Host header still use HOST. So a host name can be tested before its DNS points at this
/// machine (docs/operations.md, "qbbridge doctor").
public struct ResolveOverride: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var address: String

    public init(host: String, port: Int, address: String) {
        self.host = host
        self.port = port
        self.address = address
    }

    /// Reads `HOST:PORT:ADDRESS`; an IPv6 address may stand in brackets (`qb.example.com:443:[::1]`).
    public init(_ text: String) throws(BridgeError) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port), !parts[2].isEmpty else {
            throw .invalidInput(["resolve": "\(text) is not HOST:PORT:ADDRESS (for example qb.example.com:443:127.0.0.1)"])
        }
        var address = String(parts[2])
        if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        self.init(host: String(parts[0]).lowercased(), port: port, address: address)
    }

    public var description: String { "\(host):\(port):\(address)" }
}

extension ResolveOverride {
    /// Whether a URL host is an IPv4 or IPv6 address rather than a name.
    static func isIPAddress(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare.contains(":") { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
