import Bridge
@testable import API
import Foundation
import Server
import Domain
import Store
import Testing
@testable import WebConnector
import QBBridgeTesting

@Suite("Published contracts: OpenAPI and WSDL", .tagFilter)
struct ContractDocumentTests {
    @Test("every registered /api/v1 route is described in the OpenAPI document")
    func openAPICoversRoutes() async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let router = BridgeServer.makeRouter(configuration: ServerConfigurationFactory.make(), services: BridgeServices(store: store, configuration: ServerConfigurationFactory.make().bridge, logger: TestDatabase.logger), logger: TestDatabase.logger)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(BridgeServer.openAPIDocument.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let apiRoutes = router.routes.filter { $0.path.description.hasPrefix("/api/v1/") }
            #expect(!apiRoutes.isEmpty)
            for route in apiRoutes {
                let path = String(route.path.description.dropFirst("/api/v1".count))
                    .split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                let operations = paths["/" + path]
                #expect(operations != nil, "\(route.path) is missing from the OpenAPI document")
                #expect(operations?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(route.path) is missing from the OpenAPI document")
            }
        }
    }

    @Test("the contract is served as written (YAML) and as the same document in JSON; HEAD answers wherever GET does")
    func servedForms() async throws {
        try await withRunningBridge { bridge async throws in
            let yaml = try await bridge.client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(yaml.status == .ok)
            #expect(String(buffer: yaml.body) == (try Repository.text("Sources/API/openapi.yaml")))
            let json = try await bridge.client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            let parsed = try #require(JSONValue.parse(json.body.readableBytesView))
            #expect(parsed == (try OpenAPIContract(yaml: String(buffer: yaml.body))).document)
            #expect(parsed["openapi"]?.string == "3.1.0")
            for path in ["/", "/healthz", "/api/v1/openapi.json", "/login"] {
                let get = try await bridge.client.execute(uri: path, method: .get)
                let head = try await bridge.client.execute(uri: path, method: .head)
                #expect(head.status == get.status, "HEAD \(path)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) sent a body")
            }
        }
    }

    @Test("the request check names every problem of a body at once, by field path")
    func requestCheck() throws {
        let validator = SchemaValidator()
        let schema = try #require(OpenAPIContract.shared.requestSchema(operationID: "createPayment"))
        let body = try #require(JSONValue.parse(Array(#"{"customer": {"listId": "1", "fullName": "A"}, "amount": "1.001", "date": "2026-02-30", "applications": [{"invoice": {}, "amount": 5}]}"#.utf8)))
        let problems = validator.problems(body, against: schema)
        #expect(Set(problems.keys) == ["externalId", "customer", "amount", "date", "applications[0].invoice", "applications[0].amount"], "\(problems)")
        #expect(problems["externalId"] == "is required")
        #expect(problems["applications[0].amount"] == "must be a string")
    }

    @Test("the served WSDL has the server's address and declares every operation the endpoint dispatches, and nothing else")
    func wsdlServed() async throws {
        try await withRunningBridge(configure: { $0.bridge.publicURL = "https://qb.example.com" }) { bridge async throws in
            let served = try await bridge.client.execute(uri: "/qbwc?wsdl", method: .get)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "text/xml; charset=utf-8")
            let wsdl = String(buffer: served.body)
            #expect(wsdl.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
            #expect(wsdl.contains(#"<soap:address location="https://qb.example.com/qbwc"/>"#))
            #expect(!wsdl.contains(WSDL.endpointPlaceholder))
            for operation in QBWCOperation.allCases {
                let name = operation.rawValue
                #expect(wsdl.contains(#"<s:element name="\#(name)">"#), "request element of \(name)")
                #expect(wsdl.contains(#"<s:element name="\#(operation.responseElement)">"#), "response element of \(name)")
                #expect(wsdl.contains(#"name="\#(operation.resultElement)""#), "result element of \(name)")
                #expect(wsdl.contains(#"<soap:operation soapAction="\#(operation.soapAction)" style="document"/>"#), "binding of \(name)")
            }
            #expect(wsdl.components(separatedBy: "<soap:operation ").count - 1 == QBWCOperation.allCases.count)
        }
    }

    @Test("the service address is written into the WSDL as an XML attribute value")
    func wsdlEndpointEscaped() {
        let wsdl = WSDL.document(endpoint: #"https://qb.example.com/a?b=1&c="2"/qbwc"#)
        #expect(wsdl.contains(#"<soap:address location="https://qb.example.com/a?b=1&amp;c=&quot;2&quot;/qbwc"/>"#))
    }

    @Test("a standard SOAP client (Python zeep) loads the served WSDL and calls the endpoint", .tags(.process), .requires(.zeep))
    func zeepClient() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany()
            let port = try #require(bridge.client.port)
            let script = Repository.root.appendingPathComponent("Tests/zeep/check_endpoint.py").path
            let check = try await CLI.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, "http://127.0.0.1:\(port)/qbwc"])
            let text = check.output + check.error
            #expect(check.status == 0, "zeep check failed:\n\(text)")
            #expect(text.contains("authenticate: ['', 'nvu']"))
        }
    }
}
