import Foundation
import QBSimulator
import QBXML
import Testing

/// A fixed host clock (2026-11-26 10:00 PST) so IDs, EditSequences and time stamps are stable.
let fixedClock = QuickBooksClock.fixed(start: Date(timeIntervalSince1970: 1_795_716_000), stepSeconds: 1)

/// The Acme Plumbing fixture on the fixed clock.
func acme() throws -> FakeQuickBooks {
    try FakeQuickBooks.acme(clock: fixedClock)
}

/// Renders requests with the bridge's own builders (schema-validated), sends them as one document and
/// reads the responses with the bridge's reader.
func send(_ requests: [any QBXMLRequest], to quickBooks: FakeQuickBooks, onError: OnError = .stopOnError,
          version: QBXMLVersion = .newestEmitted, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [QBXMLResponse] {
    let document = try QBXMLMessageSet(version: version, onError: onError, requests: requests).render()
    return try await sendRaw(document, to: quickBooks, sourceLocation: sourceLocation)
}

/// Sends one request and returns its response.
func sendOne(_ request: any QBXMLRequest, to quickBooks: FakeQuickBooks,
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> QBXMLResponse {
    let responses = try await send([request], to: quickBooks, sourceLocation: sourceLocation)
    return try #require(responses.first, "no response element", sourceLocation: sourceLocation)
}

/// Sends a hand-written document and reads the response document.
func sendRaw(_ document: String, to quickBooks: FakeQuickBooks,
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> [QBXMLResponse] {
    let reply = await quickBooks.respond(to: document)
    let xml = try #require(reply.responseXML, "expected a response document, got \(String(describing: reply.processorError))",
                           sourceLocation: sourceLocation)
    return try QBXMLResponseReader.readAll(xml)
}

/// A request document around hand-written requests.
func qbxmlDocument(_ requests: String, version: String = "13.0", onError: String = "stopOnError") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?><?qbxml version="\(version)"?><QBXML><QBXMLMsgsRq onError="\(onError)">\(requests)</QBXMLMsgsRq></QBXML>
    """
}

/// A ReceivePaymentAdd applying amounts to invoices, with a fresh ExternalGUID.
func paymentAdd(_ requestID: String = "pay-1", customer: String, total: String, applying applications: [(TxnID, String)],
                paymentMethod: String? = nil, depositTo: String? = nil, guid: QBGUID = QBGUID(UUID())) throws -> ReceivePaymentAddRq {
    ReceivePaymentAddRq(
        requestID: requestID, customer: .fullName(customer), txnDate: try #require(QBDate("2026-11-20")), refNumber: "BR-1",
        totalAmount: try #require(Money(total)), paymentMethod: paymentMethod.map { .fullName($0) },
        memo: "QBB:test", depositToAccount: depositTo.map { .fullName($0) }, externalGUID: guid,
        appliedTo: try applications.map { AppliedToTxnAdd(txnID: $0.0, paymentAmount: try money($0.1)) }
    )
}

/// The TxnID of an Acme invoice by RefNumber.
func invoiceID(_ refNumber: String, in quickBooks: FakeQuickBooks, sourceLocation: SourceLocation = #_sourceLocation) async throws -> TxnID {
    let invoice = try #require(await quickBooks.invoices(refNumber: refNumber).last, "no invoice \(refNumber)", sourceLocation: sourceLocation)
    return try #require(invoice.txnID, sourceLocation: sourceLocation)
}

/// An amount from text (test literals).
func money(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Money {
    try #require(Money(text), "\(text) is not an amount", sourceLocation: sourceLocation)
}

/// Checks a response's status code and exact message.
func expectStatus(_ response: QBXMLResponse, _ code: Int, _ message: String? = nil, severity: String? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.header.status.code == code, "status \(response.header.status.code): \(response.header.status.message)",
            sourceLocation: sourceLocation)
    if let message { #expect(response.header.status.message == message, sourceLocation: sourceLocation) }
    if let severity { #expect(response.header.status.severity == severity, sourceLocation: sourceLocation) }
}

extension QBXMLResponse {
    var invoices: [Invoice] { records.compactMap { if case .invoice(let value) = $0 { value } else { nil } } }
    var customers: [Customer] { records.compactMap { if case .customer(let value) = $0 { value } else { nil } } }
    var payments: [ReceivePayment] { records.compactMap { if case .receivePayment(let value) = $0 { value } else { nil } } }
    var creditMemos: [CreditMemo] { records.compactMap { if case .creditMemo(let value) = $0 { value } else { nil } } }
}
