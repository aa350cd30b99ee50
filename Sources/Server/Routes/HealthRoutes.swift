import RouteContext
import Bridge
import Hummingbird
import Domain

/// `GET /healthz`, `GET /metrics` and the support page the `.qwc` points at, which sends people on to `/help`.
struct HealthRoutes {
    let records: Records

    func register(on router: Router<BridgeRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            do {
                try await records.ping()
                return Self.status("ok", .ok)
            } catch {
                return Self.status("database unavailable", .serviceUnavailable)
            }
        }
        router.get("/metrics") { _, _ -> Response in
            let registry = Observability.registry
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get("/support") { _, _ -> Response in
            let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>QBBridge support</title></head>
            <body><h1>QBBridge</h1>
            <p>This server synchronises payments between your business applications and QuickBooks Desktop through the QuickBooks Web Connector.</p>
            <p>If the Web Connector shows a code (QBWC1048, 0x80040414, …), look it up in the <a href="/help">QBBridge help pages</a>: each code is listed with what it means, what usually causes it and the steps that fix it.</p>
            <p>If the Web Connector reports a problem, open the QBBridge dashboard on this host and look at the company's failures and connection health; each one lists the steps that fix it.</p>
            </body></html>
            """
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    /// `{"status": …}`.
    private static func status(_ text: String, _ status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: #"{"status":"\#(text)"}"#)))
    }
}
