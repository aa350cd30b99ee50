extension Templates {
    /// Per company: connection state, queue, posted today, open failures by category, failure rate and alert.
    static let dashboard = """
        {{<layout}}{{$content}}
        <h1>Dashboard</h1>
        {{^hasCompanies}}
        <div class="empty">
          <h2>No companies connected yet</h2>
          <p>Connect a QuickBooks company file first: give it a name, a Web Connector user name and a password, then download its .qwc file.</p>
          <p><a class="button primary" href="/companies/new">Add a company</a></p>
        </div>
        {{/hasCompanies}}
        {{#hasCompanies}}
        <p class="lead">{{summary}}</p>
        <div class="cards">
        {{#companies}}
        <section class="card{{#needsAttention}} attention{{/needsAttention}}" aria-labelledby="c-{{id}}">
          <header class="card-head">
            <h2 id="c-{{id}}"><a href="{{href}}">{{name}}</a></h2>
            <span class="badge badge-{{stateClass}}">{{stateLabel}}</span>
          </header>
          {{#rateAlert}}<p class="alert" role="alert"><strong>Failure rate {{failureRate}}</strong> — at or above the 10% alert level. {{alertMessage}}</p>{{/rateAlert}}
          {{^rateAlert}}{{#alertMessage}}<p class="alert" role="alert">{{.}}</p>{{/alertMessage}}{{/rateAlert}}
          <dl class="facts">
            <div><dt>Last sync</dt><dd>{{lastSync}}{{#ageText}} <span class="warn">({{.}})</span>{{/ageText}}</dd></div>
            <div><dt>Connection</dt><dd>{{#connectionProblem}}<span class="bad">{{.}}</span>{{#connectionHref}} <a href="{{.}}">What to do</a>{{/connectionHref}}{{/connectionProblem}}{{^connectionProblem}}{{connectionText}}{{/connectionProblem}}</dd></div>
            <div><dt>Waiting to send</dt><dd><a href="{{paymentsHref}}">{{queueDepth}}</a></dd></div>
            <div><dt>Posted today</dt><dd>{{postedToday}}</dd></div>
            <div class="wide"><dt>Failure rate (30 days)</dt><dd><span class="{{#rateAlert}}bad{{/rateAlert}}">{{failureRate}}</span> <span class="muted">{{rateDetail}}</span></dd></div>
          </dl>
          <h3>Open failures</h3>
          {{#hasOpenFailures}}
          <ul class="counts">{{#openFailures}}<li><a href="{{href}}">{{label}}</a> <span class="count">{{count}}</span></li>{{/openFailures}}</ul>
          {{/hasOpenFailures}}
          {{^hasOpenFailures}}<p class="muted">None — nothing needs a person.</p>{{/hasOpenFailures}}
          {{#hasChecks}}<h3>What to check</h3><ul>{{#whatToCheck}}<li>{{.}}</li>{{/whatToCheck}}</ul>{{/hasChecks}}
        </section>
        {{/companies}}
        </div>
        {{/hasCompanies}}
        {{/content}}{{/layout}}
        """
}
