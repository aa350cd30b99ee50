import AsyncAlgorithms
import ServiceLifecycle

#if os(Linux)
/// glibc's `int malloc_trim(size_t pad)`, declared in <malloc.h>, which the Glibc module does not import.
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: UInt) -> Int32
#endif

/// Hands memory freed after a burst of calls back to the system.
///
/// glibc keeps freed blocks in its per-thread arenas for reuse; after 128 Web Connectors at once the
/// server held ~25 MiB more than when idle, for good, although nothing used it. `malloc_trim(0)` returns
/// the free pages of every arena; it costs well under a millisecond and runs only every few seconds.
struct MemoryTrimmer: Service {
    let intervalSeconds: Double

    func run() async throws {
        for await _ in AsyncTimerSequence(interval: .milliseconds(Int64(intervalSeconds * 1000)), clock: .continuous)
            .cancelOnGracefulShutdown() {
            #if os(Linux)
            _ = malloc_trim(0)
            #endif
        }
    }
}
