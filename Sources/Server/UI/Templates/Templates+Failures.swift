extension Templates {
    /// Failures filtered by company, category and status with a plain GET form.
    static let failures = """
        {{<layout}}{{$content}}
        <h1>Failures</h1>
        <form method="get" action="/failures" class="filters" role="search" aria-label="Filter failures">
          <div><label for="f-company">Company</label>
          <select id="f-company" name="companyId"><option value="">All companies</option>{{#companyOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/companyOptions}}</select></div>
          <div><label for="f-category">Category</label>
          <select id="f-category" name="category"><option value="">All categories</option>{{#categoryOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categoryOptions}}</select></div>
          <div><label for="f-status">Status</label>
          <select id="f-status" name="status">{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></div>
          <div><button type="submit" class="button">Filter</button></div>
        </form>
        {{#hasRows}}
        <div class="table-wrap"><table>
          <caption class="visually-hidden">Failures, newest first</caption>
          <thead><tr><th scope="col">Failure</th><th scope="col">Category</th><th scope="col">Company</th><th scope="col">Status</th><th scope="col">When</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td data-label="Failure"><a href="{{href}}">{{title}}</a></td><td data-label="Category"><span class="tag">{{category}}</span></td><td data-label="Company">{{company}}</td><td data-label="Status"><span class="badge badge-{{status}}">{{status}}</span></td><td data-label="When">{{created}}</td></tr>
          {{/rows}}
          </tbody>
        </table></div>
        {{#truncated}}<p class="muted">Showing the newest {{shown}}; narrow the filter to see older ones.</p>{{/truncated}}
        {{/hasRows}}
        {{^hasRows}}
        <div class="empty"><h2>No failures match</h2><p>{{emptyHint}}</p></div>
        {{/hasRows}}
        {{/content}}{{/layout}}
        """

    /// One failure: summary, evidence, numbered steps and the three actions, each behind a confirmation.
    static let failure = """
        {{<layout}}{{$content}}
        <p class="crumbs"><a href="/failures">Failures</a> › {{categoryLabel}}</p>
        <h1>{{title}}</h1>
        <p class="meta"><span class="badge badge-{{status}}">{{status}}</span> <span class="tag">{{category}}</span> · <a href="{{companyHref}}">{{company}}</a> · {{created}}{{#paymentHref}} · <a href="{{.}}">the payment</a>{{/paymentHref}}</p>
        {{#reason}}<p class="note">Reason recorded: {{.}}</p>{{/reason}}
        {{#autoRecheck}}<p class="note">QBBridge re-checks this payment at every sync and posts it by itself once the invoice allows.</p>{{/autoRecheck}}
        <section aria-labelledby="summary-h"><h2 id="summary-h">What happened</h2><p class="summary">{{summary}}</p></section>
        <section aria-labelledby="steps-h"><h2 id="steps-h">How to fix it</h2>
          {{#hasSteps}}<ol class="steps">{{#steps}}<li>{{.}}</li>{{/steps}}</ol>{{/hasSteps}}
          {{^hasSteps}}<p class="muted">No steps are recorded for this failure.</p>{{/hasSteps}}
        </section>
        <section aria-labelledby="actions-h" class="actions-box"><h2 id="actions-h">Actions</h2>
          {{#actionError}}<div class="flash flash-error" role="alert" id="action-error">{{.}}</div>{{/actionError}}
          <div class="actions">
          {{#canRetry}}
          <details class="action"><summary class="button">Retry</summary>
            <form method="post" action="{{href}}/retry" class="stack">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <p>QBBridge queues this payment again and sends it at the Web Connector's next run. Do this once the cause is fixed in QuickBooks.</p>
              <button type="submit" class="button primary">Yes, retry it</button>
            </form>
          </details>
          {{/canRetry}}
          {{#canDismiss}}
          <details class="action"{{#dismissOpen}} open{{/dismissOpen}}><summary class="button">Dismiss syncing</summary>
            <form method="post" action="{{href}}/dismiss" class="stack">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <p>The payment will never be sent to QuickBooks (for example, the customer was credited another way).</p>
              <label for="reason">Why must it not be posted? (required)</label>
              <textarea id="reason" name="reason" rows="3" required{{#dismissError}} aria-invalid="true" aria-describedby="reason-error"{{/dismissError}}></textarea>
              {{#dismissError}}<p class="field-error" id="reason-error">{{.}}</p>{{/dismissError}}
              <button type="submit" class="button danger">Dismiss syncing</button>
            </form>
          </details>
          {{/canDismiss}}
          {{#canDelete}}
          <details class="action"><summary class="button">Delete</summary>
            <form method="post" action="{{href}}/delete" class="stack">
              <input type="hidden" name="csrf" value="{{chrome.csrf}}">
              <p>The failure is hidden from the lists{{#hasJob}} and its payment is not sent again{{/hasJob}}. It stays in the activity log.</p>
              <button type="submit" class="button danger">Yes, delete it</button>
            </form>
          </details>
          {{/canDelete}}
          </div>
          {{#unavailable}}<p class="muted">{{.}}</p>{{/unavailable}}
        </section>
        <section aria-labelledby="evidence-h"><h2 id="evidence-h">Evidence</h2>
          {{#hasFacts}}<dl class="pairs">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>{{/hasFacts}}
          {{#invoice}}
          <h3>The invoice in QuickBooks now</h3>
          <dl class="pairs">{{#rows}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/rows}}</dl>
          {{/invoice}}
          {{#hasLinked}}
          <h3>Transactions linked to the invoice</h3>
          <div class="table-wrap"><table><thead><tr><th scope="col">Type</th><th scope="col">Number</th><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">TxnID</th></tr></thead><tbody>
          {{#linked}}<tr{{#isCause}} class="cause"{{/isCause}}><td data-label="Type">{{type}}{{#isCause}} <strong>(the cause)</strong>{{/isCause}}</td><td data-label="Number">{{number}}</td><td data-label="Date">{{date}}</td><td data-label="Amount">{{amount}}</td><td data-label="TxnID"><code>{{txnID}}</code></td></tr>{{/linked}}
          </tbody></table></div>
          {{/hasLinked}}
          {{#candidate}}
          <h3>A likely re-creation of the missing invoice</h3>
          <dl class="pairs">{{#rows}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/rows}}</dl>
          <p class="muted">QBBridge never moves a payment to it by itself: confirm it is the same invoice, then have the billing system send the payment again with this invoice.</p>
          {{/candidate}}
          {{#hasCustomerCandidates}}
          <h3>QuickBooks customers that match</h3>
          <div class="table-wrap"><table><thead><tr><th scope="col">Customer</th><th scope="col">ListID</th><th scope="col">Email</th><th scope="col">Matched by</th></tr></thead><tbody>
          {{#customerCandidates}}<tr><td data-label="Customer">{{name}}{{#inactive}} <span class="muted">(inactive)</span>{{/inactive}}</td><td data-label="ListID"><code>{{listID}}</code></td><td data-label="Email">{{email}}</td><td data-label="Matched by">{{matchedBy}}</td></tr>{{/customerCandidates}}
          </tbody></table></div>
          {{/hasCustomerCandidates}}
          {{^hasEvidence}}<p class="muted">QuickBooks gave no further detail.</p>{{/hasEvidence}}
        </section>
        {{/content}}{{/layout}}
        """
}
