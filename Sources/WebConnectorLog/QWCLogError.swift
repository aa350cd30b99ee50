/// Why an uploaded file could not be read as a Web Connector log. Each description tells the person who
/// uploaded it what the file should have been and where to find it; none quotes the file's contents, so
/// a secret in a misread file cannot reach an answer or QBBridge's own log.
public enum QWCLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is larger than the reader accepts (`limit` bytes).
    case tooLarge(limit: Int)
    /// Line `line` is longer than `limit` bytes: no Web Connector log line is.
    case lineTooLong(line: Int, limit: Int)
    /// The file holds NUL or other control bytes: a program, archive, image or a UTF-16 file.
    case binary
    /// Line `line` is not UTF-8 text.
    case invalidText(line: Int)
    /// Nothing was uploaded.
    case empty
    /// The file is text, but no line has the Web Connector's form (`YYYYMMDD.HH:MM:SS UTC : QBWebConnector…`).
    case notAWebConnectorLog

    /// Where a support person finds the right file; every description ends with it.
    public static let whereToFind = "A Web Connector log is the text file QWCLog.txt: in the Web Connector click View Logs (it is in C:\\ProgramData\\Intuit\\QBWebConnector\\log), and upload that file as it is."

    public var description: String {
        switch self {
        case .tooLarge(let limit):
            "The file is larger than \(limit / (1024 * 1024)) MiB. Clear the log in the Web Connector (or cut the file to its last few days), run Update Selected again, and upload the new file. " + Self.whereToFind
        case .lineTooLong(let line, let limit):
            "Line \(line) is longer than \(limit / 1024) KiB, which no Web Connector log line is; this is not a QWCLog.txt. " + Self.whereToFind
        case .binary:
            "The file is not plain text (it holds control bytes: a program, an archive, an image or a file saved as UTF-16). " + Self.whereToFind
        case .invalidText(let line):
            "Line \(line) is not UTF-8 text, so the file is not a QWCLog.txt as the Web Connector writes it. " + Self.whereToFind
        case .empty:
            "The file is empty. " + Self.whereToFind
        case .notAWebConnectorLog:
            "The file is text, but none of its lines looks like a Web Connector log line (a time such as 20261201.09:00:01 UTC followed by QBWebConnector…). " + Self.whereToFind
        }
    }
}
