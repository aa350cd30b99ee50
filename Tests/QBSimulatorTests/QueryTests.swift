import Foundation
import QBSimulator
import QBXML
import Testing
import QBBridgeTesting

@Suite("Simulated QuickBooks: queries, iterators and filters", .tagFilter)
struct QueryTests {
    @Test("an iterator pages 250 invoices 100 at a time with 150, 50 and 0 remaining")
    func iteratorPaging() async throws {
        let quickBooks = try FakeQuickBooks.generated(customers: 12, invoices: 250, seed: 7, clock: fixedClock)
        let filter = TxnQuerySelection.filter(TxnFilter(maxReturned: 100))
        let first = try await sendOne(InvoiceQueryRq(requestID: "p1", selection: filter, iterator: .start), to: quickBooks)
        let iteratorID = try #require(first.header.iteratorID)
        #expect(iteratorID.hasPrefix("{") && iteratorID.hasSuffix("}") && iteratorID.count == 38)
        let second = try await sendOne(InvoiceQueryRq(requestID: "p2", selection: filter, iterator: .continue(iteratorID: iteratorID)), to: quickBooks)
        let third = try await sendOne(InvoiceQueryRq(requestID: "p3", selection: filter, iterator: .continue(iteratorID: iteratorID)), to: quickBooks)
        #expect([first, second, third].map(\.invoices.count) == [100, 100, 50])
        #expect([first, second, third].map(\.header.iteratorRemainingCount) == [150, 50, 0])
        #expect([second, third].map(\.header.iteratorID) == [iteratorID, iteratorID])
        #expect(Set([first, second, third].flatMap(\.invoices).compactMap(\.txnID)).count == 250)
        let finished = try await sendOne(InvoiceQueryRq(requestID: "p4", selection: filter, iterator: .continue(iteratorID: iteratorID)), to: quickBooks)
        expectStatus(finished, 3391, "The iteratorID \"\(iteratorID)\" is not valid.")
    }

    @Test("an iterator dies with the QuickBooks session: Continue afterwards is 3391")
    func iteratorDiesWithSession() async throws {
        let quickBooks = try acme()
        let filter = TxnQuerySelection.filter(TxnFilter(maxReturned: 10))
        let first = try await sendOne(InvoiceQueryRq(requestID: "p1", selection: filter, iterator: .start), to: quickBooks)
        let iteratorID = try #require(first.header.iteratorID)
        #expect(first.header.iteratorRemainingCount == 15)
        await quickBooks.endSession()
        let stale = try await sendOne(InvoiceQueryRq(requestID: "p2", selection: filter, iterator: .continue(iteratorID: iteratorID)), to: quickBooks)
        expectStatus(stale, 3391, "The iteratorID \"\(iteratorID)\" is not valid.", severity: "Error")
        #expect(stale.invoices.isEmpty)
    }

    @Test("a query by a FullName or RefNumber that does not exist warns with 500 and returns the rest")
    func missingNames() async throws {
        let quickBooks = try acme()
        let customers = try await sendOne(CustomerQueryRq(requestID: "c", selection: .fullNames(["Nobody Inc"])), to: quickBooks)
        expectStatus(customers, 500,
                     "The query request has not been fully completed. There was a required element (\"Nobody Inc\") that could not be found in QuickBooks.",
                     severity: "Warn")
        let invoices = try await sendOne(InvoiceQueryRq(requestID: "i", selection: .refNumbers(["1001", "9999"])), to: quickBooks)
        expectStatus(invoices, 500,
                     "The query request has not been fully completed. There was a required element (\"9999\") that could not be found in QuickBooks.")
        #expect(invoices.invoices.map(\.refNumber) == ["1001"])
    }

    @Test("a query by a ListID or TxnID that does not exist is 3120")
    func missingIDs() async throws {
        let quickBooks = try acme()
        let customers = try await sendOne(CustomerQueryRq(requestID: "c", selection: .listIDs(["8000001B-1405768916"])), to: quickBooks)
        expectStatus(customers, 3120,
                     "Object \"8000001B-1405768916\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.",
                     severity: "Error")
        let payments = try await sendOne(ReceivePaymentQueryRq(requestID: "p", selection: .txnIDs(["4EB8-1347889479"])), to: quickBooks)
        expectStatus(payments, 3120)
    }

