/**
 * The dashboard's one stylesheet: readable contrast (WCAG AA), large touch targets, and a
 * single column on a phone.
 */
export const bloeiCss = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b5d3b; --warn: #a4000f; --bg: #fff; --soft: #f3f6f4; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
header { background: var(--accent); color: #fff; padding: .5rem 1rem; }
header a, header .brand { color: #fff; }
.brand { font-weight: 700; font-size: 1.25rem; margin: .25rem 0; } .brand span { font-weight: 400; font-size: .9rem; }
nav { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
nav a { display: inline-block; padding: .4rem 0; } nav a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
.logout { margin-inline-start: auto; display: flex; gap: .5rem; align-items: center; }
main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin-top: .5rem; } h2 { font-size: 1.2rem; margin-top: 1.5rem; }
a { color: var(--accent); } header a { color: #fff; }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
button, .button { display: inline-block; min-height: 44px; padding: .5rem 1rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; font: inherit; cursor: pointer; text-decoration: none; }
button.secondary { background: #fff; color: var(--accent); border: 2px solid var(--accent); }
input, select, textarea { font: inherit; min-height: 44px; padding: .4rem; border: 1px solid var(--muted); border-radius: 4px; max-width: 100%; }
label { display: block; font-weight: 600; margin-top: .75rem; }
.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; } .inline label { margin-top: 0; }
.inline > * { min-width: 0; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: start; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.urgent { color: var(--warn); font-weight: 700; }
.status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; background: var(--soft); border: 1px solid var(--line); }
.notice { padding: .75rem 1rem; background: var(--soft); border-inline-start: 4px solid var(--accent); }
.error { padding: .75rem 1rem; background: #fdecee; border-inline-start: 4px solid var(--warn); }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.columns ul { list-style: none; padding: 0; }
ul.lines { list-style: none; padding: 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; margin: .5rem 0; }
.filters { background: var(--soft); padding: .75rem; border-radius: 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
figure { margin: 1rem 0; } svg.chart { max-width: 40rem; height: auto; } svg text { font: .8rem system-ui, sans-serif; fill: var(--ink); }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 0 1.5rem; }
ul.legend, ul.pairs, ul.downloads { list-style: none; padding: 0; }
ul.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0; }
.checks label { font-weight: 400; margin-top: .25rem; } .checks input[type=checkbox] { min-height: auto; width: 1.25rem; height: 1.25rem; }
.offer-form fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; } .offer-form textarea, .offer-form input[type=text] { width: 100%; max-width: 48rem; }
.text-form textarea { width: 100%; max-width: 48rem; }
.lines-kept, .quote { white-space: pre-line; }
.chat { list-style: none; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.bubble { max-width: 36rem; padding: .5rem .75rem; border-radius: 12px; background: var(--soft); border: 1px solid var(--line); }
.bubble.resident { align-self: flex-end; background: #e4f2ea; }
.bubble p { margin: .25rem 0; } .bubble .who { font-size: .85rem; font-weight: 700; color: var(--muted); }
.choices { display: flex; flex-direction: column; align-items: flex-start; gap: .4rem; margin-top: .5rem; }
.choices button { background: #fff; color: var(--accent); border: 2px solid var(--accent); text-align: start; }
.reply { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-top: 1rem; } .reply label { flex-basis: 100%; } .reply input { flex: 1 1 12rem; }
@media (max-width: 40rem) {
  .columns { grid-template-columns: 1fr; }
  table.responsive thead { display: none; }
  table.responsive tr { display: block; border-bottom: 2px solid var(--line); padding: .5rem 0; }
  table.responsive td { display: block; border: 0; padding: .15rem 0; }
  table.responsive td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
`;
