/// A small open-addressing hash table from libxml2-interned name pointers to `QBElement`.
///
/// `ResponseScanner` looks up every start tag, so this replaces `Dictionary` (whose SipHash costs
/// more than the lookup is worth for pointer keys) with a multiplicative hash and linear probing.
struct InternedNameTable {
    private var keys: [UInt]
    private var values: [QBElement]
    private let shift: UInt

    /// A table with room for `capacity` names at a load factor of at most 1/4.
    init(capacity: Int) {
        var bits: UInt = 4
        while (1 << bits) < capacity * 4 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: .unknown, count: 1 << bits)
        shift = UInt(UInt.bitWidth) - bits
    }

    @inline(__always)
    private func slot(_ key: UInt) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Adds a name pointer.
    mutating func insert(_ pointer: UnsafeRawPointer, _ element: QBElement) {
        let key = UInt(bitPattern: pointer)
        var index = slot(key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & (keys.count - 1) }
        keys[index] = key
        values[index] = element
    }

    /// The element for a name pointer, `.unknown` when absent.
    @inline(__always)
    func lookup(_ pointer: UnsafeRawPointer) -> QBElement {
        let key = UInt(bitPattern: pointer)
        var index = slot(key)
        while true {
            let stored = keys[index]
            if stored == key { return values[index] }
            if stored == 0 { return .unknown }
            index = (index + 1) & (keys.count - 1)
        }
    }
}
