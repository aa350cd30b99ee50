/// The web UI's Mustache templates: the files in `Templates/` (`<name>.mustache`), compiled into the binary
/// (issue 8: the executable must work wherever it is copied, with no template directory beside it). Each
/// page inherits `layout` and fills its `content` block. Only `{{ }}` (escaped) is used for values; nothing
/// user-supplied is ever unescaped.
enum Templates {
    /// Every template by the name pages render it with, which is its file name.
    static let all: [String: String] = [
        // The frame of every page: skip link, header with navigation and sign-out, flash message, main.
        "layout": EmbeddedFile.text(PackageResources.layout_mustache),
        // Any error, with what to do next.
        "error": EmbeddedFile.text(PackageResources.error_mustache),
        // Sign-in; its CSRF token is a double-submit cookie because there is no session yet.
        "login": EmbeddedFile.text(PackageResources.login_mustache),
        // The first admin user, from the one-time set-up link `serve` prints while there is none; public.
        "setup": EmbeddedFile.text(PackageResources.setup_mustache),
        // Per company: connection state, queue, posted today, open failures by category, failure rate and alert.
        "dashboard": EmbeddedFile.text(PackageResources.dashboard_mustache),
        // Failures filtered by company, category and status with a plain GET form.
        "failures": EmbeddedFile.text(PackageResources.failures_mustache),
        // One failure: summary, evidence, numbered steps and the three actions, each behind a confirmation.
        "failure": EmbeddedFile.text(PackageResources.failure_mustache),
        // Every company connection.
        "companies": EmbeddedFile.text(PackageResources.companies_mustache),
        // The form that connects a company.
        "company-new": EmbeddedFile.text(PackageResources.company_new_mustache),
        // One company: setup steps, .qwc download, schedule and sync start date, password rotation.
        "company": EmbeddedFile.text(PackageResources.company_mustache),
        // A company's expected deposits: posted payments grouped by the bank day they arrive.
        "deposits": EmbeddedFile.text(PackageResources.deposits_mustache),
        // Payments searchable by external id, status and company.
        "payments": EmbeddedFile.text(PackageResources.payments_mustache),
        // One payment: what was asked, where it is, its failure and its history.
        "payment": EmbeddedFile.text(PackageResources.payment_mustache),
        // The audit log, newest first, by company, a page at a time.
        "activity": EmbeddedFile.text(PackageResources.activity_mustache),
        // The help catalogue, searchable by code, category or words with a plain GET form; public.
        "help": EmbeddedFile.text(PackageResources.help_mustache),
        // One help entry: what the code means, its usual causes and the numbered steps; public.
        "help-entry": EmbeddedFile.text(PackageResources.help_entry_mustache),
        // What the Web Connector log reader found in an uploaded QWCLog.txt: the summary, the problems with their
        // steps, one row per run; or why the file could not be read.
        "qwclog": EmbeddedFile.text(PackageResources.qwclog_mustache),
        // Webhook endpoints and the form that registers one.
        "webhooks": EmbeddedFile.text(PackageResources.webhooks_mustache),
        // One webhook: its recent deliveries with their answers, Replay, rotate secret, disable/enable, delete.
        "webhook": EmbeddedFile.text(PackageResources.webhook_mustache),
    ]
}
