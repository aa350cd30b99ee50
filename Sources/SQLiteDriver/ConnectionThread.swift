import NIOPosix

/// The thread the SQLite writer's transactions run on, as their task executor
/// (`withTaskExecutorPreference`).
///
/// Writers queue here, not on the two cooperative threads: when one transaction ends, the next is
/// already waiting on this thread and starts at once. Run on the cooperative pool instead, the writer
/// sat idle while the next holder of the gate waited behind every queued HTTP request, and calls that
/// wrote took five times as long as calls that did not. Readers need no thread of their own: they do not
/// queue behind one another.
final class ConnectionThread: TaskExecutor, Sendable {
    /// The thread; a one-thread pool.
    let pool: NIOThreadPool

    init(name: String) {
        pool = NIOThreadPool(numberOfThreads: 1)
        pool._start(threadNamePrefix: name)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // A job must run even when the pool is shutting down (the state is then `.cancelled`, and a
        // stopped pool calls this at once on the caller's thread): a job never run is a task that hangs.
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Stops the thread once the work already queued has run.
    func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
