import QBXML

/// Issues identifiers shaped like QuickBooks' own (docs/qbxml-messages.md, "Value formats", IDTYPE):
/// transaction IDs `1A2B-1718000000` (a hex counter, a dash, the epoch second of creation), list IDs
/// `80000001-1718000000` (an eight-digit hex counter from 0x80000001, one counter per list, as the
/// real captures show customer and template both at 80000001), and transaction numbers 1, 2, 3 …
///
/// The bridge must treat them as opaque; making them look real catches code that would not.
struct IDGenerator: Sendable {
    private var transactionCounter: UInt64 = 0x10
    private var listCounters: [ListKind: UInt64] = [:]
    private var transactionNumber = 1
    private var iteratorCounter: UInt64 = 1

    /// A new transaction ID.
    mutating func txnID(at stamp: Stamp) -> TxnID {
        defer { transactionCounter += 1 }
        return TxnID(String(transactionCounter, radix: 16, uppercase: true) + "-\(stamp.epoch)")
    }

    /// A new transaction line ID (QuickBooks draws them from the same counter as TxnIDs).
    mutating func lineID(at stamp: Stamp) -> String {
        txnID(at: stamp).rawValue
    }

    /// The lists that number their records separately.
    enum ListKind: Sendable, Hashable {
        case customer, account, paymentMethod
    }

    /// A new list ID in one list.
    mutating func listID(_ kind: ListKind, at stamp: Stamp) -> ListID {
        let counter = listCounters[kind, default: 0x8000_0001]
        listCounters[kind] = counter + 1
        let hex = String(counter, radix: 16, uppercase: true)
        return ListID(String(repeating: "0", count: max(0, 8 - hex.count)) + hex + "-\(stamp.epoch)")
    }

    /// The next transaction number.
    mutating func nextTxnNumber() -> Int {
        defer { transactionNumber += 1 }
        return transactionNumber
    }

    /// A lower-case braced GUID for an iterator, as QuickBooks writes them (`{6fcbb18b-68cf-…}`).
    mutating func iteratorID() -> String {
        var random = SeededRandom(seed: transactionCounter &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(transactionNumber) &+ iteratorCounter)
        iteratorCounter &+= 1
        func hex(_ digits: Int) -> String {
            var text = ""
            for _ in 0..<digits { text += String(random.next(below: 16), radix: 16) }
            return text
        }
        return "{\(hex(8))-\(hex(4))-4\(hex(3))-a\(hex(3))-\(hex(12))}"
    }

}
