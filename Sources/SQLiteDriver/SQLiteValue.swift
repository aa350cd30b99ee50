import Foundation
import SQLKit

/// A value as SQLite stores it.
enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case float(Double)
    case text(String)
    case blob([UInt8])

    /// The value to bind for an SQLKit bind: numbers, text, booleans (0/1) and nil as themselves, enums by
    /// their raw value, anything else as JSON text.
    init(binding bound: Any) throws {
        switch bound {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .integer(flag ? 1 : 0)
        case let integer as Int: self = .integer(Int64(integer))
        case let integer as Int64: self = .integer(integer)
        case let integer as Int32: self = .integer(Int64(integer))
        case let integer as Int16: self = .integer(Int64(integer))
        case let integer as Int8: self = .integer(Int64(integer))
        case let integer as UInt32: self = .integer(Int64(integer))
        case let integer as UInt16: self = .integer(Int64(integer))
        case let integer as UInt8: self = .integer(Int64(integer))
        case let double as Double: self = .float(double)
        case let float as Float: self = .float(Double(float))
        case let bytes as [UInt8]: self = .blob(bytes)
        case let data as Data: self = .blob(Array(data))
        case let uuid as UUID: self = .text(uuid.uuidString)
        case let optional as any OptionalBinding:
            guard let wrapped = optional.wrapped else {
                self = .null
                return
            }
            self = try SQLiteValue(binding: wrapped)
        case let raw as any RawRepresentable:
            self = try SQLiteValue(binding: raw.rawValue)
        case let encodable as any Encodable:
            self = .text(String(decoding: try JSONEncoder().encode(encodable), as: UTF8.self))
        default:
            throw SQLiteValueError.unsupportedBind(String(describing: type(of: bound)))
        }
    }
}

/// An optional, seen through `Any`: `.none` binds NULL.
protocol OptionalBinding {
    var wrapped: Any? { get }
}

extension Optional: OptionalBinding {
    var wrapped: Any? { self.map { $0 as Any } }
}

enum SQLiteValueError: Error, CustomStringConvertible {
    case unsupportedBind(String)
    case mismatch(column: String, type: String, value: String)
    case missingColumn(String)

    var description: String {
        switch self {
        case .unsupportedBind(let type): "a value of type \(type) cannot be bound to an SQLite statement"
        case .mismatch(let column, let type, let value): "column \(column) holds \(value), which is not a \(type)"
        case .missingColumn(let column): "the result has no column \(column)"
        }
    }
}

/// One row of a result.
struct SQLiteResultRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        if case .blob(let bytes) = value {
            if D.self == [UInt8].self { return bytes as! D }
            if D.self == Data.self { return Data(bytes) as! D }
        }
        do {
            return try D(from: SQLiteValueDecoder(value: value))
        } catch SQLiteValueDecoder.NeedsJSON.signal {
            // A structure stored as JSON text (the counterpart of how it is bound).
            guard case .text(let text) = value else {
                throw SQLiteValueError.mismatch(column: column, type: "\(D.self)", value: "\(value)")
            }
            return try JSONDecoder().decode(D.self, from: Data(text.utf8))
        } catch let error as SQLiteValueDecoder.Mismatch {
            throw SQLiteValueError.mismatch(column: column, type: error.type, value: "\(value)")
        }
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let position = columns.position(of: column) else { throw SQLiteValueError.missingColumn(column) }
        return values[position]
    }
}

/// Decodes one SQLite value as a single value (numbers, text, booleans, optionals, raw-value enums).
struct SQLiteValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLiteValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A keyed or unkeyed structure was asked for: the caller decodes the text as JSON instead.
    enum NeedsJSON: Error { case signal }

    struct Mismatch: Error {
        let type: String
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw NeedsJSON.signal }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw NeedsJSON.signal }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch value {
        case .integer(let integer): return integer != 0
        case .float(let double): return double != 0
        case .text(let text):
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: throw Mismatch(type: "Bool")
            }
        default: throw Mismatch(type: "Bool")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch value {
        case .text(let text): return text
        case .integer(let integer): return String(integer)
        case .float(let double): return String(double)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: throw Mismatch(type: "String")
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .float(let double): return double
        case .integer(let integer): return Double(integer)
        case .text(let text):
            guard let double = Double(text) else { throw Mismatch(type: "Double") }
            return double
        default: throw Mismatch(type: "Double")
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int64.Type) throws -> Int64 {
        switch value {
        case .integer(let integer): return integer
        case .float(let double):
            guard let integer = Int64(exactly: double) else { throw Mismatch(type: "Int64") }
            return integer
        case .text(let text):
            guard let integer = Int64(text) else { throw Mismatch(type: "Int64") }
            return integer
        default: throw Mismatch(type: "Int64")
        }
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard let integer = I(exactly: try decode(Int64.self)) else { throw Mismatch(type: "\(I.self)") }
        return integer
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == [UInt8].self, case .blob(let bytes) = value { return bytes as! T }
        if T.self == Data.self, case .blob(let bytes) = value { return Data(bytes) as! T }
        return try T(from: self)
    }
}
