/// Packs requests into as few message sets as possible without letting one request's failure or
/// timing hurt another (docs/qbxml-messages.md, "Envelope and attributes" `onError`; docs/failure-catalogue.md, "Categories", not_processed).
///
/// Design — every entry has two optional keys:
/// - `group`: entries sharing a group must travel together, in the given order, in one message
///   set sent with `stopOnError`, so that if one fails the rest are not applied (they answer 3231).
///   Use it for requests that only make sense together (e.g. an add and a request that refers to it
///   through `useMacro`).
/// - `dependsOn`: requestIDs whose *responses* must be seen before this request is sent, e.g. a
///   follow-up query decided from a result. Such an entry goes into a later **stage**.
///
/// Entries with neither are independent: they are packed first-fit, in order, into
/// `continueOnError` sets, so one rejection does not hold up the others. Each stage is
/// `1 + the deepest stage it depends on`; all sets of a stage may be sent in any order, but only
/// after every set of the previous stage has been answered. No set exceeds `maxBytes` (the exact
/// UTF-8 length of its rendered document); a request or group that cannot fit alone is an error.
public struct QBXMLBatcher: Sendable {
    /// One request with its packing keys.
    public struct Entry: Sendable {
        /// The request.
        public var request: any QBXMLRequest
        /// Entries with the same group share one `stopOnError` set, in order.
        public var group: String?
        /// requestIDs that must be answered before this request is sent.
        public var dependsOn: [String]

        /// An entry; independent unless `group` or `dependsOn` say otherwise.
        public init(_ request: any QBXMLRequest, group: String? = nil, dependsOn: [String] = []) {
            self.request = request
            self.group = group
            self.dependsOn = dependsOn
        }
    }

    /// A conservative default for one `sendRequestXML` document: 1 MB.
    public static let defaultMaxBytes = 1_000_000

    /// The negotiated version every set is rendered for.
    public var version: QBXMLVersion
    /// The largest rendered document allowed, in bytes.
    public var maxBytes: Int

    /// A batcher.
    public init(version: QBXMLVersion, maxBytes: Int = QBXMLBatcher.defaultMaxBytes) {
        self.version = version
        self.maxBytes = maxBytes
    }

    /// The message sets, stage by stage (send stage n+1 only after stage n was answered).
    public func stages(_ entries: [Entry]) throws(QBXMLError) -> [[QBXMLMessageSet]] {
        let units = try BatchUnit.units(from: entries)
        let levels = try BatchUnit.levels(of: units)
        let stageCount = (levels.max() ?? -1) + 1
        var stages: [[QBXMLMessageSet]] = []
        for stage in 0..<stageCount {
            var sets: [QBXMLMessageSet] = []
            var open: [any QBXMLRequest] = []
            var openSize = try overhead(.continueOnError)
            for (index, unit) in units.enumerated() where levels[index] == stage {
                let sizes = try unit.entries.map { (entry) throws(QBXMLError) -> Int in try size(of: entry.request) }
                let total = sizes.reduce(0, +)
                if unit.entries.count > 1 {
                    let setSize = try overhead(.stopOnError) + total
                    guard setSize <= maxBytes else {
                        throw .requestTooLarge(requestID: unit.entries[0].request.requestID, bytes: setSize, limit: maxBytes)
                    }
                    sets.append(QBXMLMessageSet(version: version, onError: .stopOnError, requests: unit.entries.map(\.request)))
                    continue
                }
                let alone = try overhead(.continueOnError) + total
                guard alone <= maxBytes else {
                    throw .requestTooLarge(requestID: unit.entries[0].request.requestID, bytes: alone, limit: maxBytes)
                }
                if openSize + total > maxBytes {
                    sets.append(QBXMLMessageSet(version: version, onError: .continueOnError, requests: open))
                    open = []
                    openSize = try overhead(.continueOnError)
                }
                open.append(unit.entries[0].request)
                openSize += total
            }
            if !open.isEmpty { sets.append(QBXMLMessageSet(version: version, onError: .continueOnError, requests: open)) }
            stages.append(sets)
        }
        return stages
    }

    /// All message sets in sending order (the stages flattened).
    public func batch(_ entries: [Entry]) throws(QBXMLError) -> [QBXMLMessageSet] {
        try stages(entries).flatMap { $0 }
    }

    private func size(of request: any QBXMLRequest) throws(QBXMLError) -> Int {
        var writer = QBXMLWriter()
        try request.render(into: &writer, version: version)
        return writer.xml.utf8.count
    }

    /// The bytes of a rendered set around its requests.
    private func overhead(_ onError: OnError) throws(QBXMLError) -> Int {
        var writer = QBXMLWriter()
        try writer.open("QBXML")
        try QBXMLMessageSet(version: version, onError: onError, requests: []).openMessages(&writer)
        writer.close()
        writer.close()
        return QBXMLMessageSet.prolog(version).utf8.count + writer.xml.utf8.count
    }
}
