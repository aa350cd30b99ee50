import Foundation
import Synchronization

/// Collects per-call latencies from many tasks and reports percentiles.
final class LatencyRecorder: Sendable {
    private let samples = Mutex<[Double]>([])
    private let byCall = Mutex<[String: [Double]]>([:])

    func record(_ duration: Duration, call: String? = nil) {
        let parts = duration.components
        let milliseconds = Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
        samples.withLock { $0.append(milliseconds) }
        if let call { byCall.withLock { $0[call, default: []].append(milliseconds) } }
    }

    var count: Int { samples.withLock { $0.count } }

    func percentile(_ p: Double) -> Double {
        Self.percentile(p, of: samples.withLock { $0 })
    }

    /// The percentile `p` of each of `parts` consecutive stretches of the calls, in the order they finished: in a
    /// steady run, how the tail moves from the start of the run to its end.
    func percentileByPart(_ p: Double, parts: Int = 10) -> [Double] {
        samples.withLock { $0 }.stretches(parts).map { Self.percentile(p, of: Array($0)) }
    }

    /// p50 and p99 of each Web Connector method, slowest p99 first: where the tail comes from.
    func byCallSummary() -> String {
        let calls = byCall.withLock { $0 }
        return calls.map { (call: $0.key, p50: Self.percentile(50, of: $0.value), p99: Self.percentile(99, of: $0.value)) }
            .sorted { $0.p99 > $1.p99 }
            .map { "\($0.call) p50 " + String(format: "%.1f / p99 %.1f ms", $0.p50, $0.p99) }
            .joined(separator: ", ")
    }

    private static func percentile(_ p: Double, of samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }
}
