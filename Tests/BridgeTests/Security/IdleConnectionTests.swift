import Foundation
import Testing

#if canImport(Glibc)
import Glibc
import QBBridgeTesting
#endif

/// Kept-alive connections: reused while the client talks, closed by the server once left idle, so that
/// connections from clients that went away cannot pile up and hold memory.
@Suite("Idle kept-alive connections", .tagFilter)
struct IdleConnectionTests {
    @Test("a kept-alive connection serves a second request, and the server closes it once it has been idle longer than the limit")
    func idleConnectionIsClosed() async throws {
        try await withRunningBridge(configure: { $0.idleConnectionSeconds = 2 }) { bridge in
            let port = try #require(bridge.client.port)
            let request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
            // One thread does connect, ask, pause and ask again, so that only the server's own pace counts.
            let (connection, first, second) = try await blocking {
                let connection = try RawConnection(port: port)
                try connection.send(request)
                let first = try connection.readResponseHead()
                Thread.sleep(forTimeInterval: 0.2)
                try connection.send(request)
                return (connection, first, try connection.readResponseHead())
            }
            #expect(first.hasPrefix("HTTP/1.1 200"))
            #expect(second.hasPrefix("HTTP/1.1 200"), "still open after a short pause")

            // Nothing more is sent: the server must end the connection by itself (the read sees end of
            // stream, not its own 15 s time-out).
            #expect(try await blocking { try connection.readUntilClosed() } == .closedByServer)
        }
    }
}

/// A blocking TCP client socket, enough to see what the server does with the connection itself.
private final class RawConnection: @unchecked Sendable {
    enum End: Equatable { case closedByServer, stillOpen }
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let socketFD: Int32
    private var pending: [UInt8] = []

    init(port: Int) throws {
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket(): errno \(errno)") }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect(): errno \(errno)") }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(socketFD, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Failure(description: "write(): errno \(errno)") }
    }

    /// Reads one response (status line, headers and a `Content-Length` body) and returns its status line.
    func readResponseHead() throws -> String {
        while true {
            if let end = headerEnd() {
                let head = String(decoding: pending[..<end], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                while pending.count < end + 4 + length {
                    guard try readMore() else { throw Failure(description: "closed in the middle of a response") }
                }
                pending.removeFirst(end + 4 + length)
                return String(head.split(separator: "\r\n").first ?? "")
            }
            guard try readMore() else { throw Failure(description: "closed before a response") }
        }
    }

    func readUntilClosed() throws -> End {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(socketFD, $0.baseAddress, $0.count) }
            if count == 0 { return .closedByServer }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK ? .stillOpen : .closedByServer }
        }
    }

    deinit { _ = Glibc.close(socketFD) }

    private func headerEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for index in 0...(pending.count - 4) where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func readMore() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(socketFD, $0.baseAddress, $0.count) }
        if count < 0 { throw Failure(description: "read(): errno \(errno)") }
        pending.append(contentsOf: buffer[..<count])
        return count > 0
    }
}
