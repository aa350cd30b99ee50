import ArgumentParser

/// `qbbridge-bench`: benchmarks that print figures (never timed tests). Build in release mode:
/// `swift run -c release qbbridge-bench <subcommand>`.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbbridge-bench",
        abstract: "QBBridge benchmarks; each prints its figures.",
        subcommands: [SOAPBenchmark.self, PaymentsBenchmark.self, PagesBenchmark.self, ParseBenchmark.self, PullBenchmark.self, LoadBenchmark.self,
                      SoakBenchmark.self, DepthBenchmark.self, QWCLogBenchmark.self, WebhooksBenchmark.self, ConnectCommand.self]
    )
}
