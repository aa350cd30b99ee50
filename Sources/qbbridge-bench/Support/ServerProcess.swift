import Foundation

/// A `qbbridge serve` child process on a free loopback port, so that its CPU time can be read from
/// `/proc/<pid>/stat` apart from the benchmark client's. It can be SIGKILLed and started again on the
/// same port and database (the soak benchmark).
final class ServerProcess {
    private(set) var process: Process?
    let port: Int
    let directory: URL
    let database: String
    let executable: URL
    private let arguments: [String]
    private let environment: [String: String]

    /// `qbbridge` next to this benchmark binary.
    static func executable() throws -> URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = here.appendingPathComponent("qbbridge")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw BenchError("qbbridge is not built next to qbbridge-bench (\(candidate.path)); run 'swift build -c release' first.")
        }
        return candidate
    }

    /// A server for `database` (default: a fresh SQLite file in a temporary directory), not yet started.
    /// `serveArguments` are added to `serve`'s command line (e.g. `--session-stale-seconds 0`).
    init(database: String? = nil, environment: [String: String] = [:], serveArguments: [String] = []) throws {
        executable = try Self.executable()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.database = database ?? directory.appendingPathComponent("bench.sqlite").path
        port = try Self.freePort()
        arguments = ["serve", "--port", String(port), "--database", self.database, "--log-level", "warning"] + serveArguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        self.environment = env
    }

    /// Runs a CLI command against the same database (e.g. `company add`), returning its standard output.
    func cli(_ arguments: [String], input: String? = nil) throws -> String {
        let child = Process()
        child.executableURL = executable
        child.arguments = arguments + ["--database", database, "--log-level", "error"]
        let output = Pipe()
        let stdin = Pipe()
        child.standardOutput = output
        child.standardInput = stdin
        try child.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw BenchError("qbbridge \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts (or restarts) the server and waits until it accepts connections.
    func start() async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
        self.process = process
        for _ in 0..<1200 {
            if let socket = try? Self.connect(port: port) { close(socket); return }
            guard process.isRunning else { throw BenchError("qbbridge serve exited with status \(process.terminationStatus) before listening on port \(port)") }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw BenchError("qbbridge serve did not start listening on port \(port) within 30 s")
    }

    /// SIGKILL: no graceful shutdown, nothing flushed beyond what the server had committed.
    func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the server (SIGTERM) and removes its temporary directory.
    func stop() {
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The running child's process id (0 before the first start).
    var pid: Int32 { process?.processIdentifier ?? 0 }

    /// User + system CPU seconds the server has used so far.
    var cpuSeconds: Double {
        ProcessStats.cpuSeconds(pid: pid)
    }

    /// Peak resident memory of the server, MiB.
    var peakMemoryMiB: Double {
        ProcessStats.peakMemoryMiB(pid: pid)
    }

    /// Resident memory of the server now, MiB.
    var residentMemoryMiB: Double {
        ProcessStats.residentMemoryMiB(pid: pid)
    }

    /// Resident memory of the server now, split into anonymous and file-backed pages.
    var memory: MemoryUse { ProcessStats.memory(pid: pid) }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BenchError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw BenchError("not listening")
        }
        return fd
    }
}

/// Reads a process's CPU time and memory from /proc.
enum ProcessStats {
    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 0, utime is 11, stime is 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / ticks
    }

    static func peakMemoryMiB(pid: Int32) -> Double {
        statusField("VmHWM", pid: pid)
    }

    static func residentMemoryMiB(pid: Int32) -> Double {
        statusField("VmRSS", pid: pid)
    }

    /// VmRSS, RssAnon and RssFile, read together from one copy of /proc/PID/status.
    static func memory(pid: Int32) -> MemoryUse {
        let fields = statusFields(["VmRSS", "RssAnon", "RssFile"], pid: pid)
        return MemoryUse(residentMiB: fields[0], anonymousMiB: fields[1], fileMiB: fields[2])
    }

    private static func statusField(_ name: String, pid: Int32) -> Double {
        statusFields([name], pid: pid)[0]
    }

    /// The named fields of /proc/PID/status in MiB, in the order asked (0 for any missing).
    private static func statusFields(_ names: [String], pid: Int32) -> [Double] {
        var values = [Double](repeating: 0, count: names.count)
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return values }
        for line in status.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), let index = names.firstIndex(of: String(line[..<colon])) else { continue }
            let kilobytes = line[line.index(after: colon)...].split(separator: " ").compactMap { Double($0) }.first ?? 0
            values[index] = kilobytes / 1024
        }
        return values
    }
}

/// A process's resident memory (MiB): anonymous pages (heap, stacks, relocated data: what the process itself
/// costs) and file-backed ones (mostly the executable's code, clean, shared with the page cache and dropped
/// under pressure). The total also counts shared memory, which the server has none of.
struct MemoryUse: Sendable {
    var residentMiB: Double
    var anonymousMiB: Double
    var fileMiB: Double
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
