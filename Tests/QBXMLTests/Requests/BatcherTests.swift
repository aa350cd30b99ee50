import Testing
import QBXML
import QBBridgeTesting

@Suite("Batching", .tagFilter)
struct BatcherTests {
    private func payments(_ count: Int) throws -> [QBXMLBatcher.Entry] {
        try (0..<count).map { QBXMLBatcher.Entry(try Fixtures.payment("pmt-\($0)")) }
    }

    @Test("independent requests share continueOnError sets that never exceed the byte limit")
    func packsUnderLimit() throws {
        let one = try QBXMLMessageSet(version: Fixtures.version13, onError: .continueOnError, requests: [try Fixtures.payment()]).render().utf8.count
        let limit = one * 3
        let sets = try QBXMLBatcher(version: Fixtures.version13, maxBytes: limit).batch(try payments(10))
        #expect(sets.allSatisfy { $0.onError == .continueOnError })
        #expect(sets.flatMap { $0.requests.map(\.requestID) } == (0..<10).map { "pmt-\($0)" })
        #expect(sets.count == 4)
        for set in sets { #expect(try set.render().utf8.count <= limit) }
    }

    @Test("a group travels together in its own stopOnError set, in order")
    func groupsStayTogether() throws {
        let entries = [
            QBXMLBatcher.Entry(HostQueryRq(requestID: "free-1")),
            QBXMLBatcher.Entry(try Fixtures.payment("g-1"), group: "g"),
            QBXMLBatcher.Entry(PreferencesQueryRq(requestID: "free-2")),
            QBXMLBatcher.Entry(TxnDelRq(requestID: "g-2", txnID: "1-1"), group: "g"),
        ]
        let sets = try QBXMLBatcher(version: Fixtures.version13).batch(entries)
        #expect(sets.map(\.onError) == [.stopOnError, .continueOnError])
        #expect(sets.map { $0.requests.map(\.requestID) } == [["g-1", "g-2"], ["free-1", "free-2"]])
    }

    @Test("a request that must see another's result goes to a later stage")
    func dependenciesMakeStages() throws {
        let entries = [
            QBXMLBatcher.Entry(try Fixtures.invoiceQuery("check"), dependsOn: ["pay"]),
            QBXMLBatcher.Entry(try Fixtures.payment("pay")),
            QBXMLBatcher.Entry(HostQueryRq(requestID: "host")),
            QBXMLBatcher.Entry(TxnDelRq(requestID: "undo", txnID: "1-1"), dependsOn: ["check"]),
        ]
        let stages = try QBXMLBatcher(version: Fixtures.version13).stages(entries)
        #expect(stages.map { $0.flatMap { $0.requests.map(\.requestID) } } == [["pay", "host"], ["check"], ["undo"]])
    }

    @Test("unknown dependencies, cycles, duplicates and oversize requests are errors")
    func errors() throws {
        let batcher = QBXMLBatcher(version: Fixtures.version13)
        #expect(throws: QBXMLError.unknownDependency(requestID: "a", dependsOn: "ghost")) {
            try batcher.batch([QBXMLBatcher.Entry(HostQueryRq(requestID: "a"), dependsOn: ["ghost"])])
        }
        let cycle = #expect(throws: QBXMLError.self) {
            try batcher.batch([QBXMLBatcher.Entry(HostQueryRq(requestID: "a"), dependsOn: ["b"]),
                               QBXMLBatcher.Entry(HostQueryRq(requestID: "b"), dependsOn: ["a"])])
        }
        guard case .dependencyCycle(let ids)? = cycle else { Issue.record("\(String(describing: cycle))"); return }
        #expect(Set(ids) == ["a", "b"])
        #expect(throws: QBXMLError.duplicateRequestID("a")) {
            try batcher.batch([QBXMLBatcher.Entry(HostQueryRq(requestID: "a")), QBXMLBatcher.Entry(HostQueryRq(requestID: "a"))])
        }
        let tooSmall = QBXMLBatcher(version: Fixtures.version13, maxBytes: 300)
        let error = #expect(throws: QBXMLError.self) { try tooSmall.batch(try payments(1)) }
        guard case .requestTooLarge(let id, let bytes, 300)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(id == "pmt-0" && bytes > 300)
    }
}
