import Foundation

extension OpenAPIDocument {
    /// The document as served: the base document with the data extension's paths and schemas merged in
    /// (path items method by method, so `PATCH /companies/{id}` joins the existing `GET`). Built once.
    static let served: String = merged(base: json, extension: dataExtension)

    static func merged(base: String, extension text: String) -> String {
        guard var document = (try? JSONSerialization.jsonObject(with: Data(base.utf8))) as? [String: Any],
              let addition = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            preconditionFailure("OpenAPI document sources are not valid JSON")
        }
        var paths = document["paths"] as? [String: Any] ?? [:]
        for (path, item) in addition["paths"] as? [String: [String: Any]] ?? [:] {
            var merged = paths[path] as? [String: Any] ?? [:]
            for (key, value) in item where merged[key] == nil { merged[key] = value }
            paths[path] = merged
        }
        document["paths"] = paths
        var components = document["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        for (name, schema) in addition["schemas"] as? [String: Any] ?? [:] { schemas[name] = schema }
        if var company = schemas["Company"] as? [String: Any] {
            var properties = company["properties"] as? [String: Any] ?? [:]
            for (name, schema) in addition["companyProperties"] as? [String: Any] ?? [:] { properties[name] = schema }
            company["properties"] = properties
            schemas["Company"] = company
        }
        components["schemas"] = schemas
        document["components"] = components
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            preconditionFailure("OpenAPI document could not be written")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
