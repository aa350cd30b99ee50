import RouteContext
import Foundation
import Hummingbird
import Logging
import Metrics
import WebConnector

/// `POST /qbwc` (the Web Connector endpoint) and `GET /qbwc?wsdl`.
///
/// Whatever arrives, the answer is a SOAP 1.1 document: a result with 200, or a Fault with 500 (docs/web-connector-protocol.md)
/// — never an HTML error page, which the .NET client cannot show.
struct SOAPRoutes {
    let service: WebConnectorService
    let limiter: CallLimiter
    let maximumBodyBytes: Int
    let publicURL: String

    func register(on router: Router<BridgeRequestContext>) {
        router.post("/qbwc") { request, context -> Response in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: maximumBodyBytes)
            } catch {
                context.logger.notice("SOAP body refused", metadata: ["reason": "\(error)"])
                Counter(label: "qbbridge_soap_calls_total", dimensions: [("method", "oversized")]).increment()
                return Self.response(for: .fault(code: "Client", message: SOAPRequestError.bodyTooLarge(limit: maximumBodyBytes).description))
            }
            let start = ContinuousClock.now
            let reply = await limiter.run { await service.handle(body: Array(body.readableBytesView)) }
            let method = reply.operationName
            Counter(label: "qbbridge_soap_calls_total", dimensions: [("method", method)]).increment()
            Timer(label: "qbbridge_soap_call_duration_seconds", dimensions: [("method", method)])
                .recordNanoseconds((ContinuousClock.now - start).nanoseconds)
            if case .fault(_, let message) = reply {
                context.logger.notice("SOAP fault", metadata: ["message": "\(message.prefix(300))"])
            } else {
                context.logger.debug("SOAP call", metadata: ["method": "\(method)"])
            }
            return Self.response(for: reply)
        }
        router.get("/qbwc") { request, _ -> Response in
            let endpoint = (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + "/qbwc"
            if request.uri.queryParameters.has("wsdl") || request.uri.queryParameters.has("WSDL") {
                return Response(status: .ok, headers: [.contentType: "text/xml; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: WSDL.document(endpoint: endpoint))))
            }
            let text = "This is the QBBridge QuickBooks Web Connector endpoint. The Web Connector talks to it with SOAP POST requests; the WSDL is at \(endpoint)?wsdl.\n"
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    static func response(for reply: SOAPReply) -> Response {
        Response(
            status: reply.isFault ? .internalServerError : .ok,
            headers: [.contentType: "text/xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: reply.rendered()))
        )
    }
}

extension SOAPReply {
    /// The operation answered, for metrics and logs (`fault` for faults).
    var operationName: String {
        switch self {
        case .string(let operation, _), .strings(let operation, _), .integer(let operation, _): operation.rawValue
        case .fault: "fault"
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
