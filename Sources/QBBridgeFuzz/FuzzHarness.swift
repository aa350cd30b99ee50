import Foundation

/// Which reader one fuzzing run exercises, chosen by the `QBBRIDGE_FUZZ_TARGET` environment variable
/// (libFuzzer owns the command line). One binary for all harnesses keeps the fuzz build to one link.
enum FuzzHarness: String, CaseIterable {
    /// SOAP request envelopes through `WebConnectorService.handle(body:)`.
    case soap
    /// qbXML response documents through `QBXMLResponseReader`, `HCPResponse(parsing:)` and
    /// `RawQBXMLRequest(xml:requestID:)`.
    case qbxml

    /// Read once; an unknown name stops the run at once rather than fuzzing the wrong reader.
    static let selected: FuzzHarness = {
        let name = ProcessInfo.processInfo.environment["QBBRIDGE_FUZZ_TARGET"] ?? "soap"
        guard let harness = FuzzHarness(rawValue: name) else {
            fatalError("QBBRIDGE_FUZZ_TARGET=\(name) is not a harness; use one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return harness
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .soap: SOAPFuzzing.run(bytes)
        case .qbxml: QBXMLFuzzing.run(bytes)
        }
    }
}
