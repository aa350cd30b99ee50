import Crypto
import Foundation
import QBXML
public import Domain
public import Store

/// What an upstream app sends to `POST /companies/{id}/requests`.
public struct RawRequestInput: Decodable, Sendable {
    /// One qbXML request: a `…Rq` element, or a whole qbXML document holding exactly one.
    public var qbxml: String?
    /// The oldest qbXML version the request is written for (default: QBBridge's oldest supported).
    public var minimumVersion: String?
    /// Idempotency key: the same key and text return the same request.
    public var externalId: String?

    /// Creates an input.
    public init(qbxml: String?, minimumVersion: String? = nil, externalId: String? = nil) {
        self.qbxml = qbxml
        self.minimumVersion = minimumVersion
        self.externalId = externalId
    }
}

/// A raw request's input as queued (its job's `payload`).
struct RawRequestPayload: Codable, Sendable, Equatable {
    var requestId: String
    var element: String
    var xml: String
    var minimumVersion: String
    var externalId: String?

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    init(requestId: String, element: String, xml: String, minimumVersion: String, externalId: String?) {
        self.requestId = requestId
        self.element = element
        self.xml = xml
        self.minimumVersion = minimumVersion
        self.externalId = externalId
    }

    init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(RawRequestPayload.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }

    /// A query reads only: sending it again after a lost answer is harmless.
    var isQuery: Bool { element.hasSuffix("QueryRq") }

    /// The checked request, rebuilt from the stored text.
    func request() throws -> RawQBXMLRequest {
        try RawQBXMLRequest(xml: xml, requestID: requestId, minimumVersion: QBXMLVersion(minimumVersion) ?? .oldestSupported)
    }
}

/// QuickBooks' answer to a raw request (its job's `result`).
public struct RawRequestAnswer: Codable, Sendable, Equatable {
    public var statusCode: Int?
    public var statusSeverity: String?
    public var statusMessage: String?
    /// The whole qbXML response document QuickBooks returned.
    public var response: String?
    /// Why there is no answer (the answer was lost, QuickBooks refused the request set).
    public var error: String?

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    init(statusCode: Int?, statusSeverity: String?, statusMessage: String?, response: String?, error: String?) {
        self.statusCode = statusCode
        self.statusSeverity = statusSeverity
        self.statusMessage = statusMessage
        self.response = response
        self.error = error
    }

    init?(json: String?) {
        guard let json, let decoded = try? JSONDecoder().decode(RawRequestAnswer.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }
}

/// Checks and queues raw qbXML requests, and reads their answers.
public struct RawRequestService: Sendable {
    let store: Store

    /// Raw request text above this is refused: one request element, not a data load.
    public static let maximumBytes = 1 << 20

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// Checks the request (RawQBXMLRequest: a request qbXML defines, QBBridge's schema for its own) and queues it; a request that fails the check is a
    /// 422 naming the element and the rule, and nothing is queued.
    public func enqueue(_ input: RawRequestInput, companyID: CompanyID, actor: String) async throws -> EnqueueResult {
        guard let company = try await store.companies.find(companyID) else { throw BridgeError.notFound("company", companyID.rawValue) }
        let payload = try Self.check(input)
        if company.readOnly && !payload.isQuery {
            throw BridgeError.conflict("Company \(company.name) is a read-only connection; only query requests (…QueryRq) can be sent through it.")
        }
        let hash = Hex.encode(SHA256.hash(data: Data((payload.minimumVersion + "\n" + payload.xml).utf8)))
        do {
            return try await store.jobs.enqueue(
                NewJob(companyID: companyID, kind: .rawRequest, externalID: payload.externalId, bodyHash: hash, payload: payload.json),
                actor: actor, detail: ["element": payload.element, "requestId": payload.requestId]
            )
        } catch StoreError.conflict {
            throw BridgeError.conflict("externalId \"\(payload.externalId ?? "")\" was already used for a different request; use a new externalId for a new request.")
        }
    }

    static func check(_ input: RawRequestInput) throws(BridgeError) -> RawRequestPayload {
        guard let text = input.qbxml, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidInput(["qbxml": "is required: one qbXML request element such as <CustomerQueryRq requestID=\"1\">…</CustomerQueryRq>"])
        }
        guard text.utf8.count <= maximumBytes else {
            throw .invalidInput(["qbxml": "is \(text.utf8.count) bytes; a raw request may be at most \(maximumBytes) bytes"])
        }
        var version = QBXMLVersion.oldestSupported
        if let wanted = input.minimumVersion {
            guard let parsed = QBXMLVersion(wanted) else { throw .invalidInput(["minimumVersion": "must be a qbXML version such as \"13.0\""]) }
            version = parsed
        }
        let externalId = input.externalId?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let externalId, externalId.isEmpty || externalId.count > 100 {
            throw .invalidInput(["externalId": "must be 1–100 characters"])
        }
        let request: RawQBXMLRequest
        do {
            request = try RawQBXMLRequest(xml: text, requestID: nil, minimumVersion: version)
        } catch .emptyField(let field) where field.hasSuffix("@requestID") {
            do {
                request = try RawQBXMLRequest(xml: text, requestID: "qbb-" + String(UUID().uuidString.prefix(8)).lowercased(), minimumVersion: version)
            } catch {
                throw .invalidInput(["qbxml": error.description])
            }
        } catch {
            throw .invalidInput(["qbxml": error.description])
        }
        return RawRequestPayload(requestId: request.requestID, element: request.elementName, xml: request.xml,
                                 minimumVersion: request.minimumVersion.description, externalId: externalId)
    }

    /// One raw request.
    public func request(_ id: JobID) async throws -> (job: Job, failure: FailureRecord?) {
        guard let job = try await store.jobs.find(id), job.kind == .rawRequest else { throw BridgeError.notFound("request", id.rawValue) }
        return (job, try await store.failures.open(forJob: id))
    }
}

/// A raw request as upstream apps see it.
public struct RawRequestView: Sendable {
    public var job: Job
    public var requestID: String?
    public var element: String?
    public var xml: String?
    public var minimumVersion: String?
    public var answer: RawRequestAnswer?

    /// Reads a raw-request job.
    public init(_ job: Job) {
        self.job = job
        let payload = RawRequestPayload(json: job.payload)
        requestID = payload?.requestId
        element = payload?.element
        xml = payload?.xml
        minimumVersion = payload?.minimumVersion
        answer = RawRequestAnswer(json: job.result)
    }

    /// `queued`, `sent`, `answered`, `failed` or `cancelled`.
    public var status: String {
        switch job.status {
        case .queued: "queued"
        case .inFlight, .uncertain: "sent"
        case .posted, .reversing, .reversed: "answered"
        case .failed: "failed"
        case .dismissed: "cancelled"
        }
    }
}
