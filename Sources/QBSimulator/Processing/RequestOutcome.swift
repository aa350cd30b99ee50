import QBXML

/// The answer to one `…Rq`: status, the rendered records, and the query attributes.
struct RequestOutcome: Sendable {
    var status: QBXMLStatus
    /// The rendered children of the `…Rs` element.
    var body: String = ""
    var iteratorID: String?
    var iteratorRemainingCount: Int?
    var retCount: Int?

    init(status: QBXMLStatus, body: String = "", iteratorID: String? = nil, iteratorRemainingCount: Int? = nil, retCount: Int? = nil) {
        self.status = status
        self.body = body
        self.iteratorID = iteratorID
        self.iteratorRemainingCount = iteratorRemainingCount
        self.retCount = retCount
    }

    /// Writes `<XxxRs requestID=… statusCode=… …>body</XxxRs>`, attributes in QuickBooks' order.
    func rendered(for request: ParsedRequest) -> String {
        var attributes: [(String, String)] = []
        if let requestID = request.requestID { attributes.append(("requestID", requestID)) }
        attributes.append(("statusCode", String(status.code)))
        attributes.append(("statusSeverity", status.severity))
        attributes.append(("statusMessage", status.message))
        if let retCount { attributes.append(("retCount", String(retCount))) }
        if let iteratorRemainingCount { attributes.append(("iteratorRemainingCount", String(iteratorRemainingCount))) }
        if let iteratorID { attributes.append(("iteratorID", iteratorID)) }
        let open = "<" + request.responseName + attributes.map { " \($0.0)=\"\(XMLEscaping.escapeAttribute($0.1))\"" }.joined()
        return body.isEmpty ? open + " />\n" : open + ">\n" + body + "</\(request.responseName)>\n"
    }
}

/// A request that failed with a status; handlers throw it and the dispatcher answers with it.
struct StatusFailure: Error, Sendable {
    let status: QBXMLStatus

    init(_ status: QBXMLStatus) {
        self.status = status
    }
}
