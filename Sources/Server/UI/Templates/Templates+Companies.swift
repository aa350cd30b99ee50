extension Templates {
    /// Every company connection.
    static let companies = """
        {{<layout}}{{$content}}
        <div class="title-row"><h1>Companies</h1><a class="button primary" href="/companies/new">Add a company</a></div>
        {{#hasRows}}
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">Company</th><th scope="col">Web Connector user</th><th scope="col">Runs every</th><th scope="col">Last sync</th><th scope="col">Connection</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td data-label="Company"><a href="{{href}}">{{name}}</a></td><td data-label="Web Connector user"><code>{{username}}</code></td><td data-label="Runs every">{{runEvery}}</td><td data-label="Last sync">{{lastSync}}</td><td data-label="Connection">{{#problem}}<span class="bad">{{.}}</span>{{/problem}}{{^problem}}{{connectionText}}{{/problem}}</td></tr>
          {{/rows}}
          </tbody>
        </table></div>
        {{/hasRows}}
        {{^hasRows}}
        <div class="empty"><h2>No companies yet</h2>
        <p>Each QuickBooks company file gets one connection: a name, a Web Connector user name and a password. Then you download its .qwc file and add it in the Web Connector on the QuickBooks computer.</p>
        <p><a class="button primary" href="/companies/new">Add the first company</a></p></div>
        {{/hasRows}}
        {{/content}}{{/layout}}
        """

    /// The form that connects a company.
    static let companyNew = """
        {{<layout}}{{$content}}
        <p class="crumbs"><a href="/companies">Companies</a> › New</p>
        <h1>Add a company</h1>
        {{#errorSummary}}<div class="flash flash-error" role="alert">{{.}}</div>{{/errorSummary}}
        <form method="post" action="/companies" class="stack narrow">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          <label for="name">Company name</label>
          <input id="name" name="name" required maxlength="60" value="{{name}}"{{#nameError}} aria-invalid="true" aria-describedby="name-error"{{/nameError}}>
          {{#nameError}}<p class="field-error" id="name-error">Company name {{.}}.</p>{{/nameError}}
          <label for="username">Web Connector user name</label>
          <input id="username" name="username" required maxlength="64" autocomplete="off" value="{{username}}" aria-describedby="username-help{{#usernameError}} username-error{{/usernameError}}"{{#usernameError}} aria-invalid="true"{{/usernameError}}>
          <p class="help" id="username-help">Letters, digits, '.', '_', '-' or '@'. You type it in the Web Connector; it is not a QuickBooks user.</p>
          {{#usernameError}}<p class="field-error" id="username-error">User name {{.}}.</p>{{/usernameError}}
          <label for="password">Web Connector password</label>
          <input id="password" name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password" aria-describedby="password-help{{#passwordError}} password-error{{/passwordError}}"{{#passwordError}} aria-invalid="true"{{/passwordError}}>
          <p class="help" id="password-help">8–72 characters. You type it once in the Web Connector; QBBridge keeps only a bcrypt hash.</p>
          {{#passwordError}}<p class="field-error" id="password-error">Password {{.}}.</p>{{/passwordError}}
          <label for="runEveryMinutes">Run every (minutes)</label>
          <input id="runEveryMinutes" name="runEveryMinutes" type="number" min="1" max="1440" value="{{runEveryMinutes}}"{{#runError}} aria-invalid="true" aria-describedby="run-error"{{/runError}}>
          {{#runError}}<p class="field-error" id="run-error">Run every {{.}}.</p>{{/runError}}
          <label for="syncStartDate">Sync start date (optional)</label>
          <input id="syncStartDate" name="syncStartDate" type="date" value="{{syncStartDate}}" aria-describedby="start-help{{#dateError}} start-error{{/dateError}}"{{#dateError}} aria-invalid="true"{{/dateError}}>
          <p class="help" id="start-help">Payments and invoices dated before this day are ignored.</p>
          {{#dateError}}<p class="field-error" id="start-error">Sync start date {{.}}.</p>{{/dateError}}
          <button type="submit" class="button primary">Add company</button>
        </form>
        {{/content}}{{/layout}}
        """

    /// One company: setup steps, .qwc download, schedule and sync start date, password rotation.
    static let company = """
        {{<layout}}{{$content}}
        <p class="crumbs"><a href="/companies">Companies</a> › {{name}}</p>
        <div class="title-row"><h1>{{name}}</h1><a class="button primary" href="{{href}}/qwc" download>Download .qwc</a></div>
        <p class="meta">{{connectionText}} · <a href="/failures?companyId={{id}}">Open failures</a> · <a href="/payments?companyId={{id}}">Payments</a> · <a href="/activity?companyId={{id}}">Activity</a> · <a href="{{href}}/deposits">Deposit report</a></p>
        {{#problem}}<p class="alert" role="alert">{{.}}</p>{{/problem}}
        <section aria-labelledby="setup-h"><h2 id="setup-h">Set up the Web Connector</h2>
          <ol class="steps">
            <li>Click <strong>Download .qwc</strong> above and copy the file to the computer where QuickBooks runs.</li>
            <li>Open QuickBooks with the company file, signed in as the admin, then in the Web Connector choose <strong>Add an application</strong> and pick the .qwc file.</li>
            <li>When QuickBooks asks, choose <strong>"Yes, always allow access even if QuickBooks is not running"</strong> and log in as the dedicated QuickBooks user for QBBridge.</li>
            <li>In the Web Connector, type the password of user <code>{{username}}</code> in the Password column and let it save it.</li>
            <li>Sign in to QuickBooks as that dedicated user and turn off its pop-ups (Edit › Preferences: reminders, update and backup prompts), so no dialog blocks the unattended sync.</li>
            <li>Tick <strong>Auto-Run</strong> and click <strong>Update Selected</strong> once; the result appears on the dashboard.</li>
          </ol>
        </section>
        <section aria-labelledby="details-h"><h2 id="details-h">Details</h2>
          <dl class="pairs">{{#details}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/details}}</dl>
        </section>
        {{#data}}
        <section aria-labelledby="data-h"><h2 id="data-h">QuickBooks data</h2>
          <p>Stored from pulls: <strong>{{invoices}}</strong> invoices ({{openInvoices}} open), <strong>{{customers}}</strong> customers, {{mappings}} customer mappings. Upstream apps read them at <code>/api/v1/companies/{{id}}/invoices</code> and <code>/customers</code>.</p>
          <div class="actions">
            <form method="post" action="{{href}}/pulls"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="kind" value="invoices"><button type="submit" class="button">Pull open invoices now</button></form>
            <form method="post" action="{{href}}/pulls"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="kind" value="customers"><button type="submit" class="button">Pull customers now</button></form>
          </div>
          <p class="help">A pull runs at the company's next Web Connector sync, page by page; large files take several round trips.</p>
          {{#hasPulls}}<div class="table-wrap"><table>
            <thead><tr><th scope="col">Pull</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Updated</th></tr></thead>
            <tbody>{{#pulls}}<tr><td data-label="Pull">{{kind}}</td><td data-label="Status"><span class="badge badge-{{statusClass}}">{{status}}</span></td><td data-label="Progress">{{detail}}</td><td data-label="Updated">{{updated}}</td></tr>{{/pulls}}</tbody>
          </table></div>{{/hasPulls}}
        </section>
        {{/data}}
        <div class="two">
        <section aria-labelledby="schedule-h"><h2 id="schedule-h">Schedule and sync start date</h2>
          <form method="post" action="{{href}}/settings" class="stack">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="runEveryMinutes">Run every (minutes)</label>
            <input id="runEveryMinutes" name="runEveryMinutes" type="number" min="1" max="1440" required value="{{runEveryMinutes}}"{{#runError}} aria-invalid="true" aria-describedby="run-error"{{/runError}}>
            {{#runError}}<p class="field-error" id="run-error">{{.}}</p>{{/runError}}
            <label for="syncStartDate">Sync start date</label>
            <input id="syncStartDate" name="syncStartDate" type="date" value="{{syncStartDate}}" aria-describedby="start-help{{#dateError}} start-error{{/dateError}}"{{#dateError}} aria-invalid="true"{{/dateError}}>
            <p class="help" id="start-help">Leave empty to sync everything. A new schedule reaches the Web Connector with a new .qwc download.</p>
            {{#dateError}}<p class="field-error" id="start-error">{{.}}</p>{{/dateError}}
            <div class="check"><input id="pullEverySync" name="pullInvoicesEverySync" type="checkbox" value="on"{{#pullEverySync}} checked{{/pullEverySync}}>
            <label for="pullEverySync">Pull changed invoices at every sync</label></div>
            <button type="submit" class="button">Save</button>
          </form>
        </section>
        <section aria-labelledby="password-h"><h2 id="password-h">Web Connector password</h2>
          <form method="post" action="{{href}}/password" class="stack">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <label for="password">New password</label>
            <input id="password" name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password" aria-describedby="pw-help{{#passwordError}} pw-error{{/passwordError}}"{{#passwordError}} aria-invalid="true"{{/passwordError}}>
            <p class="help" id="pw-help">8–72 characters. Type the same password in the Web Connector afterwards, or its next run is refused.</p>
            {{#passwordError}}<p class="field-error" id="pw-error">{{.}}</p>{{/passwordError}}
            <button type="submit" class="button">Change password</button>
          </form>
        </section>
        </div>
        {{/content}}{{/layout}}
        """

    static let deposits = """
        {{<layout}}{{$content}}
        <p class="crumbs"><a href="/companies">Companies</a> › <a href="{{companyHref}}">{{companyName}}</a> › Deposit report</p>
        <h1>Expected deposits</h1>
        <p class="lead">Posted payments grouped the way they reach the bank: the card payments of one business day arrive together about {{cardDays}} business days later, ACH {{achDays}}–{{achLatestDays}} business days later; weekends{{#hasHolidays}} and the holidays {{holidays}}{{/hasHolidays}} are skipped. Tick each group off in QuickBooks' <strong>Record Deposits</strong> window.</p>
        <form method="get" action="{{companyHref}}/deposits" class="filters">
          <label for="from">Deposits from</label><input id="from" name="from" type="date" value="{{from}}" required>
          <label for="to">to</label><input id="to" name="to" type="date" value="{{to}}" required>
          <button type="submit" class="button">Show</button>
        </form>
        {{#hasDeposits}}
        <dl class="pairs"><div><dt>Card</dt><dd>{{totalCard}}</dd></div><div><dt>ACH</dt><dd>{{totalACH}}</dd></div><div><dt>Checks and cash</dt><dd>{{totalOther}}</dd></div><div><dt>All</dt><dd><strong>{{totalAll}}</strong></dd></div></dl>
        {{#deposits}}
        <section class="deposit" aria-label="{{channel}} expected {{expected}}">
          <h2>{{expected}}{{#latest}} – {{.}}{{/latest}} · {{channel}} · <span class="num">{{total}}</span></h2>
          <p class="meta">{{count}} of {{batch}}</p>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Reference</th><th scope="col">Customer</th><th scope="col">Method</th><th scope="col">Paid on</th><th scope="col">QuickBooks TxnID</th><th scope="col" class="num">Amount</th></tr></thead>
            <tbody>{{#payments}}<tr><td data-label="Reference"><a href="{{href}}">{{ref}}</a></td><td data-label="Customer">{{customer}}</td><td data-label="Method">{{method}}</td><td data-label="Paid on">{{date}}</td><td data-label="TxnID"><code>{{txnID}}</code></td><td data-label="Amount" class="num">{{amount}}</td></tr>{{/payments}}</tbody>
          </table></div>
        </section>
        {{/deposits}}
        {{/hasDeposits}}
        {{^hasDeposits}}<p class="empty">No posted payments are expected to reach the bank between {{from}} and {{to}}.</p>{{/hasDeposits}}
        <section aria-labelledby="deposit-settings-h"><h2 id="deposit-settings-h">How payments reach the bank</h2>
          <form method="post" action="{{companyHref}}/deposit-settings" class="stack">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            {{#settingsError}}<p class="alert" role="alert">{{.}}</p>{{/settingsError}}
            <label for="cardDays">Card batches arrive after (business days)</label>
            <input id="cardDays" name="cardBusinessDays" type="number" min="0" max="10" required value="{{cardDays}}">
            <label for="achDays">ACH arrives after (business days, earliest)</label>
            <input id="achDays" name="achBusinessDays" type="number" min="0" max="10" required value="{{achDays}}">
            <label for="achLatest">ACH arrives after (business days, latest)</label>
            <input id="achLatest" name="achLatestBusinessDays" type="number" min="0" max="10" required value="{{achLatestDays}}">
            <label for="holidays">Bank holidays</label>
            <input id="holidays" name="holidays" type="text" value="{{holidays}}" aria-describedby="holidays-help">
            <p class="help" id="holidays-help">Dates YYYY-MM-DD, separated by commas.</p>
            <label for="cardMethods">Other card payment methods</label>
            <input id="cardMethods" name="cardMethods" type="text" value="{{cardMethods}}" aria-describedby="methods-help">
            <label for="achMethods">Other ACH payment methods</label>
            <input id="achMethods" name="achMethods" type="text" value="{{achMethods}}" aria-describedby="methods-help">
            <p class="help" id="methods-help">QuickBooks payment method names, separated by commas. Visa, MasterCard, Amex, Discover and names with "card" are cards; ACH, eCheck, EFT and bank transfers are ACH; everything else counts as checks and cash.</p>
            <button type="submit" class="button">Save</button>
          </form>
        </section>
        {{/content}}{{/layout}}
        """
}
