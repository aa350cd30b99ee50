/// The libFuzzer entry point. Built only by `Tests/fuzz/run.sh`, which passes `--sanitize=fuzzer` and
/// `-D QBBRIDGE_FUZZ`: libFuzzer then supplies `main` and calls `LLVMFuzzerTestOneInput` per input.
/// A normal `swift build` compiles the `@main` below instead, so the harness code keeps compiling
/// with the rest of the package and cannot rot unnoticed.
#if QBBRIDGE_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    FuzzHarness.selected.run(bytes)
    return 0
}
#else
@main
struct FuzzUsage {
    static func main() {
        print("""
        qbbridge-fuzz is a libFuzzer harness; this build has no fuzzer linked in.
        Build and run it with Tests/fuzz/run.sh (it passes --sanitize=fuzzer -Xswiftc -DQBBRIDGE_FUZZ).
        Harnesses: \(FuzzHarness.allCases.map(\.rawValue).joined(separator: ", ")) (chosen by QBBRIDGE_FUZZ_TARGET).
        """)
    }
}
#endif