    @Test("a filter that matches nothing is status 1")
    func noMatch() async throws {
        let quickBooks = try acme()
        let range = DateRangeFilter.txnDate(from: QBDate("2020-01-01"), to: QBDate("2020-12-31"))
        let response = try await sendOne(InvoiceQueryRq(requestID: "i", selection: .filter(TxnFilter(dateRange: range))), to: quickBooks)
        expectStatus(response, 1, "A query request did not find a matching object in QuickBooks", severity: "Info")
        #expect(response.invoices.isEmpty)
    }

    @Test("filters select by customer, paid status, date range and reference number")
    func filters() async throws {
        let quickBooks = try acme()
        let open = try await sendOne(InvoiceQueryRq(requestID: "a", selection: .filter(TxnFilter(entity: .fullNames(["maple grove hoa"]))),
                                                    paidStatus: .notPaidOnly), to: quickBooks)
        #expect(open.invoices.map(\.refNumber) == ["1017", "1025"])
        let paid = try await sendOne(InvoiceQueryRq(requestID: "b", paidStatus: .paidOnly), to: quickBooks)
        #expect(paid.invoices.compactMap(\.refNumber).sorted() == ["1001", "1002", "1005", "1006", "1008", "1010"])
        let october = try await sendOne(InvoiceQueryRq(requestID: "c", selection: .filter(TxnFilter(
            dateRange: .txnDate(from: QBDate("2026-10-01"), to: QBDate("2026-10-31")), refNumber: .match(.startsWith, "101")))), to: quickBooks)
        #expect(october.invoices.compactMap(\.refNumber) == ["1015", "1016", "1017", "1018", "1019"])
        let jobs = try await sendOne(InvoiceQueryRq(requestID: "d", selection: .filter(TxnFilter(entity: .fullNameWithChildren("O'Neil Construction")))),
                                     to: quickBooks)
        #expect(jobs.invoices.compactMap(\.refNumber) == ["1007", "1011", "1015"])
        let payments = try await sendOne(ReceivePaymentQueryRq(requestID: "e", selection: .filter(TxnFilter(entity: .fullNames(["Cedar Ridge Dental"]))),
                                                               includeLineItems: true), to: quickBooks)
        #expect(payments.payments.compactMap(\.refNumber) == ["ACH-20260905", "ACH-20261020"])
        #expect(payments.payments.last?.unusedPayment == (try money("50.00")))
    }

