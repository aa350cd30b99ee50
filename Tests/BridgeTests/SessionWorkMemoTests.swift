@testable import Bridge
import Foundation
import Testing
import QBBridgeTesting

/// A session's run state read back by the process that saved it is taken from memory, and is exactly what
/// decoding the saved text gives.
@Suite("Session run state read back from memory", .tagFilter)
struct SessionWorkMemoTests {
    @Test("state saved by this process reads back equal to a fresh decode, and only once from memory")
    func savedStateReadsBackFromMemory() throws {
        var work = SessionWork(steps: [.verifyCompanyFile], outstanding: ["verify-file"], notes: ["memo \(UUID())"], exchangedData: true)
        work.counts.posted = 3
        let text = work.json

        let fresh = try JSONDecoder().decode(SessionWork.self, from: Data(text.utf8))
        #expect(SessionWork(json: text) == fresh)
        #expect(fresh == work)
        // Taken on first use: a second read decodes the text again, with the same result.
        #expect(SessionWork.memo.take(text) == nil)
        #expect(SessionWork(json: text) == work)
    }

    @Test("text this process never wrote is decoded, and text that is not run state reads as empty")
    func foreignTextIsDecoded() {
        let foreign = #"{"steps":[],"outstanding":["payments-1"],"notes":["from another instance"],"exchangedData":false,"counts":{"posted":1}}"#
        let work = SessionWork(json: foreign)
        #expect(work.outstanding == ["payments-1"])
        #expect(work.notes == ["from another instance"])
        #expect(work.counts.posted == 1)
        #expect(SessionWork(json: "not json") == .empty)
        #expect(SessionWork(json: nil) == .empty)
    }

    @Test("the memo forgets everything when full instead of growing without bound")
    func memoIsBounded() {
        let memo = DecodedJSONMemo<Int>(capacity: 3)
        for index in 0..<3 { memo.remember(index, as: "text \(index)") }
        #expect(memo.count == 3)
        memo.remember(3, as: "text 3")
        #expect(memo.count == 1)
        #expect(memo.take("text 0") == nil)
        #expect(memo.take("text 3") == 3)
        #expect(memo.count == 0)
    }
}
