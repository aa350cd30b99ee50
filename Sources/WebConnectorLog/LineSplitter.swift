/// Cuts a stream of bytes into lines without ever holding more than one line: the push half of the log
/// reader, fed chunk by chunk (an HTTP body, a file read in blocks, a multipart part).
///
/// Why bounded: an upload is hostile until read. A 10 MB "line" must be an error, not a 10 MB allocation,
/// so the pending line stops growing at `maximumLineBytes` and the splitter throws.
struct LineSplitter: Sendable {
    /// The longest line accepted, in bytes (without its line break).
    let maximumLineBytes: Int
    /// The total accepted, in bytes.
    let maximumTotalBytes: Int
    /// The bytes of the line not yet ended.
    private var pending: [UInt8] = []
    /// Lines handed out so far (the number of the line being read is `lineNumber + 1`).
    private(set) var lineNumber = 0
    /// Bytes consumed so far.
    private(set) var totalBytes = 0

    init(maximumLineBytes: Int, maximumTotalBytes: Int) {
        self.maximumLineBytes = maximumLineBytes
        self.maximumTotalBytes = maximumTotalBytes
    }

    /// Takes the next chunk and calls `line` for every line it completes (without `\r\n` or `\n`).
    mutating func consume(_ chunk: some Collection<UInt8>, line: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        totalBytes += chunk.count
        guard totalBytes <= maximumTotalBytes else { throw QWCLogError.tooLarge(limit: maximumTotalBytes) }
        var start = chunk.startIndex
        while let newline = chunk[start...].firstIndex(of: 0x0A) {
            let piece = chunk[start..<newline]
            if pending.isEmpty {
                try check(pendingCount: 0, adding: piece.count)
                try emit(ArraySlice(piece), line)
            } else {
                try check(pendingCount: pending.count, adding: piece.count)
                pending.append(contentsOf: piece)
                let complete = pending[...]
                try emit(complete, line)
                pending.removeAll(keepingCapacity: pending.capacity <= 64 * 1024)
            }
            start = chunk.index(after: newline)
        }
        let rest = chunk[start...]
        if !rest.isEmpty {
            try check(pendingCount: pending.count, adding: rest.count)
            pending.append(contentsOf: rest)
        }
    }

    /// Ends the stream: a last line without a line break is still a line (a log cut off mid-line).
    mutating func finish(line: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        let complete = pending[...]
        try emit(complete, line)
        pending = []
    }

    private func check(pendingCount: Int, adding count: Int) throws {
        guard pendingCount + count <= maximumLineBytes + 1 else {
            throw QWCLogError.lineTooLong(line: lineNumber + 1, limit: maximumLineBytes)
        }
    }

    private mutating func emit(_ bytes: ArraySlice<UInt8>, _ line: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        lineNumber += 1
        var bytes = bytes
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        guard bytes.count <= maximumLineBytes else { throw QWCLogError.lineTooLong(line: lineNumber, limit: maximumLineBytes) }
        try line(bytes, lineNumber)
    }
}