    @Test("customer list filters: name match and range, total balance, modified date")
    func customerFilters() async throws {
        let quickBooks = try acme()
        func names(_ filter: CustomerListFilter) async throws -> [String] {
            try await sendOne(CustomerQueryRq(requestID: "c", selection: .filter(filter)), to: quickBooks).customers.compactMap(\.fullName)
        }
        #expect(try await names(CustomerListFilter(name: .match(.contains, "ridge"))) == ["Cedar Ridge Dental"])
        #expect(try await names(CustomerListFilter(name: .match(.startsWith, "o'neil"))) == ["O'Neil Construction", "O'Neil Construction:Lakeside Remodel"])
        #expect(try await names(CustomerListFilter(name: .range(from: "K", to: "N"))) == ["Kwan & Sons Hardware", "Maple Grove HOA"])
        #expect(try await names(CustomerListFilter(totalBalance: TotalBalanceFilter(.greaterThan, try money("2000.00"))))
            == ["Harbor View Apartments", "O'Neil Construction", "O'Neil Construction:Lakeside Remodel"])
        let since = try #require(QBDateTime("2026-01-01T00:00:00"))
        #expect(try await names(CustomerListFilter(fromModifiedDate: since)) == ["O'Neil Construction", "O'Neil Construction:Lakeside Remodel", "Sunset Veterinary Clinic"])
        #expect(try await names(CustomerListFilter(maxReturned: 2)) == ["Baker Street Bakery", "Cedar Ridge Dental"])
    }

    @Test("date macros and reference-number ranges select relative to the host's today")
    func dateMacrosAndRanges() async throws {
        let quickBooks = try acme()
        #expect(await quickBooks.today == QBDate("2026-11-26"))
        func refs(_ filter: TxnFilter) async throws -> [String] {
            try await sendOne(InvoiceQueryRq(requestID: "i", selection: .filter(filter)), to: quickBooks).invoices.compactMap(\.refNumber)
        }
        #expect(try await refs(TxnFilter(dateRange: .txnDateMacro(.thisMonth))) == ["1022", "1024", "1025"])
        #expect(try await refs(TxnFilter(dateRange: .txnDateMacro(.lastMonth))) == ["1015", "1016", "1017", "1018", "1019", "1020", "1021"])
        #expect(try await refs(TxnFilter(dateRange: .txnDateMacro(.lastCalendarYear))) == ["1023"])
        #expect(try await refs(TxnFilter(refNumber: .range(from: "1008", to: "1011"))) == ["1008", "1009", "1010", "1011"])
    }

    @Test("metaData MetaDataOnly counts without records, and iterator Stop ends an iterator")
    func metaDataAndStop() async throws {
        let quickBooks = try acme()
        let counted = try #require(try await sendRaw(qbxmlDocument(
            "<InvoiceQueryRq requestID=\"m\" metaData=\"MetaDataOnly\"><PaidStatus>NotPaidOnly</PaidStatus></InvoiceQueryRq>"), to: quickBooks).first)
        #expect(counted.header.retCount == 19)
        #expect(counted.invoices.isEmpty)
        let filter = TxnQuerySelection.filter(TxnFilter(maxReturned: 5))
        let first = try await sendOne(InvoiceQueryRq(requestID: "s", selection: filter, iterator: .start), to: quickBooks)
        let iteratorID = try #require(first.header.iteratorID)
        let stopped = try await sendOne(InvoiceQueryRq(requestID: "t", selection: filter, iterator: .stop(iteratorID: iteratorID)), to: quickBooks)
        expectStatus(stopped, 0)
        #expect(await quickBooks.liveIteratorCount == 0)
        let after = try await sendOne(InvoiceQueryRq(requestID: "u", selection: filter, iterator: .continue(iteratorID: iteratorID)), to: quickBooks)
        expectStatus(after, 3391)
    }

    @Test("a modified-date filter finds the invoice a new payment touched")
    func modifiedSince() async throws {
        let quickBooks = try acme()
        let invoice = try await invoiceID("1018", in: quickBooks)
        let added = try await sendOne(try paymentAdd(customer: "Cedar Ridge Dental", total: "85.00", applying: [(invoice, "85.00")]), to: quickBooks)
        let stamp = try #require(added.payments.first?.timeModified)
        let since = TxnQuerySelection.filter(TxnFilter(dateRange: .modified(from: stamp, to: nil)))
        let changed = try await sendOne(InvoiceQueryRq(requestID: "m", selection: since), to: quickBooks)
        #expect(changed.invoices.map(\.txnID) == [invoice])
        let payments = try await sendOne(ReceivePaymentQueryRq(requestID: "p", selection: since), to: quickBooks)
        #expect(payments.payments.map(\.txnID) == [added.payments.first?.txnID])
    }

    @Test("inactive customers are hidden unless asked for by ListID or with ActiveStatus All")
    func activeStatus() async throws {
        let quickBooks = try acme()
        let active = try await sendOne(CustomerQueryRq(requestID: "a"), to: quickBooks)
        #expect(active.customers.count == 8)
        #expect(!active.customers.contains { $0.name == "Old Mill Diner" })
        let all = try await sendOne(CustomerQueryRq(requestID: "b", selection: .filter(CustomerListFilter(activeStatus: .all))), to: quickBooks)
        #expect(all.customers.count == 9)
        let id = try #require(await quickBooks.customer("Old Mill Diner")?.listID)
        let byID = try await sendOne(CustomerQueryRq(requestID: "c", selection: .listIDs([id])), to: quickBooks)
        #expect(byID.customers.first?.isActive == false)
        #expect(byID.customers.first?.balance == (try money("240.00")))
        let job = try await sendOne(CustomerQueryRq(requestID: "d", selection: .fullNames(["O'Neil Construction"])), to: quickBooks)
        #expect(job.customers.first?.balance == (try money("2700.00")))
        #expect(job.customers.first?.totalBalance == (try money("5040.00")))
    }

    @Test("IncludeRetElement returns only the named elements; AppliedToTxnRet needs IncludeLineItems")
    func includeRetElement() async throws {
        let quickBooks = try acme()
        let slim = try await sendOne(InvoiceQueryRq(requestID: "a", selection: .refNumbers(["1003"]), includeLinkedTxns: true,
                                                    includeRetElements: ["TxnID", "BalanceRemaining"]), to: quickBooks)
        let invoice = try #require(slim.invoices.first)
        #expect(invoice.txnID != nil)
        #expect(invoice.balanceRemaining == (try money("150.00")))
        #expect(invoice.refNumber == nil && invoice.customer == nil && invoice.linkedTxns.isEmpty)
        let bare = try await sendOne(ReceivePaymentQueryRq(requestID: "b", selection: .refNumbers(["2290"])), to: quickBooks)
        #expect(bare.payments.first?.appliedTo.isEmpty == true)
        let full = try await sendOne(ReceivePaymentQueryRq(requestID: "c", selection: .refNumbers(["2290"]), includeLineItems: true), to: quickBooks)
        #expect(full.payments.first?.appliedTo.first?.refNumber == "1003")
    }

    @Test("the HCP response carries the host's versions, the FileID stamp under the OwnerID, and the preferences")
    func hcpResponse() async throws {
        let quickBooks = try acme()
        let owner = "{8B7F3A4C-2D5E-4F60-9A1B-C2D3E4F5A6B7}"
        await quickBooks.stampDataExtension(ownerID: owner, name: "FileID", value: "{11111111-2222-3333-4444-555555555555}")
        let hcp = try HCPResponse(parsing: await quickBooks.hcpResponse(ownerID: owner))
        #expect(hcp.problem == nil)
        #expect(hcp.host?.productName == "QuickBooks Desktop Pro 2024")
        #expect(hcp.host?.supportedQBXMLVersions.last == "13.0")
        #expect(hcp.negotiatedVersion == QBXMLVersion(major: 13, minor: 0))
        #expect(hcp.company?.companyName == "Acme Plumbing LLC")
        #expect(hcp.company?.dataExtension(named: "FileID", ownerID: owner.lowercased()) == "{11111111-2222-3333-4444-555555555555}")
        #expect(hcp.preferences?.isAutoApplyingPayments == true)
        let other = try HCPResponse(parsing: await quickBooks.hcpResponse(ownerID: "{00000000-0000-0000-0000-000000000001}"))
        #expect(other.company?.dataExtensions.isEmpty == true)
    }

    @Test("TimeModified is the host's wall clock with QuickBooks' standard offset, even in summer")
    func dstQuirk() async throws {
        // 2026-07-15T17:00:00Z is 10:00 PDT; QuickBooks writes -08:00 all year on a US-Pacific host.
        let summer = QuickBooksClock.fixed(start: Date(timeIntervalSince1970: 1_784_134_800), stepSeconds: 1)
        let quickBooks = try FakeQuickBooks(clock: summer)
        try await quickBooks.addCustomer(name: "Summer Customer")
        let invoice = try await quickBooks.addInvoice(customer: "Summer Customer", refNumber: "S-1", amount: try money("10.00"))
        let response = try await sendOne(InvoiceQueryRq(requestID: "q", selection: .txnIDs([invoice])), to: quickBooks)
        let created = try #require(response.invoices.first?.timeCreated)
        #expect(created.raw == "2026-07-15T10:00:02-08:00")
        #expect(response.invoices.first?.editSequence == "1784134802")
        #expect(invoice.rawValue.hasSuffix("-1784134802"))
    }
}
