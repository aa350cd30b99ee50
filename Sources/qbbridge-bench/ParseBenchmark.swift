import ArgumentParser
import Foundation
import QBXML

/// `qbbridge-bench parse`: how fast `QBXMLResponseReader` streams a large `InvoiceQueryRs` compared
/// with libxml2's own streaming parser (`xmllint --stream`), and how much memory it needs.
///
/// It writes a realistic response (every invoice with lines and linked transactions) of at least
/// 100 MB, reads it from the file with `QBXMLResponseReader(contentsOfFile:)`, prints MB/s,
/// records/s and peak memory (`VmHWM`), times `xmllint --stream --noout` on the same file, and ends
/// with `ratio to xmllint: R` (our MB/s ÷ xmllint's). Release builds only; not part of CI.
struct ParseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Stream a generated 100+ MB InvoiceQueryRs through the qbXML reader and compare with xmllint --stream."
    )

    @Option(help: "Where to write the generated response (default: a temporary file, removed afterwards).")
    var output: String?

    @Option(help: "How many invoices to generate (at least 50000; the file must reach 100 MB).")
    var invoices = 50_000

    @Option(help: "How many timed runs of each parser; the fastest counts.")
    var runs = 3

    @Option(help: "The xmllint executable (Debian package libxml2-utils).")
    var xmllint = "/usr/bin/xmllint"

    @Flag(help: "Keep the generated file.")
    var keep = false

    func validate() throws {
        guard invoices >= 50_000 else { throw ValidationError("--invoices must be at least 50000.") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            throw ValidationError("xmllint not found at \(xmllint); install it with `apt-get install -y libxml2-utils` or pass --xmllint.")
        }
    }

    func run() async throws {
        let path = output ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("qbbridge-parse-bench-\(ProcessInfo.processInfo.processIdentifier).xml").path
        let generated = try InvoiceResponseGenerator(invoices: invoices).write(to: path)
        defer { if !keep && output == nil { try? FileManager.default.removeItem(atPath: path) } }
        let megabytes = Double(generated.bytes) / 1_000_000
        print(String(format: "file: %@ (%.1f MB, %d invoices, %d lines, %d linked transactions)",
                     path, megabytes, generated.invoices, generated.lines, generated.links))
        guard generated.bytes >= 100_000_000 else {
            throw ValidationError("the generated file has only \(generated.bytes) bytes; raise --invoices to reach 100 MB.")
        }

        var ourBest = Double.infinity
        for _ in 0..<runs {
            let clock = ContinuousClock()
            var counts = (invoices: 0, lines: 0, links: 0)
            let elapsed = try clock.measure {
                let reader = try QBXMLResponseReader(contentsOfFile: path)
                while let event = try reader.next() {
                    if case .record(.invoice(let invoice)) = event {
                        counts.invoices += 1
                        counts.lines += invoice.lines.count
                        counts.links += invoice.linkedTxns.count
                    }
                }
            }
            guard counts == (generated.invoices, generated.lines, generated.links) else {
                throw ValidationError("the reader returned \(counts) but \(generated.invoices) invoices were written")
            }
            ourBest = min(ourBest, Self.seconds(elapsed))
        }
        let ourRate = megabytes / ourBest
        print(String(format: "qbxml reader: %.2f s, %.1f MB/s, %.0f records/s, peak memory %.1f MB",
                     ourBest, ourRate, Double(generated.invoices) / ourBest, Self.peakMemoryMegabytes()))

        var lintBest = Double.infinity
        for _ in 0..<runs {
            lintBest = min(lintBest, try timeXmllint(path))
        }
        let lintRate = megabytes / lintBest
        print(String(format: "xmllint --stream: %.2f s, %.1f MB/s", lintBest, lintRate))
        print(String(format: "ratio to xmllint: %.2f", ourRate / lintRate))
    }

    private func timeXmllint(_ path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--stream", "--noout", path]
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            throw ValidationError("xmllint exited with status \(process.terminationStatus) on \(path)")
        }
        return Self.seconds(elapsed)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The process's peak resident memory (`VmHWM` in /proc/self/status), in MB.
    static func peakMemoryMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1000
        }
        return 0
    }
}


