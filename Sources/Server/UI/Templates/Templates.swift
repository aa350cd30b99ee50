/// The web UI's Mustache templates, compiled into the binary (issue 8: the executable must work wherever
/// it is copied, with no template directory beside it). Each page inherits `layout` and fills its
/// `content` block. Only `{{ }}` (escaped) is used for values; nothing user-supplied is ever unescaped.
enum Templates {
    /// Every template by the name pages render it with.
    static let all: [String: String] = [
        "layout": layout, "error": error, "login": login, "dashboard": dashboard,
        "failures": failures, "failure": failure,
        "companies": companies, "company-new": companyNew, "company": company,
        "payments": payments, "payment": payment, "activity": activity, "deposits": deposits,
    ]

    /// The frame of every page: skip link, header with navigation and sign-out, flash message, main.
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{chrome.title}} · QBBridge</title>
        <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        {{#chrome}}
        <header class="top">
          <div class="bar">
            <a class="brand" href="/">QBBridge</a>
            {{#user}}
            <nav aria-label="Main">
              <ul>{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul>
            </nav>
            <form class="signout" method="post" action="/logout">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <span class="who">{{chrome.user}}</span>
              <button type="submit" class="link">Sign out</button>
            </form>
            {{/user}}
          </div>
        </header>
        {{/chrome}}
        <main id="main" tabindex="-1">
        {{#chrome.flash}}<div class="flash flash-{{kind}}" role="status">{{message}}</div>{{/chrome.flash}}
        {{$content}}{{/content}}
        </main>
        </body>
        </html>
        """

    /// Any error, with what to do next.
    static let error = """
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        <p class="lead">{{message}}</p>
        <ul class="next">{{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}</ul>
        {{/content}}{{/layout}}
        """

    /// Sign-in; its CSRF token is a double-submit cookie because there is no session yet.
    static let login = """
        {{<layout}}{{$content}}
        <div class="narrow">
        <h1>Sign in</h1>
        <p class="muted">Sign in with an admin user. An operator creates one with <code>qbbridge user add --username NAME --password-stdin</code>.</p>
        {{#notice}}<div class="flash flash-success" role="status">{{.}}</div>{{/notice}}
        {{#error}}<div class="flash flash-error" role="alert" id="login-error">{{.}}</div>{{/error}}
        <form method="post" action="/login" class="stack">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="next" value="{{next}}">
          <label for="username">User name</label>
          <input id="username" name="username" autocomplete="username" required value="{{username}}"{{#error}} aria-describedby="login-error"{{/error}}{{^error}} autofocus{{/error}}>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required{{#error}} autofocus{{/error}}>
          <button type="submit" class="button primary">Sign in</button>
        </form>
        </div>
        {{/content}}{{/layout}}
        """
}
