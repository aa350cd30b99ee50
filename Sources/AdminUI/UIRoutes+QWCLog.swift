import Bridge
import Foundation
import Hummingbird
import Domain
import WebConnectorLog

/// The Web Connector log reader in the web UI (issue 23): the upload form on `/help` and on each company's
/// page posts the file here as `multipart/form-data`; the file is streamed through the reader, never held or
/// kept (unless the company page's "Read and attach" was used), and the per-run report is the answer.
extension UIRoutes {
    func registerQWCLogs(on pages: RouterGroup<UIRequestContext>) {
        pages.post("/qbwc-logs") { request, context -> Response in
            let query = FormData(queryOf: request)
            let chrome = Chrome(title: "Web Connector log", context: context, section: .help, flash: nil)
            let attachTo = query["attach"] == "true" ? query.trimmed("companyId").map(CompanyID.init) : nil
            guard let file = MultipartFile(request.body, contentType: request.headers[.contentType] ?? "") else {
                return page("qwclog", QWCLogPageView(chrome: chrome, error: "Upload the file with the form on the Help page or a company's page."),
                            status: .unsupportedMediaType, context: context)
            }
            do {
                let analysis = try await services.qwcLogs.read(file, fileName: nil, attachTo: attachTo, actor: context.actor)
                return page("qwclog", QWCLogPageView(analysis, chrome: chrome), context: context)
            } catch let error as QWCLogError {
                let status: HTTPResponse.Status = if case .tooLarge = error { .contentTooLarge } else { .unprocessableContent }
                return page("qwclog", QWCLogPageView(chrome: chrome, error: error.description), status: status, context: context)
            } catch let error as MultipartFile<RequestBody>.Problem {
                return page("qwclog", QWCLogPageView(chrome: chrome, error: error.description), status: .badRequest, context: context)
            }
        }
        pages.get("/companies/:id/qwc-logs/:log") { _, context -> Response in
            let companyID = CompanyID(try id(context, "company", list: "companies"))
            let log = context.parameters.get("log") ?? ""
            let attachment: QWCLogAttachment
            do {
                attachment = try await services.qwcLogs.attachment(companyID: companyID, id: log)
            } catch BridgeError.notFound {
                throw UIError.notFound("No such attached log. The company's page lists the logs attached to it.")
            }
            return Response(status: .ok, headers: [
                .contentType: "text/plain; charset=utf-8", .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
                .contentDisposition: "attachment; filename=\"QWCLog-\(attachment.attachedAt.milliseconds).txt\"",
            ], body: .init(byteBuffer: ByteBuffer(string: attachment.content)))
        }
    }
}
