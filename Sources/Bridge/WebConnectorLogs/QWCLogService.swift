public import Domain
import Foundation
import Logging
import Store
public import WebConnectorLog

/// The Web Connector log reader as the API, the web UI and the CLI use it (issue 23): reads an uploaded
/// `QWCLog.txt` as a stream with `WebConnectorLog`, matches each run to a QBBridge company, and, only when
/// asked, keeps the file (without the lines holding a ticket or a password) with a company's activity.
/// The upload itself is never stored otherwise, and nothing of it goes into QBBridge's own log but its size
/// and the number of runs.
public struct QWCLogService: Sendable {
    let store: Store
    let logger: Logger

    /// The largest upload read: a month of VERBOSE logging fits.
    public static let maximumUploadBytes = QWCLogReader.defaultMaximumBytes
    /// The largest log kept with a company; a larger one is read but not attached.
    public static let maximumAttachmentBytes = 8 * 1024 * 1024

    /// Reads `chunks` as a Web Connector log. With `attachTo`, the company must exist (checked before
    /// reading) and the log is kept with it when its text fits `maximumAttachmentBytes`.
    /// Throws `QWCLogError` for a file that is not a readable log, `BridgeError.notFound` for an unknown company.
    public func read<Chunks: AsyncSequence>(
        _ chunks: Chunks, fileName: String? = nil, attachTo companyID: CompanyID? = nil, actor: String
    ) async throws -> QWCLogAnalysis where Chunks.Element: Collection<UInt8> {
        var attachCompany: Company?
        if let companyID {
            guard let company = try await store.companies.find(companyID) else { throw BridgeError.notFound("company", companyID.rawValue) }
            attachCompany = company
        }
        var reader = QWCLogReader(maximumBytes: Self.maximumUploadBytes,
                                  keepingTextUpTo: attachCompany == nil ? nil : Self.maximumAttachmentBytes)
        for try await chunk in chunks { try reader.consume(chunk) }
        let report = try reader.finish()
        let companies = try await store.companies.all()
        var matches: [Int: QWCLogCompanyMatch] = [:]
        for run in report.runs {
            if let match = Self.match(run, among: companies) { matches[run.number] = match }
        }
        var analysis = QWCLogAnalysis(report: report, companies: matches, attachment: nil, attachmentNote: nil)
        if let company = attachCompany {
            if let text = reader.keptText {
                let name = Self.cleanFileName(fileName)
                let attachment = QWCLogAttachment(
                    id: UUID().uuidString.lowercased(), companyID: company.id, attachedAt: .now, actor: actor, fileName: name,
                    byteCount: text.utf8.count, summary: report.summary.text, content: text)
                try await store.qwcLogs.attach(attachment)
                var listed = attachment
                listed.content = ""
                analysis.attachment = listed
                analysis.attachmentNote = "The log was attached to \(company.name), without the lines that held a ticket or a password."
            } else {
                analysis.attachmentNote = "The log was read but not attached to \(company.name): it is larger than \(Self.maximumAttachmentBytes / (1024 * 1024)) MiB. Clear the Web Connector's log, run Update Selected again and attach the new, smaller file."
            }
        }
        logger.info("read a Web Connector log", metadata: [
            "bytes": "\(report.byteCount)", "runs": "\(report.summary.runCount)", "failed": "\(report.summary.failed)",
            "attached": "\(analysis.attachment != nil)",
        ])
        return analysis
    }

    /// A company's attached logs, newest first (without their text).
    public func attachments(companyID: CompanyID) async throws -> [QWCLogAttachment] {
        try await store.qwcLogs.list(companyID: companyID)
    }

    /// One attached log with its text.
    public func attachment(companyID: CompanyID, id: String) async throws -> QWCLogAttachment {
        guard let attachment = try await store.qwcLogs.find(companyID: companyID, id: id) else { throw BridgeError.notFound("attached log", id) }
        return attachment
    }

    /// The company a run belongs to: the Web Connector user name first (unique per company), else the
    /// application name the company's `.qwc` gives ("QBBridge - <name>", see `CompanyService.qwc`) or the bare name.
    static func match(_ run: QWCLogRun, among companies: [Company]) -> QWCLogCompanyMatch? {
        if let username = run.username?.lowercased(), let company = companies.first(where: { $0.username.lowercased() == username }) {
            return QWCLogCompanyMatch(companyID: company.id, name: company.name, matchedBy: .username)
        }
        if let application = run.application?.trimmingCharacters(in: .whitespaces).lowercased(),
           let company = companies.first(where: { "qbbridge - \($0.name)".lowercased() == application || $0.name.lowercased() == application }) {
            return QWCLogCompanyMatch(companyID: company.id, name: company.name, matchedBy: .application)
        }
        return nil
    }

    /// The uploaded file's name, as shown beside the attachment: no path, no control characters, at most 100 characters.
    static func cleanFileName(_ name: String?) -> String {
        let base = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(100).map(Character.init))
        return clean.isEmpty ? "QWCLog.txt" : clean
    }
}

/// A log's report with what QBBridge knows beside it.
public struct QWCLogAnalysis: Sendable {
    /// What the reader found.
    public var report: QWCLogReport
    /// The QBBridge company of each run that could be matched, by run number.
    public var companies: [Int: QWCLogCompanyMatch]
    /// The attachment made, when one was asked for and the log fit (without its text).
    public var attachment: QWCLogAttachment?
    /// What happened to the attachment asked for, in words.
    public var attachmentNote: String?
}

/// The QBBridge company a run was matched to.
public struct QWCLogCompanyMatch: Sendable, Equatable {
    /// How it was matched.
    public enum MatchedBy: String, Sendable {
        /// The Web Connector's user name is the company's.
        case username
        /// The application name is the one the company's `.qwc` gives.
        case application
    }

    /// The company.
    public var companyID: CompanyID
    /// Its name.
    public var name: String
    /// How.
    public var matchedBy: MatchedBy
}
