/// The UI's one hand-written stylesheet, served at `/assets/app.css` from the binary.
///
/// Colours meet WCAG AA contrast on their backgrounds, every focusable element gets a visible focus ring,
/// and below 700 px tables turn into labelled stacks so every page works on a phone.
enum Stylesheet {
    static let css = """
        :root{--ink:#1b1f24;--muted:#555e69;--line:#d5dae0;--bg:#f5f7f9;--card:#fff;--brand:#0b5cad;--brand-ink:#fff;
        --ok:#0f6b2f;--ok-bg:#e3f4e8;--warn:#7a4a00;--warn-bg:#fff2d6;--bad:#a3161c;--bad-bg:#fde7e8;--focus:#f2b600}
        *{box-sizing:border-box}
        html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;color:var(--ink);background:var(--bg)}
        body{margin:0}
        a{color:var(--brand)}
        a:hover{text-decoration-thickness:2px}
        :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        code{font:0.9em ui-monospace,SFMono-Regular,Consolas,monospace;background:#eef1f4;padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}
        h1{font-size:1.6rem;margin:.2em 0 .5em}
        h2{font-size:1.2rem;margin:1.4em 0 .5em}
        h3{font-size:1rem;margin:1.1em 0 .4em}
        .skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5em 1em;z-index:10}
        .skip:focus{left:.5em}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .top{background:var(--brand);color:var(--brand-ink)}
        .bar{max-width:72rem;margin:0 auto;padding:.6em 1em;display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center}
        .brand{color:var(--brand-ink);font-weight:700;font-size:1.15rem;text-decoration:none}
        .top nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.2em .9em;margin:0;padding:0}
        .top nav a{color:var(--brand-ink);text-decoration:none;padding:.2em 0;border-bottom:3px solid transparent}
        .top nav a[aria-current=page],.top nav a:hover{border-bottom-color:var(--brand-ink)}
        .top :focus-visible{outline-color:var(--focus)}
        .signout{margin-left:auto;display:flex;gap:.5em;align-items:center}
        .signout .who{opacity:.9}
        button.link{background:none;border:0;color:var(--brand-ink);text-decoration:underline;font:inherit;cursor:pointer;padding:0}
        main{max-width:72rem;margin:0 auto;padding:1em 1em 3em}
        main:focus{outline:none}
        .lead{font-size:1.05rem}
        .muted{color:var(--muted)}
        .crumbs{margin:0;color:var(--muted);font-size:.9rem}
        .meta{color:var(--muted);margin-top:-.3em}
        .narrow{max-width:28rem}
        .button{display:inline-block;font:inherit;font-weight:600;padding:.5em 1em;border-radius:6px;border:1px solid var(--brand);
          background:var(--card);color:var(--brand);text-decoration:none;cursor:pointer;line-height:1.3}
        .button:hover{background:#e8f0fa}
        .button.primary{background:var(--brand);color:var(--brand-ink)}
        .button.primary:hover{background:#094c8f}
        .button.danger{background:var(--bad);border-color:var(--bad);color:#fff}
        .stack{display:flex;flex-direction:column;gap:.35em;align-items:flex-start}
        .stack label{font-weight:600;margin-top:.5em}
        .stack button{margin-top:.8em}
        input,select,textarea{font:inherit;padding:.45em .6em;border:1px solid #8a949f;border-radius:5px;background:#fff;color:var(--ink);max-width:100%}
        .stack input,.stack textarea{width:100%}
        input[aria-invalid=true],textarea[aria-invalid=true]{border-color:var(--bad);border-width:2px}
        .help{margin:0;color:var(--muted);font-size:.9rem}
        .field-error{margin:0;color:var(--bad);font-weight:600}
        .flash{padding:.7em 1em;border-radius:6px;margin:.5em 0 1em;border-left:5px solid}
        .flash-success{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
        .flash-error{background:var(--bad-bg);border-color:var(--bad);color:var(--bad)}
        .alert{background:var(--bad-bg);color:var(--bad);border-left:5px solid var(--bad);padding:.6em .9em;border-radius:6px}
        .alert-box{background:var(--bad-bg);border:1px solid #f3b7ba;border-radius:8px;padding:0 1em .5em;margin-top:1em}
        .closed-box{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:0 1em .5em;margin-top:1em}
        .note{background:var(--warn-bg);color:var(--warn);padding:.5em .9em;border-radius:6px}
        .badge{display:inline-block;padding:.05em .6em;border-radius:999px;font-size:.85rem;font-weight:600;background:#e6e9ed;color:var(--ink);white-space:nowrap}
        .badge-ok,.badge-posted,.badge-resolved{background:var(--ok-bg);color:var(--ok)}
        .badge-attention,.badge-failed,.badge-open{background:var(--bad-bg);color:var(--bad)}
        .badge-waiting,.badge-queued,.badge-uncertain,.badge-in_flight,.badge-dismissed{background:var(--warn-bg);color:var(--warn)}
        .tag{font:0.85em ui-monospace,SFMono-Regular,Consolas,monospace;color:var(--muted)}
        .bad{color:var(--bad);font-weight:600}
        .warn{color:var(--warn);font-weight:600}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(21rem,1fr));gap:1em}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1em 1.1em;border-top:5px solid var(--ok)}
        .card.attention{border-top-color:var(--bad)}
        .card-head{display:flex;justify-content:space-between;align-items:baseline;gap:.5em}
        .card-head h2{margin:0;font-size:1.2rem}
        .facts{display:grid;grid-template-columns:1fr 1fr;gap:.5em 1em;margin:.8em 0}
        .facts dt,.pairs dt{color:var(--muted);font-size:.85rem}
        .facts dd,.pairs dd{margin:0;font-weight:600;overflow-wrap:anywhere}
        .facts .wide{grid-column:1/-1}
        .facts dd .muted{font-weight:400}
        .pairs{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6em 1.2em;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8em 1em}
        .counts{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4em}
        .counts li{background:var(--bad-bg);border-radius:6px;padding:.15em .6em}
        .count{font-weight:700;color:var(--bad)}
        .steps{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8em 1em .8em 2.4em}
        .steps li{margin:.3em 0}
        .summary{font-size:1.05rem;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8em 1em}
        .actions{display:flex;flex-wrap:wrap;gap:.8em;align-items:flex-start}
        .action{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5em;flex:1 1 16rem;max-width:24rem}
        .action[open]{padding-bottom:1em}
        .action summary{list-style:none;display:block;text-align:center}
        .action summary::-webkit-details-marker{display:none}
        .action form{padding:.5em .5em 0}
        .filters{display:flex;flex-wrap:wrap;gap:.6em 1em;align-items:flex-end;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8em 1em;margin-bottom:1em}
        .filters label{display:block;font-weight:600;font-size:.9rem}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}
        th,td{text-align:left;padding:.5em .7em;border-bottom:1px solid var(--line);vertical-align:top}
        th{background:#eef1f4;font-size:.9rem}
        td.num,th.num,h2 .num{text-align:right;font-variant-numeric:tabular-nums}
        .check{display:flex;gap:.5em;align-items:center}
        .check input{width:auto}
        .deposit{border-top:1px solid var(--line);padding-top:.4em}
        .deposit h2{font-size:1.1rem}
        tr.cause{background:var(--warn-bg)}
        .detail{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
        .empty{background:var(--card);border:1px dashed #9aa3ad;border-radius:10px;padding:1em 1.4em}
        .empty h2{margin-top:.3em}
        .title-row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5em}
        .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 2em}
        .timeline{padding-left:1.4em}
        .timeline li{margin:.4em 0}
        .next{padding-left:1.2em}
        @media (max-width:700px){
          .bar{padding:.5em .8em}
          .signout{margin-left:0}
          .facts{grid-template-columns:1fr}
          table,thead,tbody,tr,td{display:block}
          table{border:0;background:none}
          thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
          tr{background:var(--card);border:1px solid var(--line);border-radius:8px;margin-bottom:.7em;padding:.3em .2em}
          td{border:0;padding:.2em .7em}
          td::before{content:attr(data-label);display:block;font-size:.8rem;color:var(--muted)}
          td.num{text-align:left}
        }
        """
}
