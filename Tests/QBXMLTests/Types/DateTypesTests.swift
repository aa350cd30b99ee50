import Foundation
import Testing
import QBXML
import QBBridgeTesting

@Suite("QBDate and QBDateTime", .tagFilter)
struct DateTypesTests {
    @Test("QBDate reads and writes YYYY-MM-DD and refuses impossible days and zones",
          arguments: ["2024-02-29", "1999-12-31"])
    func dateRoundTrip(_ text: String) throws {
        #expect(try #require(QBDate(text)).description == text)
    }

    @Test("QBDate refuses what DATETYPE does not allow", arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "2024-01-01Z", "20240101", ""])
    func dateRefuses(_ text: String) {
        #expect(QBDate(text) == nil)
    }

    @Test("QBDate arithmetic crosses months and leap days")
    func dateArithmetic() throws {
        #expect(try #require(QBDate("2024-02-28")).adding(days: 2).description == "2024-03-01")
        #expect(try #require(QBDate("2024-01-01")).adding(days: -1).description == "2023-12-31")
    }

    @Test("QBDateTime keeps the raw text and reads the wall clock, ignoring the non-DST offset")
    func dstQuirk() throws {
        let summer = try #require(QBDateTime("2024-07-15T16:02:11-08:00"))
        #expect(summer.raw == "2024-07-15T16:02:11-08:00")
        #expect(summer.writtenOffset == "-08:00")
        #expect((summer.year, summer.month, summer.day, summer.hour, summer.minute, summer.second) == (2024, 7, 15, 16, 2, 11))
        #expect(summer.localString == "2024-07-15T16:02:11")
        #expect(!summer.localString.contains("Z") && !summer.localString.contains("-08"))
    }

    @Test("QBDateTime accepts the DATETIMETYPE shapes", arguments: [
        ("2024-7-5", "2024-07-05T00:00:00"), ("2024-07-05T09", "2024-07-05T09:00:00"),
        ("2024-07-05T09:30", "2024-07-05T09:30:00"), ("2024-07-05T09:30:15+05:30", "2024-07-05T09:30:15"),
    ])
    func dateTimeShapes(_ example: (text: String, local: String)) throws {
        #expect(try #require(QBDateTime(example.text)).localString == example.local)
    }

    @Test("QBDateTime refuses Z, fractions and malformed parts", arguments: [
        "2024-07-05T09:30:15Z", "2024-07-05T09:30:15.123", "2024-07-05T25:00:00", "2024-07-05T09:30+01:00",
        "2024-02-30T00:00:00", "2024-07-05 09:30:15", "",
    ])
    func dateTimeRefuses(_ text: String) {
        #expect(QBDateTime(text) == nil)
    }

    @Test("adding one second to resume crosses midnight and year ends, without an offset")
    func addingSeconds() throws {
        let last = try #require(QBDateTime("2023-12-31T23:59:59-08:00"))
        let next = last.addingSeconds(1)
        #expect(next.raw == "2024-01-01T00:00:00")
        #expect(next.writtenOffset == nil)
        #expect(next > last)
    }

    @Test("values outside 1970 … 2038-01-19T03:14:07 are not sendable")
    func sendableRange() throws {
        #expect(try #require(QBDateTime("2038-01-19T03:14:07")).isSendable)
        #expect(!(try #require(QBDateTime("2038-01-19T03:14:08")).isSendable))
        #expect(!(try #require(QBDateTime("1969-12-31T23:59:59")).isSendable))
    }

    @Test("both types are Codable as strings")
    func codable() throws {
        let date = try #require(QBDate("2024-03-31"))
        let time = try #require(QBDateTime("2024-03-31T14:05:00-08:00"))
        let data = try JSONEncoder().encode([date.description: time])
        #expect(String(decoding: data, as: UTF8.self) == #"{"2024-03-31":"2024-03-31T14:05:00-08:00"}"#)
        #expect(try JSONDecoder().decode(QBDate.self, from: Data(#""2024-03-31""#.utf8)) == date)
        #expect(try JSONDecoder().decode(QBDateTime.self, from: Data(#""2024-03-31T14:05:00-08:00""#.utf8)) == time)
    }
}
