public import Foundation

/// Reads a Web Connector log (`QWCLog.txt`) as a stream: feed it chunks as they arrive (`consume`), then
/// `finish` for the report. Memory stays flat whatever the file's size: it holds one line, one run and the
/// finished runs it keeps (the most recent `maximumRunsKept`).
///
/// It refuses, with a `QWCLogError` a person can act on: a file over `maximumBytes`, a line over
/// `maximumLineBytes`, control bytes (binary, UTF-16), a line that is not UTF-8, an empty file, and text
/// in which no line has the Web Connector's form.
public struct QWCLogReader: Sendable {
    /// The largest file read by default: a month of VERBOSE logging fits; the Web Connector's own
    /// log rotation keeps files far smaller.
    public static let defaultMaximumBytes = 64 * 1024 * 1024
    /// The longest line: a VERBOSE log prints qbXML one element per line, and its longest lines (a
    /// request's parameters) stay well under this.
    public static let defaultMaximumLineBytes = 1024 * 1024
    /// Runs listed in a report; the summary counts all of them.
    public static let maximumRunsKept = 500
    /// Exchanges listed per run; `exchangeCount` counts all of them.
    public static let maximumExchangesKept = 200
    /// Lines read without a single Web Connector line before the file is refused as not a log.
    static let linesBeforeGivingUp = 2_000

    private var splitter: LineSplitter
    private var builder = RunBuilder(maximumRunsKept: QWCLogReader.maximumRunsKept, maximumExchangesKept: QWCLogReader.maximumExchangesKept)
    private var entries = 0
    private var verbose = false
    /// The most text kept for an attachment; nil keeps none.
    private let keepingTextUpTo: Int?
    private var kept: [UInt8] = []
    private var keptOverflowed = false

    /// What a line that held a ticket or a password reads as in the kept text.
    public static let removedLine = "[line removed by QBBridge: it held a ticket or a password]"

    /// A reader with the given limits. With `keepingTextUpTo`, it also keeps the file's text without the
    /// lines that hold a ticket or a password, for attaching to a company, up to that many bytes.
    public init(maximumBytes: Int = QWCLogReader.defaultMaximumBytes, maximumLineBytes: Int = QWCLogReader.defaultMaximumLineBytes,
                keepingTextUpTo: Int? = nil) {
        splitter = LineSplitter(maximumLineBytes: maximumLineBytes, maximumTotalBytes: maximumBytes)
        self.keepingTextUpTo = keepingTextUpTo
    }

    /// The kept text (see `init`), once `finish` returned; nil when none was asked for or the file's text
    /// was larger than the limit.
    public var keptText: String? {
        guard keepingTextUpTo != nil, !keptOverflowed else { return nil }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Reads the next chunk of the file.
    public mutating func consume(_ chunk: some Collection<UInt8>) throws(QWCLogError) {
        try withSplitter { splitter, reader in
            try splitter.consume(chunk) { bytes, number in try reader.read(bytes, number) }
        }
    }

    /// Ends the file and returns the report.
    public mutating func finish() throws(QWCLogError) -> QWCLogReport {
        try withSplitter { splitter, reader in
            try splitter.finish { bytes, number in try reader.read(bytes, number) }
        }
        guard splitter.totalBytes > 0 else { throw .empty }
        guard entries > 0 else { throw .notAWebConnectorLog }
        builder.finish()
        return QWCLogReport(summary: builder.summary(), runs: builder.runs, runsOmitted: builder.runsSeen - builder.runs.count,
                            lineCount: splitter.lineNumber, byteCount: splitter.totalBytes, verbose: verbose)
    }

    /// Runs `body` with the splitter moved out of `self`, so the lines it hands out can change the rest
    /// of the reader without a second reference (and a copy) of either.
    private mutating func withSplitter(_ body: (inout LineSplitter, inout QWCLogReader) throws -> Void) throws(QWCLogError) {
        var splitter = self.splitter
        self.splitter = LineSplitter(maximumLineBytes: 0, maximumTotalBytes: 0)
        defer { self.splitter = splitter }
        do {
            try body(&splitter, &self)
        } catch let error as QWCLogError {
            throw error
        } catch {
            throw QWCLogError.notAWebConnectorLog
        }
    }

    /// Reads a whole stream of chunks (an HTTP body, a file read in blocks).
    public static func read<Chunks: AsyncSequence>(_ chunks: Chunks, maximumBytes: Int = QWCLogReader.defaultMaximumBytes) async throws -> QWCLogReport
    where Chunks.Element: Collection<UInt8> {
        var reader = QWCLogReader(maximumBytes: maximumBytes)
        for try await chunk in chunks { try reader.consume(chunk) }
        return try reader.finish()
    }

    /// Reads a file from disk in blocks of 256 KiB.
    public static func read(contentsOf url: URL, maximumBytes: Int = QWCLogReader.defaultMaximumBytes) throws -> QWCLogReport {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var reader = QWCLogReader(maximumBytes: maximumBytes)
        while let data = try handle.read(upToCount: 256 * 1024), !data.isEmpty {
            try reader.consume([UInt8](data))
        }
        return try reader.finish()
    }

    /// Adds a line to the kept text, or the removal marker when it names a ticket or a password.
    private mutating func keep(_ line: ArraySlice<UInt8>, limit: Int) {
        let text = String(decoding: line, as: UTF8.self)
        let kept = Redaction.holdsSecret(text) ? Array(Self.removedLine.utf8) : Array(line)
        guard self.kept.count + kept.count + 2 <= limit else {
            keptOverflowed = true
            self.kept = []
            return
        }
        self.kept += kept
        self.kept += [0x0D, 0x0A]
    }

    /// One line: checked for control bytes and UTF-8, then an entry or the continuation of one.
    private mutating func read(_ bytes: ArraySlice<UInt8>, _ number: Int) throws {
        var ascii = true
        for byte in bytes {
            if byte < 0x20 {
                // Tab and form feed appear in real logs; every other control byte means binary or UTF-16.
                guard byte == 0x09 || byte == 0x0C else { throw QWCLogError.binary }
            } else if byte >= 0x80 {
                ascii = false
            }
        }
        if !ascii, String(validating: bytes, as: UTF8.self) == nil {
            // A UTF-8 byte order mark on the first line is fine; anything else invalid is not.
            throw QWCLogError.invalidText(line: number)
        }
        var line = bytes
        if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if let limit = keepingTextUpTo, !keptOverflowed { keep(line, limit: limit) }
        if let entry = LogEntry(line) {
            entries += 1
            builder.add(entry, line: number)
        } else {
            guard entries > 0 || number < Self.linesBeforeGivingUp else { throw QWCLogError.notAWebConnectorLog }
            if !verbose, line.first(where: { $0 != 0x20 && $0 != 0x09 }) == 0x3C { verbose = true }
            builder.addContinuation(line, line: number)
        }
    }
}
