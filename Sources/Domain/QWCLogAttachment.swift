import Foundation

/// A Web Connector log kept with a company because a support person asked for it (issue 23): the file
/// without the lines that held a ticket or a password, and the summary the reader gave it.
public struct QWCLogAttachment: Sendable, Equatable {
    /// Its id (a UUID, lower-case).
    public var id: String
    /// The company it belongs to.
    public var companyID: CompanyID
    /// When it was attached.
    public var attachedAt: Timestamp
    /// Who attached it (`admin:<name>`, `api:<label>`).
    public var actor: String
    /// The name it was uploaded under.
    public var fileName: String
    /// The size of what is kept, in bytes.
    public var byteCount: Int
    /// The reader's summary sentence.
    public var summary: String
    /// The kept text; empty when listed without it.
    public var content: String

    /// Creates the value.
    public init(id: String, companyID: CompanyID, attachedAt: Timestamp, actor: String, fileName: String, byteCount: Int, summary: String, content: String) {
        self.id = id
        self.companyID = companyID
        self.attachedAt = attachedAt
        self.actor = actor
        self.fileName = fileName
        self.byteCount = byteCount
        self.summary = summary
        self.content = content
    }
}
