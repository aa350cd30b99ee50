import QBSimulator
import QBXML
import Synchronization

/// The steady-state load run: every Web Connector polls again as soon as its session ends, for a fixed
/// time, with new payments queued before each session (as an upstream app feeding the bridge would),
/// starting at random moments so that they are not in step. This is how N Web Connectors load a server
/// in production: each runs on its own timer, and QuickBooks takes its time over every document
/// (`quickBooksDelay`), so the N sessions are in progress at once without arriving in one instant. The
/// burst run (all of them at the same instant, QuickBooks answering at once) measures the worst case;
/// this one measures the service a Web Connector gets.
struct SteadyLoad: Sendable {
    let fleet: LoadFleet
    let work: LoadWork
    let paymentsPerSession: Int
    let duration: Duration
    /// Start offsets are spread over this much time.
    let stagger: Duration
    let seed: UInt64

    struct Outcome: Sendable {
        var sessions = 0
        var errors: [String] = []
        var paymentIDs: [String] = []
    }

    /// Runs every connector until `duration` has passed since the start, each finishing the session it is in.
    func run(_ connectors: [TimedWebConnector], gauge: SessionGauge) async -> [Outcome] {
        let end = ContinuousClock.now + duration
        return await withTaskGroup(of: (Int, Outcome).self) { group in
            for (index, connector) in connectors.enumerated() {
                group.addTask {
                    var random = SeededRandom(seed: seed &+ UInt64(index) &* 7919)
                    let offset = Double(random.next(below: 10_000)) / 10_000 * stagger.seconds
                    try? await Task.sleep(for: .seconds(offset))
                    return (index, await loop(connector, index: index, until: end, gauge: gauge))
                }
            }
            var outcomes = [Outcome](repeating: Outcome(), count: connectors.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
    }

    private func loop(_ connector: TimedWebConnector, index: Int, until end: ContinuousClock.Instant, gauge: SessionGauge) async -> Outcome {
        var outcome = Outcome()
        let member = fleet.members[index]
        var round = 0
        while ContinuousClock.now < end {
            do {
                for number in 0..<paymentsPerSession where work == .raw {
                    outcome.paymentIDs.append(try await fleet.enqueueRawRequest(member, externalID: "steady-raw-\(fleet.tag)-\(index)-\(round)-\(number)"))
                }
                for number in 0..<paymentsPerSession where work == .payments {
                    // As a billing app runs: a new invoice, then a payment of it in full. Paying the same open
                    // invoices over and over instead would give each a growing list of linked payments, which
                    // QuickBooks returns in every later answer about them: documents would grow for the whole run.
                    let customer = member.invoices[number % member.invoices.count].customer?.fullName ?? ""
                    let txnID = try await member.quickBooks.addInvoice(customer: customer, refNumber: "S\(round)-\(number)",
                                                                      amount: Money(cents: 2500 + Int64(number))!)
                    guard let invoice = await member.quickBooks.invoice(txnID) else { throw BenchError("invoice \(txnID.rawValue) not entered") }
                    outcome.paymentIDs.append(try await fleet.api.enqueueFullPayment(
                        base: fleet.base, companyID: member.company.id, externalID: "steady-\(fleet.tag)-\(index)-\(round)-\(number)",
                        invoice: invoice
                    ))
                }
                round += 1
                gauge.begin()
                let result: TimedWebConnector.Outcome
                do {
                    result = try await connector.runSession(rotation: index + round)
                    gauge.end()
                } catch {
                    gauge.end()
                    throw error
                }
                switch result {
                case .completed: outcome.sessions += 1
                case .noWork: outcome.errors.append("\(connector.company.username): authenticate answered none with work queued")
                case .refused(let why): outcome.errors.append("\(connector.company.username): \(why)")
                }
            } catch {
                outcome.errors.append("\(connector.company.username): \(error)")
                return outcome
            }
        }
        return outcome
    }
}

/// Counts the sessions in progress and samples that count, for the average and peak concurrency.
final class SessionGauge: Sendable {
    private struct State {
        var inProgress = 0
        var peak = 0
        var sampleSum = 0
        var samples = 0
    }

    private let state = Mutex(State())

    func begin() { state.withLock { $0.inProgress += 1; $0.peak = max($0.peak, $0.inProgress) } }
    func end() { state.withLock { $0.inProgress -= 1 } }

    /// Samples every 50 ms until cancelled.
    func sample() async {
        while !Task.isCancelled {
            state.withLock { $0.sampleSum += $0.inProgress; $0.samples += 1 }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    var average: Double { state.withLock { $0.samples == 0 ? 0 : Double($0.sampleSum) / Double($0.samples) } }
    var peak: Int { state.withLock { $0.peak } }
}
