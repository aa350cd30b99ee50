extension Templates {
    /// Payments searchable by external id, status and company.
    static let payments = """
        {{<layout}}{{$content}}
        <h1>Payments</h1>
        <form method="get" action="/payments" class="filters" role="search" aria-label="Search payments">
          <div><label for="p-q">External id contains</label><input id="p-q" name="q" value="{{query}}" type="search"></div>
          <div><label for="p-status">Status</label>
          <select id="p-status" name="status"><option value="">Any status</option>{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></div>
          <div><label for="p-company">Company</label>
          <select id="p-company" name="companyId"><option value="">All companies</option>{{#companyOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/companyOptions}}</select></div>
          <div><button type="submit" class="button">Search</button></div>
        </form>
        {{#hasRows}}
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">External id</th><th scope="col">Customer</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">QuickBooks TxnID</th><th scope="col">Company</th><th scope="col">Updated</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td data-label="External id"><a href="{{href}}">{{externalID}}</a></td><td data-label="Customer">{{customer}}</td><td data-label="Amount" class="num">{{amount}}</td><td data-label="Status"><span class="badge badge-{{status}}">{{statusLabel}}</span></td><td data-label="TxnID">{{#txnID}}<code>{{.}}</code>{{/txnID}}{{^txnID}}<span class="muted">—</span>{{/txnID}}</td><td data-label="Company">{{company}}</td><td data-label="Updated">{{updated}}</td></tr>
          {{/rows}}
          </tbody>
        </table></div>
        {{#nextHref}}<p><a class="button" href="{{.}}">Older payments</a></p>{{/nextHref}}
        {{/hasRows}}
        {{^hasRows}}
        <div class="empty"><h2>No payments match</h2><p>{{emptyHint}}</p></div>
        {{/hasRows}}
        {{/content}}{{/layout}}
        """

    /// One payment: what was asked, where it is, its failure and its history.
    static let payment = """
        {{<layout}}{{$content}}
        <p class="crumbs"><a href="/payments">Payments</a> › {{externalID}}</p>
        <h1>Payment {{externalID}}</h1>
        <p class="meta"><span class="badge badge-{{status}}">{{statusLabel}}</span> · <a href="{{companyHref}}">{{company}}</a>{{#txnID}} · QuickBooks TxnID <code>{{.}}</code>{{/txnID}}</p>
        {{#note}}<p class="note">{{.}}</p>{{/note}}
        {{#failure}}
        <section class="{{#isOpen}}alert-box{{/isOpen}}{{^isOpen}}closed-box{{/isOpen}}" aria-labelledby="failure-h">
          <h2 id="failure-h">Failure: <a href="{{href}}">{{title}}</a> <span class="badge badge-{{status}}">{{status}}</span></h2>
          <p>{{summary}}</p>{{#reason}}<p>Reason recorded: {{.}}</p>{{/reason}}
          <p><a class="button" href="{{href}}">Open the failure{{#isOpen}} and its steps{{/isOpen}}</a></p></section>
        {{/failure}}
        <section aria-labelledby="details-h"><h2 id="details-h">Details</h2>
          <dl class="pairs">{{#details}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/details}}</dl>
          {{#hasApplications}}<h3>Applied to</h3><ul>{{#applications}}<li>{{.}}</li>{{/applications}}</ul>{{/hasApplications}}
        </section>
        <section aria-labelledby="history-h"><h2 id="history-h">History</h2>
          {{#hasHistory}}<ol class="timeline">{{#history}}<li><time>{{time}}</time> <strong>{{action}}</strong> <span class="muted">by {{actor}}</span>{{#detail}}<br><span class="detail">{{.}}</span>{{/detail}}</li>{{/history}}</ol>{{/hasHistory}}
          {{^hasHistory}}<p class="muted">Nothing recorded yet.</p>{{/hasHistory}}
        </section>
        {{/content}}{{/layout}}
        """

    /// The audit log, newest first, by company, a page at a time.
    static let activity = """
        {{<layout}}{{$content}}
        <h1>Activity</h1>
        <form method="get" action="/activity" class="filters" role="search" aria-label="Filter activity">
          <div><label for="a-company">Company</label>
          <select id="a-company" name="companyId"><option value="">All companies</option>{{#companyOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/companyOptions}}</select></div>
          <div><button type="submit" class="button">Filter</button></div>
        </form>
        {{#hasRows}}
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Company</th><th scope="col">Detail</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td data-label="When">{{time}}</td><td data-label="Who">{{actor}}</td><td data-label="What">{{#href}}<a href="{{.}}">{{action}}</a>{{/href}}{{^href}}{{action}}{{/href}}</td><td data-label="Company">{{company}}</td><td data-label="Detail" class="detail">{{detail}}</td></tr>
          {{/rows}}
          </tbody>
        </table></div>
        {{#nextHref}}<p><a class="button" href="{{.}}">Older entries</a></p>{{/nextHref}}
        {{/hasRows}}
        {{^hasRows}}<div class="empty"><h2>Nothing recorded yet</h2><p>Every change by a person, the Web Connector or an upstream app is written here as it happens.</p></div>{{/hasRows}}
        {{/content}}{{/layout}}
        """
}
