import Dispatch
public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which URLs webhooks may be sent to (issue 24, "Safety"): https only, and never a host that resolves into the
/// operator's own network (private, loopback, link-local, unique-local, CGNAT, multicast, unspecified, reserved;
/// IPv4 and IPv6), so that registering a webhook cannot be used to reach internal services (SSRF). With
/// `serve --webhook-allow-insecure` (development and tests) such addresses are allowed, and plain http too
/// when the host is loopback. Checked when an endpoint is created or changed, and again before every attempt,
/// because DNS answers change. The connection itself resolves the name once more, so a name whose answer
/// changes between the check and the connection (DNS rebinding within seconds) is not caught; docs/operations.md,
/// "Webhooks", says so.
public struct WebhookURLPolicy: Sendable {
    /// `--webhook-allow-insecure`.
    public var allowInsecure: Bool

    /// A policy.
    public init(allowInsecure: Bool) {
        self.allowInsecure = allowInsecure
    }

    /// The URL, or why it is refused.
    public func check(_ text: String) async throws(WebhookError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .refusedURL("\(text) is not an absolute URL; give https://host/path.")
        }
        guard scheme == "https" || scheme == "http" else {
            throw .refusedURL("Only https URLs can receive webhooks; \(scheme) cannot.")
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = await Self.resolve(bareHost)
        guard !addresses.isEmpty else {
            throw .refusedURL("The host \(bareHost) does not resolve to any address.")
        }
        if scheme == "http" {
            guard allowInsecure, addresses.allSatisfy({ $0.kind == .loopback }) else {
                throw .refusedURL("Only https URLs can receive webhooks; plain http is allowed only for a loopback host when serve runs with --webhook-allow-insecure.")
            }
        }
        if !allowInsecure, let refused = addresses.first(where: { $0.kind != .public }) {
            throw .refusedURL("The host \(bareHost) resolves to \(refused.text), a \(refused.kind.rawValue) address; webhooks go only to public addresses (serve --webhook-allow-insecure allows others, for development).")
        }
        return url
    }

    /// One resolved address and what kind of network it is in.
    struct Address: Sendable, Equatable {
        let text: String
        let kind: AddressKind
    }

    /// The ranges webhooks refuse, named for the message.
    enum AddressKind: String, Sendable {
        case `public`
        case loopback
        case `private`
        case linkLocal = "link-local"
        case uniqueLocal = "unique-local"
        case sharedCGNAT = "carrier-grade NAT"
        case multicast
        case unspecified
        case reserved
    }

    /// Every address the name resolves to, resolved off Swift's cooperative threads (getaddrinfo blocks).
    static func resolve(_ host: String) async -> [Address] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: resolveBlocking(host)) }
        }
    }

    private static func resolveBlocking(_ host: String) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [Address] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let raw = info.pointee.ai_addr {
                if info.pointee.ai_family == AF_INET {
                    let bytes = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                    }
                    addresses.append(Address(text: bytes.map(String.init).joined(separator: "."), kind: classify(ipv4: bytes)))
                } else if info.pointee.ai_family == AF_INET6 {
                    let bytes = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                    }
                    addresses.append(Address(text: ipv6Text(bytes), kind: classify(ipv6: bytes)))
                }
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    /// The kind of an IPv4 address (four bytes, network order).
    static func classify(ipv4 b: [UInt8]) -> AddressKind {
        guard b.count == 4 else { return .reserved }
        switch (b[0], b[1]) {
        case (0, _): return .unspecified
        case (10, _): return .private
        case (100, 64...127): return .sharedCGNAT
        case (127, _): return .loopback
        case (169, 254): return .linkLocal
        case (172, 16...31): return .private
        case (192, 168): return .private
        case (192, 0) where b[2] == 0: return .reserved
        case (198, 18...19): return .reserved
        case (224...239, _): return .multicast
        case (240...255, _): return .reserved
        default: return .public
        }
    }

    /// The kind of an IPv6 address (sixteen bytes); IPv4-mapped and NAT64 addresses are judged by their IPv4 part.
    static func classify(ipv6 b: [UInt8]) -> AddressKind {
        guard b.count == 16 else { return .reserved }
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff { return classify(ipv4: Array(b[12..<16])) }
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xff, b[3] == 0x9b, b[4..<12].allSatisfy({ $0 == 0 }) { return classify(ipv4: Array(b[12..<16])) }
        if b[0] & 0xfe == 0xfc { return .uniqueLocal }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return .linkLocal }
        if b[0] == 0xff { return .multicast }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0d, b[3] == 0xb8 { return .reserved }
        return .public
    }

    private static func ipv6Text(_ bytes: [UInt8]) -> String {
        stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }
}
