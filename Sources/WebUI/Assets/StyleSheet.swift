/// `meshreg.css`: The style sheet of every page.
enum StyleSheet {
    static let source = #"""
:root { --ink: #1d252b; --muted: #4a5660; --line: #c9d1d8; --accent: #0b5cad; --bad: #a4161a; --good: #1b6e2d; --paper: #ffffff; --panel: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 0.5rem; }
.skip:focus { left: 0.5rem; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: 0.6rem 1.2rem; background: #13212e; color: #fff; }
header a { color: #fff; }
.brand { font-weight: 700; text-decoration: none; font-size: 1.1rem; }
nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
nav a[aria-current="page"] { text-decoration: underline; text-underline-offset: 4px; font-weight: 600; }
.session { margin-left: auto; display: flex; gap: 0.6rem; align-items: center; }
main { padding: 1rem 1.2rem 3rem; max-width: 84rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: 0.4rem 0; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 0.5rem; border-bottom: 1px solid var(--line); }
.status { color: var(--muted); min-height: 1.5em; }
.status.error, .problem { color: var(--bad); }
.filters, .inline { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: flex-end; }
.stacked { display: grid; gap: 0.6rem; max-width: 48rem; }
.field { display: grid; gap: 0.2rem; }
label { font-weight: 600; font-size: 0.9rem; }
input, select, textarea, button { font: inherit; color: inherit; padding: 0.35rem 0.5rem; border: 1px solid #6b7780; border-radius: 4px; background: var(--paper); }
textarea { width: 100%; font-family: ui-monospace, monospace; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button:disabled { background: #6b7780; border-color: #6b7780; }
header button { background: transparent; border-color: #fff; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
caption { text-align: left; font-weight: 600; color: var(--muted); }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); }
.badge { padding: 0 0.4rem; border-radius: 3px; background: var(--panel); border: 1px solid var(--line); }
.status-active, .status-approved, .outcome-allowed { color: var(--good); }
.status-retired, .status-rejected, .status-revoked, .outcome-refused, .outcome-denied { color: var(--bad); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
del { color: var(--bad); }
ins { color: var(--good); }
.verdict.bad { color: var(--bad); font-weight: 700; }
.verdict.good { color: var(--good); font-weight: 700; }
.viewport { border: 1px solid var(--line); height: 70vh; overflow: hidden; background: #fbfcfd; cursor: grab; margin-top: 0.8rem; }
.viewport svg { width: 100%; height: 100%; }
.node a, a.node { cursor: pointer; }
a.node:focus rect, a.node:hover rect { stroke: #f0a500; stroke-width: 3; }
pre { background: var(--panel); padding: 0.8rem; overflow: auto; max-height: 24rem; }
.login { max-width: 28rem; margin: 4rem auto; }
.login form { display: grid; gap: 0.6rem; }
.notice { color: var(--bad); }
.hint { color: var(--muted); }
.empty { color: var(--muted); }
"""#
}
