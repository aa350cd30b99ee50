import Foundation
import QBSimulator
import QBXML
import Testing
import QBBridgeTesting

@Suite("Simulated QuickBooks: request documents as a whole", .tagFilter)
struct DocumentTests {
    @Test("stopOnError answers every request after the first error with 3231, echoing each requestID")
    func stopOnError() async throws {
        let quickBooks = try acme()
        let paid = try await invoiceID("1001", in: quickBooks)
        let responses = try await send([
            try paymentAdd("first", customer: "Baker Street Bakery", total: "10.00", applying: [(paid, "10.00")]),
            InvoiceQueryRq(requestID: "second", selection: .refNumbers(["1002"])),
            HostQueryRq(requestID: "third"),
        ], to: quickBooks, onError: .stopOnError)
        #expect(responses.map(\.header.status.code) == [3210, 3231, 3231])
        #expect(responses.map(\.header.requestID) == ["first", "second", "third"])
        #expect(responses.map(\.header.name) == ["ReceivePaymentAddRs", "InvoiceQueryRs", "HostQueryRs"])
        expectStatus(responses[1], 3231, "The request has not been processed.", severity: "Error")
        #expect(responses[1].invoices.isEmpty)
    }

    @Test("continueOnError gives every request its own status; warnings and no-match do not stop a set")
    func continueOnError() async throws {
        let quickBooks = try acme()
        let paid = try await invoiceID("1001", in: quickBooks)
        let responses = try await send([
            try paymentAdd("first", customer: "Baker Street Bakery", total: "10.00", applying: [(paid, "10.00")]),
            InvoiceQueryRq(requestID: "second", selection: .refNumbers(["1002"])),
        ], to: quickBooks, onError: .continueOnError)
        #expect(responses.map(\.header.status.code) == [3210, 0])
        let warned = try await send([
            CustomerQueryRq(requestID: "a", selection: .fullNames(["Nobody"])),
            InvoiceQueryRq(requestID: "b", selection: .filter(TxnFilter(refNumber: .match(.startsWith, "ZZZ")))),
            HostQueryRq(requestID: "c"),
        ], to: quickBooks, onError: .stopOnError)
        #expect(warned.map(\.header.status.code) == [500, 1, 0])
    }

    @Test("a document with elements out of schema order is refused as a whole with 0x80040400")
    func outOfOrder() async throws {
        let quickBooks = try acme()
        let reply = await quickBooks.respond(to: qbxmlDocument(
            "<InvoiceQueryRq requestID=\"1\"><IncludeLineItems>true</IncludeLineItems><RefNumber>1001</RefNumber></InvoiceQueryRq>"))
        #expect(reply == .processorError(.parseError))
        #expect(reply.processorError?.hresult == "0x80040400")
        #expect(reply.processorError?.message == "QuickBooks found an error when parsing the provided XML text stream.")
        let before = await quickBooks.statistics
        #expect(before.processorErrors == 1)
        #expect(before.requestsByType.isEmpty)
    }

    @Test("a malformed or version-less document is refused with 0x80040400",
          arguments: [
            qbxmlDocument("<HostQueryRq requestID=\"1\">"),
            "<?xml version=\"1.0\"?><QBXML><QBXMLMsgsRq onError=\"stopOnError\"><HostQueryRq/></QBXMLMsgsRq></QBXML>",
            qbxmlDocument("<HostQueryRq/>").replacingOccurrences(of: " onError=\"stopOnError\"", with: ""),
            qbxmlDocument("<NotARequest/>"),
          ])
    func malformed(document: String) async throws {
        let quickBooks = try acme()
        #expect(await quickBooks.respond(to: document) == .processorError(.parseError))
    }

