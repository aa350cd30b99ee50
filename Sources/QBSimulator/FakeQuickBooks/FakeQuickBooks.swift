import Foundation
public import QBXML

/// A simulated QuickBooks Desktop company file with its request processor, so QBBridge can be tested
/// end to end without Windows.
///
/// It answers qbXML request documents the way QuickBooks does (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on",
/// docs/qbxml-messages.md, docs/failure-catalogue.md): processor HRESULTs for malformed, out-of-order or too-new
/// documents; `onError` handling; requestIDs echoed; iterators that die with the session; real status
/// codes and message wording; and real accounting effects of payments, deletions and credits. Tests
/// act as the bookkeeper between syncs through the methods in `FakeQuickBooks+Bookkeeper.swift`, and
/// can step in between the bridge's pre-flight check and its write with `setBeforeApplying(_:)`.
public actor FakeQuickBooks {
    var file: CompanyFile
    private var beforeApplying: (@Sendable (ParsedRequest) async -> Void)?
    private var forgetIteratorsAt: Set<Int> = []
    private var openFailure: ProcessorError?
    private var refusals: [ProcessorError] = []
    /// Refusals waiting for a document that contains a request element (`refuseNextDocument(containing:with:)`).
    private var targetedRefusals: [(element: String, error: ProcessorError)] = []
    private var scriptedStatuses: [String: [QBXMLStatus]] = [:]
    private var counters = SimulatorStatistics()
    private var log: [ParsedRequest] = []

    /// An empty company (no customers or transactions) with an A/R account, Undeposited Funds and a
    /// Checking account, and the payment methods Check, Visa and ACH.
    public init(facts: CompanyFacts = CompanyFacts(), clock: QuickBooksClock = .system) throws(FakeQuickBooksError) {
        var file = try CompanyFile(facts: facts, clock: clock)
        let stamp = file.clock.tick()
        _ = try file.addAccount(name: "Accounts Receivable", type: "AccountsReceivable", at: stamp)
        _ = try file.addAccount(name: "Undeposited Funds", type: "OtherCurrentAsset", at: stamp)
        _ = try file.addAccount(name: "Checking", type: "Bank", at: stamp)
        for (name, type) in [("Check", "Check"), ("Visa", "Visa"), ("ACH", "ECheck")] {
            _ = try file.addPaymentMethod(name: name, type: type, at: stamp)
        }
        self.file = file
    }

    init(file: CompanyFile) {
        self.file = file
    }

    // MARK: The request processor

    /// Processes one request document as QuickBooks' request processor does and returns the response
    /// document, or the HRESULT for a document refused as a whole.
    ///
    /// Requests run in order. With `stopOnError` (and `rollbackOnError`, which Desktop does not honour)
    /// every request after the first error is answered 3231; with `continueOnError` each gets its own
    /// status. The `beforeApplying` hook runs before each write request.
    public func respond(to document: String) async -> SimulatedReply {
        counters.documentsReceived += 1
        if !refusals.isEmpty {
            counters.processorErrors += 1
            return .processorError(refusals.removeFirst())
        }
        if let index = targetedRefusals.firstIndex(where: { document.contains("<\($0.element)") }) {
            counters.processorErrors += 1
            return .processorError(targetedRefusals.remove(at: index).error)
        }
        let parsed: RequestDocument
        switch RequestDocument.read(document, supportedVersions: file.facts.supportedQBXMLVersions) {
        case .failure(let error):
            counters.processorErrors += 1
            return .processorError(error)
        case .success(let value):
            parsed = value
        }
        var response = CompanyFile.responsePrologue
        var stopped = false
        for request in parsed.requests {
            counters.requestsByType[request.name, default: 0] += 1
            log.append(request)
            if stopped {
                response += RequestOutcome(status: .notProcessed).rendered(for: request)
                continue
            }
            if request.isWrite, let hook = beforeApplying { await hook(request) }
            if forgetIteratorsAt.remove(counters.documentsReceived) != nil { file.iterators.removeAll() }
            let outcome = scriptedOutcome(for: request) ?? file.process(request)
            if request.name == "ReceivePaymentAddRq", outcome.status.isSuccess { counters.paymentsAdded += 1 }
            response += outcome.rendered(for: request)
            if outcome.status.stopsMessageSet, parsed.onError != "continueOnError" { stopped = true }
        }
        return .response(response + CompanyFile.responseEpilogue)
    }

    // MARK: Sessions (what the Web Connector does around the requests)

    /// Opens a QuickBooks session the way QBWC's OpenConnection/BeginSession would: fails with the
    /// configured `openFailure`, or with 0x80040403 when asked for a file other than this company's.
    /// Returns nil when the session is open.
    public func beginSession(companyFile: String = "") -> ProcessorError? {
        if let openFailure { return openFailure }
        if !companyFile.isEmpty, companyFile.caseInsensitiveCompare(file.facts.companyFilePath) != .orderedSame {
            return .cannotOpenFile
        }
        counters.sessionsBegun += 1
        return nil
    }

    /// Ends the QuickBooks session: every iterator dies (a later `Continue` gets 3391).
    public func endSession() {
        file.iterators.removeAll()
    }

    /// The `strHCPResponse` QBWC sends with the first `sendRequestXML`: HostQueryRs, CompanyQueryRs
    /// (with the data extensions of `ownerID`, e.g. the FileID stamp) and PreferencesQueryRs.
    public func hcpResponse(ownerID: String?) -> String {
        file.hcpResponse(ownerID: ownerID)
    }

    // MARK: Configuration and observation

    /// What this QuickBooks says about itself.
    public var facts: CompanyFacts { file.facts }

    /// Counters for tests and benchmarks.
    public var statistics: SimulatorStatistics { counters }

    /// Every request received, in order (refused documents contribute nothing).
    public var requests: [ParsedRequest] { log }

    /// Makes the next sessions fail to open with this HRESULT (e.g. `.modalDialog`); nil opens again.
    public func setOpenFailure(_ failure: ProcessorError?) {
        openFailure = failure
    }

    /// Refuses the next `count` documents as a whole with `error` (e.g. `.parseError`, or 0x8004041B
    /// "unable to lock"), without looking at them, to exercise the server's HRESULT handling.
    public func refuseNextDocuments(with error: ProcessorError, count: Int = 1) {
        refusals.append(contentsOf: Array(repeating: error, count: max(0, count)))
    }

    /// Refuses the next document that contains `element` (e.g. `ReceivePaymentAddRq`) as a whole with `error`,
    /// whatever comes before it: QuickBooks choking on one kind of request set.
    public func refuseNextDocument(containing element: String, with error: ProcessorError) {
        targetedRefusals.append((element, error))
    }

    /// Answers the next request of type `requestName` (e.g. `ReceivePaymentAddRq`) with `status` instead of
    /// processing it, for rejections the simulated company cannot provoke by itself: QuickBooks' 3000 "The
    /// given object ID … is invalid" needs an ID that QBBridge, which sends only IDs QuickBooks gave it, never
    /// sends.
    public func answerNext(_ requestName: String, with status: QBXMLStatus) {
        scriptedStatuses[requestName, default: []].append(status)
    }

    /// The scripted answer for `request`, if one is waiting (see `answerNext(_:with:)`).
    private func scriptedOutcome(for request: ParsedRequest) -> RequestOutcome? {
        guard let waiting = scriptedStatuses[request.name], let status = waiting.first else { return nil }
        scriptedStatuses[request.name] = Array(waiting.dropFirst())
        return RequestOutcome(status: status)
    }

    /// Runs `hook` before every write request (ReceivePaymentAdd/Mod, TxnDel) is applied: the moment
    /// between the bridge's pre-flight query and its post. nil removes it.
    public func setBeforeApplying(_ hook: (@Sendable (ParsedRequest) async -> Void)?) {
        beforeApplying = hook
    }

    /// Forgets every live iterator just before the `n`-th document (counted over the simulator's life) is
    /// processed, as when QuickBooks restarts between two pages of one Web Connector session: a
    /// `Continue` in that document gets 3391.
    public func forgetIterators(beforeDocument n: Int) {
        forgetIteratorsAt.insert(n)
    }

    /// Sets (or replaces) a data extension on the company, e.g. QBWC's `FileID` stamp under the
    /// application's OwnerID (docs/web-connector-protocol.md, "The .qwc file").
    public func stampDataExtension(ownerID: String, name: String, value: String) {
        file.facts.dataExtensions.removeAll { ($0.ownerID ?? "").uppercased() == ownerID.uppercased() && $0.name == name }
        file.facts.dataExtensions.append(DataExtension(ownerID: ownerID, name: name, type: "STR255TYPE", value: value))
    }

    /// The value of a data extension, nil when not set.
    public func dataExtension(ownerID: String, name: String) -> String? {
        file.facts.dataExtensions.first { ($0.ownerID ?? "").uppercased() == ownerID.uppercased() && $0.name == name }?.value
    }

    /// Changes the preferences QuickBooks reports (e.g. turns auto-apply off).
    public func setPreferences(_ preferences: CompanyPreferences) {
        file.facts.preferences = preferences
    }

    /// Moves a `.fixed` clock forward; the system clock cannot be moved.
    public func advanceClock(seconds: Int) {
        file.clock.advance(seconds: seconds)
    }

    /// The host's date today.
    public var today: QBDate { file.clock.today }

    /// How many iterators are alive in the current session.
    public var liveIteratorCount: Int { file.iterators.count }
}
