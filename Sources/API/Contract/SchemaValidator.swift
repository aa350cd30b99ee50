import Foundation

/// Checks a JSON value against a schema of the contract (the JSON Schema 2020-12 keywords
/// `openapi.yaml` uses) and names every problem by its field path (`applications[0].amount`), so a
/// client learns everything wrong with a body at once. The server checks request bodies with it before
/// the generated code decodes them; the tests check every answer with it.
package struct SchemaValidator: Sendable {
    package let contract: OpenAPIContract

    package init(contract: OpenAPIContract = .shared) {
        self.contract = contract
    }

    /// Every problem, keyed by field path (the empty path is the value itself).
    package func problems(_ value: JSONValue, against schema: JSONValue) -> [String: String] {
        var found: [String: String] = [:]
        check(value, schema, path: "", into: &found)
        return found
    }

    private func check(_ value: JSONValue, _ rawSchema: JSONValue, path: String, into found: inout [String: String]) {
        let schema = contract.resolve(rawSchema)
        func report(_ message: String) {
            if found[path] == nil { found[path] = message }
        }
        if case .bool(false) = schema { report("is not allowed"); return }

        for part in schema["allOf"]?.array ?? [] { check(value, part, path: path, into: &found) }
        if let options = schema["anyOf"]?.array, !options.contains(where: { problems(value, against: $0).isEmpty }) {
            report(describe(schema) ?? "does not match any of the allowed forms")
            return
        }
        if let options = schema["oneOf"]?.array, options.filter({ problems(value, against: $0).isEmpty }).count != 1 {
            report(describe(schema) ?? "must match exactly one of the allowed forms")
            return
        }
        if let excluded = schema["not"], problems(value, against: excluded).isEmpty {
            report(describe(schema) ?? "is not allowed in this form")
            return
        }

        let allowedTypes = schema["type"].map { $0.array?.compactMap(\.string) ?? [$0.string].compactMap { $0 } } ?? []
        if !allowedTypes.isEmpty {
            let actual = value.schemaType
            guard allowedTypes.contains(actual) || (actual == "integer" && allowedTypes.contains("number")) else {
                report(value == .null ? "must not be null" : "must be \(Self.article(allowedTypes.filter { $0 != "null" }))")
                return
            }
        }
        if let choices = schema["enum"]?.array, !choices.contains(value) {
            report("must be one of " + choices.map { $0.string ?? $0.jsonText() }.joined(separator: ", "))
            return
        }
        if let constant = schema["const"], constant != value {
            report("must be \(constant.string ?? constant.jsonText())")
            return
        }

        switch value {
        case .string(let text):
            let length = text.unicodeScalars.count
            if let minimum = schema["minLength"]?.number, Double(length) < minimum {
                report(minimum <= 1 ? "must not be empty" : "must be at least \(Int(minimum)) characters")
            } else if let maximum = schema["maxLength"]?.number, Double(length) > maximum {
                report("must be at most \(Int(maximum)) characters")
            } else if let pattern = schema["pattern"]?.string, !Self.matches(text, pattern) {
                report(describe(schema) ?? "has the wrong form (pattern \(pattern))")
            } else if let format = schema["format"]?.string, !Self.conforms(text, format: format) {
                report(Self.formatMessage(format))
            }
        case .number(let number):
            if let minimum = schema["minimum"]?.number, number < minimum { report("must be at least \(Self.plain(minimum))") }
            if let maximum = schema["maximum"]?.number, number > maximum { report("must be at most \(Self.plain(maximum))") }
        case .array(let items):
            if let minimum = schema["minItems"]?.number, Double(items.count) < minimum { report("must have at least \(Int(minimum)) items") }
            if let maximum = schema["maxItems"]?.number, Double(items.count) > maximum { report("must have at most \(Int(maximum)) items") }
            if case .bool(true) = schema["uniqueItems"] ?? .null {
                for (offset, item) in items.enumerated() where items[..<offset].contains(item) {
                    report("names the same item twice")
                    break
                }
            }
            if let itemSchema = schema["items"] {
                for (offset, item) in items.enumerated() { check(item, itemSchema, path: "\(path)[\(offset)]", into: &found) }
            }
        case .object(let members):
            let properties = schema["properties"]?.members ?? []
            if let minimum = schema["minProperties"]?.number, Double(members.count) < minimum {
                report(describe(schema) ?? "must have at least \(Int(minimum)) members")
            } else if let maximum = schema["maxProperties"]?.number, Double(members.count) > maximum {
                report(describe(schema) ?? "must have at most \(Int(maximum)) members")
            }
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where value[name] == nil {
                let field = Self.join(path, name)
                if found[field] == nil { found[field] = "is required" }
            }
            for (name, member) in members {
                if let propertySchema = properties.first(where: { $0.key == name })?.value {
                    check(member, propertySchema, path: Self.join(path, name), into: &found)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        let field = Self.join(path, name)
                        if found[field] == nil { found[field] = "is not a field of this object" }
                    } else if case .bool(true) = additional {
                    } else {
                        check(member, additional, path: Self.join(path, name), into: &found)
                    }
                }
            }
        case .null, .bool:
            break
        }
    }

    /// The schema's own words for what it wants, when it has a description.
    private func describe(_ schema: JSONValue) -> String? {
        guard let text = schema["description"]?.string, !text.isEmpty else { return nil }
        let first = text.prefix(1).lowercased() + text.dropFirst()
        return "must be " + (first.hasPrefix("a ") || first.hasPrefix("an ") || first.hasPrefix("exactly") ? first : "as described: " + text)
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    private static func article(_ types: [String]) -> String {
        let names = types.map { ["array": "an array", "object": "an object", "integer": "an integer"][$0] ?? "a \($0)" }
        return names.joined(separator: " or ")
    }

    private static func plain(_ number: Double) -> String {
        number.rounded() == number ? String(Int64(number)) : String(number)
    }

    private static let patterns = PatternCache()

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = patterns.expression(pattern) else { return true }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func conforms(_ text: String, format: String) -> Bool {
        switch format {
        case "date": return CalendarDate.isValid(text)
        case "date-time": return RFC3339.date(text) != nil
        case "uuid": return UUID(uuidString: text) != nil
        default: return true
        }
    }

    private static func formatMessage(_ format: String) -> String {
        switch format {
        case "date": "must be a date YYYY-MM-DD"
        case "date-time": "must be an ISO 8601 date-time such as 2026-11-20T10:00:00Z"
        case "uuid": "must be a UUID"
        default: "must be in the \(format) format"
        }
    }
}

/// Compiled patterns, kept: the contract has a few dozen and every request body is checked against them.
private final class PatternCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    func expression(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled[pattern] = expression
        return expression
    }
}

/// `YYYY-MM-DD` naming a day that exists.
package enum CalendarDate {
    package static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