    @Test("a qbXML version newer than this QuickBooks supports is refused with 0x80040423")
    func tooNew() async throws {
        let quickBooks = try FakeQuickBooks(facts: CompanyFacts(maxQBXMLVersion: "12.0"), clock: fixedClock)
        let newer = try QBXMLMessageSet(version: .newestEmitted, onError: .stopOnError, requests: [HostQueryRq(requestID: "h")]).render()
        let reply = await quickBooks.respond(to: newer)
        #expect(reply.processorError?.hresult == "0x80040423")
        #expect(reply.processorError?.message == "The version of qbXML that was requested is not supported or is unknown.")
        let supported = try await send([HostQueryRq(requestID: "h")], to: quickBooks, version: QBXMLVersion(major: 12, minor: 0))
        #expect(supported.first?.header.status.code == 0)
        #expect(await quickBooks.respond(to: qbxmlDocument("<HostQueryRq/>", version: "12.5")).processorError == .unsupportedVersion)
    }

    @Test("a Canadian QuickBooks lists CA-prefixed versions and accepts its own prefix only")
    func canadianVersions() async throws {
        let quickBooks = try FakeQuickBooks(facts: CompanyFacts(country: "CA", maxQBXMLVersion: "13.0"), clock: fixedClock)
        let host = try #require(try await sendRaw(qbxmlDocument("<HostQueryRq requestID=\"h\"/>", version: "CA13.0"), to: quickBooks)
            .first?.records.first)
        guard case .host(let info) = host else {
            Issue.record("no HostRet")
            return
        }
        #expect(info.country == "CA")
        #expect(info.supportedQBXMLVersions.first == "CA1.0")
        #expect(info.supportedQBXMLVersions.last == "CA13.0")
        #expect(info.negotiatedVersion == QBXMLVersion(major: 13, minor: 0))
        #expect(await quickBooks.respond(to: qbxmlDocument("<HostQueryRq/>", version: "UK13.0")).processorError == .unsupportedVersion)
    }

    @Test("an unknown request type is answered 1030 while the other requests run")
    func unknownRequest() async throws {
        let quickBooks = try acme()
        let responses = try await sendRaw(qbxmlDocument(
            "<SalesOrderAddRq requestID=\"so\"><SalesOrderAdd><CustomerRef><FullName>X</FullName></CustomerRef></SalesOrderAdd></SalesOrderAddRq><HostQueryRq requestID=\"h\"/>",
            onError: "continueOnError"), to: quickBooks)
        #expect(responses.map(\.header.name) == ["SalesOrderAddRs", "HostQueryRs"])
        expectStatus(responses[0], 1030, "This request is not supported by this implementation.", severity: "Error")
        expectStatus(responses[1], 0)
    }

    @Test("statistics count documents, requests by type and the payments recorded")
    func statistics() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1009", in: quickBooks)
        _ = try await send([InvoiceQueryRq(requestID: "a", selection: .txnIDs([invoice])), HostQueryRq(requestID: "b")], to: quickBooks)
        _ = try await send([try paymentAdd(customer: "Baker Street Bakery", total: "120.00", applying: [(invoice, "120.00")])], to: quickBooks)
        _ = await quickBooks.respond(to: "not xml")
        let statistics = await quickBooks.statistics
        #expect(statistics.documentsReceived == 3)
        #expect(statistics.requestsByType == ["InvoiceQueryRq": 1, "HostQueryRq": 1, "ReceivePaymentAddRq": 1])
        #expect(statistics.paymentsAdded == 1)
        #expect(statistics.processorErrors == 1)
        #expect(await quickBooks.requests.map(\.name) == ["InvoiceQueryRq", "HostQueryRq", "ReceivePaymentAddRq"])
    }

    @Test("a refusal injected for the next document answers it with that HRESULT, then processing resumes")
    func injectedRefusal() async throws {
        let quickBooks = try acme()
        let busy = ProcessorError(hresult: "0x8004041B", message: "Unable to lock the necessary information to allow this application to access this company data file. Try again later.")
        await quickBooks.refuseNextDocuments(with: busy)
        let document = qbxmlDocument("<HostQueryRq requestID=\"h\"/>")
        #expect(await quickBooks.respond(to: document) == .processorError(busy))
        #expect(await quickBooks.respond(to: document).responseXML != nil)
    }
}
