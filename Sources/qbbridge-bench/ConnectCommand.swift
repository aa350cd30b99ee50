import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOSSL
import QBSimulator

/// `qbbridge-bench connect`: one simulated Web Connector against a real address, over HTTPS as the Windows one
/// connects: it runs whole sessions (serverVersion, clientVersion, authenticate, sendRequestXML/receiveResponseXML until
/// done, closeConnection) against a generated QuickBooks company, with TimedWebConnector's SOAP calls. Used by
/// Tests/https/run.sh (docs/operations.md, "The HTTPS end-to-end test"). Without --ca-file it trusts only the system's
/// trust store, as the Web Connector trusts only Windows'; a refused certificate is reported as the QBWC1048 situation.
struct ConnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Run one simulated Web Connector's sessions against a server (e.g. over HTTPS through a proxy) and say what happened."
    )

    @Option(help: "The Web Connector URL, as in the .qwc's AppURL (e.g. https://qbbridge.test/qbwc).") var url: String?
    @Option(help: ArgumentHelp("Connect to ADDRESS for HOST:PORT instead of asking DNS (like curl); TLS still checks HOST.", valueName: "host:port:address"))
    var resolve: [String] = []
    @Option(help: ArgumentHelp("PEM file of extra trust roots, added to the system's (e.g. the test ACME authority's root).", valueName: "pem"))
    var caFile: String?
    @Option(help: "The company's Web Connector user name.") var user: String?
    @Option(help: "The company's Web Connector password.") var password: String?
    @Option(help: "Seed of the generated QuickBooks company (the same seed gives the same invoices).") var seed: UInt64 = 7
    @Flag(help: "Fail unless at least one payment was posted in the simulated QuickBooks.") var expectPayment = false
    @Option(help: ArgumentHelp("Print, with this externalId, the payment JSON (for POST /api/v1/companies/{id}/payments or 'qbbridge enqueue payment') that pays the first open invoice of the generated company in full, and exit.",
                               valueName: "external-id"))
    var printPayment: String?

    func run() async throws {
        let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 12, seed: seed)
        if let externalID = printPayment {
            guard let invoice = await quickBooks.openInvoices().first, let txnID = invoice.txnID,
                  let customer = invoice.customer?.fullName, let amount = invoice.balanceRemaining else {
                throw BenchError("the generated company has no open invoice")
            }
            print(#"{"externalId": "\#(externalID)", "customer": {"fullName": "\#(customer)"}, "amount": "\#(amount)", "date": "2026-11-20", "applications": [{"invoice": {"txnId": "\#(txnID.rawValue)"}, "amount": "\#(amount)"}]}"#)
            return
        }
        guard let url, let user, let password else { throw ValidationError("Give --url, --user and --password (or --print-payment).") }
        guard let parsed = URL(string: url), let host = parsed.host?.lowercased() else { throw ValidationError("--url \(url) is not an absolute URL.") }
        let port = parsed.port ?? (parsed.scheme?.lowercased() == "https" ? 443 : 80)

        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.additionalTrustRoots = [.file(caFile)] }
        var settings = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow,
                                                timeout: .init(connect: .seconds(10), read: .seconds(60)))
        settings.connectionPool.retryConnectionEstablishment = false
        for entry in resolve {
            let parts = entry.split(separator: ":", maxSplits: 2).map(String.init)
            guard parts.count == 3, Int(parts[1]) != nil else { throw ValidationError("--resolve \(entry) is not HOST:PORT:ADDRESS.") }
            if parts[0].lowercased() == host, Int(parts[1]) == port { settings.dnsOverride[host] = parts[2] }
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
        defer { _ = client.shutdown() }
        print("Web Connector → \(url)\(settings.dnsOverride[host].map { " (connecting to \($0))" } ?? ""); trust: the system's store\(caFile.map { " + \($0)" } ?? " only")")

        let connector = TimedWebConnector(endpoints: [url], company: BenchAPI.Company(id: "", username: user, password: password),
                                          quickBooks: quickBooks, client: client, latencies: LatencyRecorder())
        let paymentsBefore = await quickBooks.payments().count
        var sessions = 0
        sessionLoop: for attempt in 0..<5 {
            let outcome: TimedWebConnector.Outcome
            do {
                outcome = try await connector.runSession(rotation: attempt)
            } catch where Self.isTLSRefusal(error) {
                print("REFUSED: the certificate of \(host) is not trusted here (\(error)).")
                print("This is the QBWC1048 situation: the Web Connector on Windows refuses the same way and never sends a SOAP call.")
                throw ExitCode(2)
            }
            switch outcome {
            case .completed:
                sessions += 1
                print("session \(sessions): completed (closeConnection answered)")
            case .noWork:
                print(sessions == 0 ? "authenticate: no work (none)" : "authenticate: no more work (none)")
                break sessionLoop
            case .refused(let why):
                throw BenchError("session refused: \(why)")
            }
        }
        let posted = await quickBooks.payments().count - paymentsBefore
        print("payments posted in the simulated QuickBooks: \(posted); SOAP calls: \(connector.latencies.count)")
        if expectPayment, posted == 0 { throw BenchError("--expect-payment: no payment was posted in the simulated QuickBooks") }
    }

    static func isTLSRefusal(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }
}
