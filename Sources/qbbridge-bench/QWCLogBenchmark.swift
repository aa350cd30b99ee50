import ArgumentParser
import Foundation
import WebConnectorLog

/// `qbbridge-bench qwclog`: how fast the Web Connector log reader (issue 23) reads a large `QWCLog.txt`
/// and how much memory it needs. Writes a log of about 30 MB by repeating the hand-written fixtures
/// (`Tests/WebConnectorLogTests/Fixtures/qwclog`) with their dates moved on a day per round, then reads it
/// from the file in 256 KiB blocks and prints MB/s, runs/s and the peak resident memory while reading
/// (`VmHWM`, reset before the read through /proc/self/clear_refs so the writing does not count).
struct QWCLogBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qwclog",
        abstract: "Read a generated ~30 MB Web Connector log (QWCLog.txt) and print MB/s and peak memory."
    )

    @Option(help: "The folder of the fixture logs to repeat.")
    var fixtures = "Tests/WebConnectorLogTests/Fixtures/qwclog"

    @Option(help: "The size of the generated log in MB.")
    var megabytes = 30

    @Option(help: "Where to write the generated log (default: a temporary file, removed afterwards).")
    var output: String?

    @Option(help: "How many timed reads; the fastest counts.")
    var runs = 3

    func validate() throws {
        guard megabytes >= 1, megabytes <= 60 else { throw ValidationError("--megabytes must be between 1 and 60 (the reader's limit is 64 MiB).") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
    }

    func run() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw ValidationError("No .txt fixtures in \(fixtures); run from the repository root or pass --fixtures.") }
        let sources = try names.map { try Data(contentsOf: URL(fileURLWithPath: fixtures).appendingPathComponent($0)) }
        let path = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-qwclog-bench-\(ProcessInfo.processInfo.processIdentifier).txt").path
        defer { if output == nil { try? FileManager.default.removeItem(atPath: path) } }
        let bytes = try Self.write(sources, to: path, targetBytes: megabytes * 1_000_000)
        print(String(format: "file: %@ (%.1f MB from %d fixtures)", path, Double(bytes) / 1_000_000, names.count))

        var best = Double.infinity
        var bestCPU = Double.infinity
        var report: QWCLogReport?
        for _ in 0..<runs {
            Self.resetPeakMemory()
            let start = ContinuousClock.now
            let cpuStart = Self.cpuSeconds()
            report = try QWCLogReader.read(contentsOf: URL(fileURLWithPath: path))
            let elapsed = start.duration(to: .now)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            bestCPU = min(bestCPU, Self.cpuSeconds() - cpuStart)
        }
        guard let report else { return }
        print("runs in the log: \(report.summary.runCount) (\(report.summary.completed) completed, \(report.summary.failed) failed, \(report.summary.unfinished) unfinished); lines: \(report.lineCount)")
        print(String(format: "qwclog read: %.1f MB/s, %.0f runs/s, %.2f s for %.1f MB; peak memory while reading (VmHWM) %.1f MiB",
                     Double(bytes) / 1_000_000 / best, Double(report.summary.runCount) / best, best, Double(bytes) / 1_000_000, Self.peakMemoryMiB()))
        // On a shared machine the wall clock counts other processes' turns too; CPU time is the reader's own.
        print(String(format: "qwclog read per CPU second: %.1f MB/s (%.2f s of CPU)", Double(bytes) / 1_000_000 / bestCPU, bestCPU))
    }

    /// Writes the fixtures again and again, each round a day later, until `targetBytes`; returns the size.
    static func write(_ sources: [Data], to path: String, targetBytes: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw ValidationError("Cannot write \(path).") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var written = 0
        var round = 0
        let base = Date(timeIntervalSince1970: 1_780_000_000)
        while written < targetBytes {
            let day = base.addingTimeInterval(Double(round) * 86_400)
            let stamp = Self.stamp(day)
            for source in sources {
                var out = Data(capacity: source.count)
                for line in source.split(separator: 0x0A, omittingEmptySubsequences: false) where !line.isEmpty {
                    // Lines starting with YYYYMMDD. get this round's date; the time of day stays.
                    if line.count > 9, line[line.startIndex + 8] == 0x2E, line.prefix(8).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                        out.append(stamp)
                        out.append(line.dropFirst(8))
                    } else {
                        out.append(line)
                    }
                    out.append(0x0A)
                }
                try handle.write(contentsOf: out)
                written += out.count
            }
            round += 1
        }
        return written
    }

    /// `YYYYMMDD` of a day, in UTC.
    static func stamp(_ date: Date) -> Data {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Data(String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0).utf8)
    }

    /// User and system CPU time of this process so far, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Resets the peak resident memory the kernel reports (Linux: writing 5 to /proc/self/clear_refs).
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// The process's peak resident memory (`VmHWM` in /proc/self/status), in MiB.
    static func peakMemoryMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Double($0) } ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
