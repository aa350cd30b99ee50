import NIOPosix

/// One thread that runs an SQLite connection's statements and the Swift tasks using that connection.
///
/// The statements run synchronously in the task that holds the connection, and that task runs here: the
/// connection's thread is its task executor (`withTaskExecutorPreference`). A statement and the code
/// around it run back to back on one thread. (With a driver that ran statements on a shared thread pool
/// and resumed on the global executor, each statement cost two thread hand-offs, and the writer's holder
/// resumed behind every request queued on the two cooperative threads: under load the writer was held
/// ~0.4 ms per transaction, mostly waiting to be scheduled.)
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