/// Writes a realistic `InvoiceQueryRs` page: QuickBooks' element order and indentation, every
/// invoice with four lines and two linked transactions, written in 1 MB chunks so the generator's
/// own memory stays small.
private struct InvoiceResponseGenerator {
    let invoices: Int
    static let linesPerInvoice = 4
    static let linksPerInvoice = 2

    struct Summary {
        var bytes: Int
        var invoices: Int
        var lines: Int
        var links: Int
    }

    func write(to path: String) throws -> Summary {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let file = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? file.close() }
        var bytes = 0
        var chunk = "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n"
            + "<InvoiceQueryRs requestID=\"bench-1\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\""
            + " retCount=\"\(invoices)\" iteratorRemainingCount=\"0\" iteratorID=\"{6fcbb18b-68cf-4adb-bf40-164ac0bb4ec0}\">\n"
        for index in 0..<invoices {
            appendInvoice(index, to: &chunk)
            if chunk.utf8.count > 1_000_000 {
                bytes += chunk.utf8.count
                try file.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        chunk += "</InvoiceQueryRs>\n</QBXMLMsgsRs>\n</QBXML>\n"
        bytes += chunk.utf8.count
        try file.write(contentsOf: Data(chunk.utf8))
        return Summary(bytes: bytes, invoices: invoices, lines: invoices * Self.linesPerInvoice,
                       links: invoices * Self.linksPerInvoice)
    }

    private func appendInvoice(_ index: Int, to out: inout String) {
        let stamp = 1_700_000_000 + index
        let day = 1 + index % 28
        let customer = index % 977
        let dateText = "2024-\(month(index))-\(two(day))"
        var subtotal = 0
        var lines = ""
        for line in 0..<Self.linesPerInvoice {
            let quantity = 1 + (index + line) % 7
            let rate = 1_250 + (index * 31 + line * 17) % 90_000
            subtotal += quantity * rate
            lines += """
            \t\t<InvoiceLineRet>
            \t\t\t<TxnLineID>\(hex(index * 8 + line))-\(stamp)</TxnLineID>
            \t\t\t<ItemRef>
            \t\t\t\t<ListID>8000\(hex(line + 16))-1232328157</ListID>
            \t\t\t\t<FullName>Consulting:Service Item \(line + 1)</FullName>
            \t\t\t</ItemRef>
            \t\t\t<Desc>Professional services &amp; support, period \(dateText), item \(line + 1)</Desc>
            \t\t\t<Quantity>\(quantity)</Quantity>
            \t\t\t<Rate>\(cents(rate))</Rate>
            \t\t\t<Amount>\(cents(quantity * rate))</Amount>
            \t\t\t<SalesTaxCodeRef>
            \t\t\t\t<ListID>10000-1232327562</ListID>
            \t\t\t\t<FullName>Tax</FullName>
            \t\t\t</SalesTaxCodeRef>
            \t\t</InvoiceLineRet>

            """
        }
        let tax = subtotal * 6 / 100
        let paid = (subtotal + tax) / 3
        out += """
        \t<InvoiceRet>
        \t\t<TxnID>\(hex(index))-\(stamp)</TxnID>
        \t\t<TimeCreated>\(dateText)T09:\(two(index % 60)):10-08:00</TimeCreated>
        \t\t<TimeModified>\(dateText)T17:\(two(index % 60)):45-08:00</TimeModified>
        \t\t<EditSequence>\(stamp)</EditSequence>
        \t\t<TxnNumber>\(index + 1)</TxnNumber>
        \t\t<CustomerRef>
        \t\t\t<ListID>8000\(hex(customer))-1331869840</ListID>
        \t\t\t<FullName>Customer \(customer):Job \(index % 5)</FullName>
        \t\t</CustomerRef>
        \t\t<ARAccountRef>
        \t\t\t<ListID>8000000B-1218987298</ListID>
        \t\t\t<FullName>Accounts Receivable</FullName>
        \t\t</ARAccountRef>
        \t\t<TemplateRef>
        \t\t\t<ListID>10000-1232327561</ListID>
        \t\t\t<FullName>Intuit Product Invoice</FullName>
        \t\t</TemplateRef>
        \t\t<TxnDate>\(dateText)</TxnDate>
        \t\t<RefNumber>\(100_000 + index)</RefNumber>
        \t\t<BillAddress>
        \t\t\t<Addr1>Customer \(customer)</Addr1>
        \t\t\t<Addr2>\(100 + customer) Main Street</Addr2>
        \t\t\t<City>Springfield</City>
        \t\t\t<State>CT</State>
        \t\t\t<PostalCode>06\(100 + customer % 900)</PostalCode>
        \t\t</BillAddress>
        \t\t<IsPending>false</IsPending>
        \t\t<IsFinanceCharge>false</IsFinanceCharge>
        \t\t<TermsRef>
        \t\t\t<ListID>20000-1232327614</ListID>
        \t\t\t<FullName>Net 30</FullName>
        \t\t</TermsRef>
        \t\t<DueDate>\(dateText)</DueDate>
        \t\t<ShipDate>\(dateText)</ShipDate>
        \t\t<Subtotal>\(cents(subtotal))</Subtotal>
        \t\t<ItemSalesTaxRef>
        \t\t\t<ListID>20000-1232327975</ListID>
        \t\t\t<FullName>CT State Tax</FullName>
        \t\t</ItemSalesTaxRef>
        \t\t<SalesTaxPercentage>6.00</SalesTaxPercentage>
        \t\t<SalesTaxTotal>\(cents(tax))</SalesTaxTotal>
        \t\t<AppliedAmount>-\(cents(paid))</AppliedAmount>
        \t\t<BalanceRemaining>\(cents(subtotal + tax - paid))</BalanceRemaining>
        \t\t<Memo>Invoice \(100_000 + index) for customer \(customer)</Memo>
        \t\t<IsPaid>false</IsPaid>
        \t\t<IsToBePrinted>true</IsToBePrinted>
        \t\t<IsToBeEmailed>false</IsToBeEmailed>
        \t\t<CustomerSalesTaxCodeRef>
        \t\t\t<ListID>10000-1232327562</ListID>
        \t\t\t<FullName>Tax</FullName>
        \t\t</CustomerSalesTaxCodeRef>
        \t\t<LinkedTxn>
        \t\t\t<TxnID>\(hex(index + 1_000_000))-\(stamp)</TxnID>
        \t\t\t<TxnType>ReceivePayment</TxnType>
        \t\t\t<TxnDate>\(dateText)</TxnDate>
        \t\t\t<RefNumber>\(5_000 + index)</RefNumber>
        \t\t\t<LinkType>AMTTYPE</LinkType>
        \t\t\t<Amount>-\(cents(paid - paid / 2))</Amount>
        \t\t</LinkedTxn>
        \t\t<LinkedTxn>
        \t\t\t<TxnID>\(hex(index + 2_000_000))-\(stamp)</TxnID>
        \t\t\t<TxnType>CreditMemo</TxnType>
        \t\t\t<TxnDate>\(dateText)</TxnDate>
        \t\t\t<RefNumber>CM\(index)</RefNumber>
        \t\t\t<LinkType>AMTTYPE</LinkType>
        \t\t\t<Amount>-\(cents(paid / 2))</Amount>
        \t\t</LinkedTxn>
        \(lines)\t</InvoiceRet>

        """
    }

    private func month(_ index: Int) -> String { two(1 + index % 12) }
    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private func hex(_ value: Int) -> String { String(value, radix: 16, uppercase: true) }
    private func cents(_ value: Int) -> String { "\(value / 100).\(two(value % 100))" }
}
