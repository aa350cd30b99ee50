import NIOPosix

/// One thread that runs both an SQLite connection's statements and the Swift tasks using that
/// connection.
///
/// SQLiteNIO runs every statement on an `NIOThreadPool` and resumes the awaiting task afterwards. With
/// the shared pool and the global executor, each statement costs two thread hand-offs, and the task
/// that holds the writer resumes behind every request queued on the two cooperative threads: under
/// load the writer was held ~0.4 ms per transaction, mostly waiting to be scheduled, and every other
/// call queued behind it. Here the connection's pool has one thread and is also the task executor of
/// the code that holds the connection (`withTaskExecutorPreference`), so a statement and the code
/// around it run back to back on one thread, with no hand-off and no queue in between.
final class ConnectionThread: TaskExecutor, Sendable {
    /// The thread pool given to `SQLiteConnection.open`; one thread.
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
