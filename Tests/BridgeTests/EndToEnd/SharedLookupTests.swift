import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import WebConnector
import QBBridgeTesting

/// Found by `qbbridge-bench soak`: after a lost answer, every uncertain payment was looked up with its own
/// query for "payments of this customer around this day", so 200 payments of one customer came back as
/// 200 copies of the same 200 payments, more than 10 MB in one SOAP text node, and the company stalled.
@Suite("Pre-flight queries are shared by the payments they answer for", .tagFilter)
struct SharedLookupTests {
    @Test("uncertain payments of one customer and day share one look-up; each is found by its own marker, posted once")
    func sharedLookups() async throws {
        try await withRunningBridge(configure: { $0.bridge.sessionStaleAfterSeconds = 0 }) { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 61)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let customer = try #require(await quickBooks.customers().first?.fullName)
            var invoices: [TxnID] = []
            for number in 0..<40 {
                invoices.append(try await quickBooks.addInvoice(customer: customer, refNumber: "SL-\(number)", amount: try #require(Money("10.00"))))
            }
            var jobs: [JobID] = []
            for (number, invoice) in invoices.enumerated() {
                jobs.append(try await lab.pay("shared-\(number)", customer: customer, amount: try #require(Money("10.00")),
                                              invoice: (invoice.rawValue, nil)))
            }
            let paymentsBefore = await quickBooks.payments().count
            // The company-file check, the pre-flight, then the post whose answer the Web Connector loses.
            _ = await lab.webConnector.runSession(faults: [.dropResponse(roundTrip: 3)])
            #expect(await quickBooks.payments().count == paymentsBefore + 40)
            let reports = await lab.sync()
            let preflight = try #require(reports.first?.requestDocuments.first)
            #expect(preflight.components(separatedBy: "<ReceivePaymentQueryRq").count - 1 == 1, "one look-up for one customer and day")
            for job in jobs { #expect(try await lab.job(job).status == .posted) }
            #expect(await quickBooks.payments().count == paymentsBefore + 40, "nothing posted twice")
        }
    }

    @Test("payments naming no invoice share one open-invoice query per customer and still split the invoices between them")
    func sharedOpenInvoices() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 3, seed: 62)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let customer = "Shared Open Co"
            try await quickBooks.addCustomer(name: customer)
            let first = try await quickBooks.addInvoice(customer: customer, refNumber: "SO-1", amount: try #require(Money("30.00")))
            let second = try await quickBooks.addInvoice(customer: customer, refNumber: "SO-2", amount: try #require(Money("30.00")))
            let one = try await lab.pay("open-1", customer: customer, amount: try #require(Money("30.00")), invoice: nil)
            let two = try await lab.pay("open-2", customer: customer, amount: try #require(Money("30.00")), invoice: nil)
            let reports = await lab.sync()
            let preflight = try #require(reports.first?.requestDocuments.dropFirst().first)
            #expect(preflight.components(separatedBy: "<PaidStatus>NotPaidOnly</PaidStatus>").count - 1 == 1)
            #expect(try await lab.job(one).status == .posted)
            #expect(try await lab.job(two).status == .posted)
            #expect(await quickBooks.invoice(first)?.balanceRemaining == .zero)
            #expect(await quickBooks.invoice(second)?.balanceRemaining == .zero)
        }
    }

    @Test("a SOAP envelope whose qbXML response is larger than libxml2's 10 MB text limit is read (the body limit still applies)")
    func hugeResponseText() throws {
        let record = "<ReceivePaymentRet><TxnID>1-1</TxnID><Memo>" + String(repeating: "x", count: 1000) + "</Memo></ReceivePaymentRet>"
        let inner = "<?xml version=\"1.0\"?><QBXML><QBXMLMsgsRs><ReceivePaymentQueryRs requestID=\"1\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\">"
            + String(repeating: record, count: 11_000) + "</ReceivePaymentQueryRs></QBXMLMsgsRs></QBXML>"
        let escaped = inner.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(escaped.utf8.count > 10 * 1024 * 1024)
        let envelope = SOAPText.envelope("receiveResponseXML", [("ticket", "t"), ("response", ""), ("hresult", ""), ("message", "")])
            .replacingOccurrences(of: "<response></response>", with: "<response>\(escaped)</response>")
        let call = try SOAPEnvelopeReader.read(Array(envelope.utf8))
        #expect(call.operation == .receiveResponseXML)
        #expect(call.parameters["response"]?.utf8.count == inner.utf8.count)
    }
}
