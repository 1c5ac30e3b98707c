// The HTML report's own style sheet and script, inlined into every report (html.ts). Nothing here
// comes from a draft or the corpus. Colours follow the page's light or dark scheme, and VS Code's
// dark themes in the webview (which mark the body `vscode-dark`).

const LIGHT = `--bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --mismatch: #c62828; --mismatch-bg: #fde2e1; --supported: #1a7f37; --supported-bg: #dafbe1; --unverified: #9a6700; --unverified-bg: #fff1c2;`;
const DARK = `--bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --mismatch: #ff8182; --mismatch-bg: #5d1f1f; --supported: #56d364; --supported-bg: #1b4721; --unverified: #e3b341; --unverified-bg: #4b3a0a;`;

export const REPORT_STYLE = `
:root, body.vscode-light { ${LIGHT} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { ${DARK} } }
body.vscode-dark, body.vscode-high-contrast { ${DARK} }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.4rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; overflow-wrap: anywhere; }
a { color: inherit; }
.totals { font-weight: 600; }
.overview { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; }
.chart text { fill: var(--fg); font-size: 12px; }
.bar.mismatch { fill: var(--mismatch); } .bar.supported { fill: var(--supported); } .bar.unverified { fill: var(--unverified); }
.filter { border: 1px solid var(--line); border-radius: 6px; display: flex; gap: 1rem; }
.filter label { cursor: pointer; }
.tables { margin: 1rem 0; } .tables summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
.num { text-align: right; }
th.mismatch { color: var(--mismatch); } th.supported { color: var(--supported); } th.unverified { color: var(--unverified); }
.id { color: var(--muted); font-size: 0.85em; }
pre.draft { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 1rem; font: 14px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
mark.fig { text-decoration: none; border-radius: 3px; padding: 0 2px; border-bottom: 2px solid; unicode-bidi: isolate; }
mark.fig.mismatch { background: var(--mismatch-bg); border-color: var(--mismatch); }
mark.fig.supported { background: var(--supported-bg); border-color: var(--supported); }
mark.fig.unverified { background: var(--unverified-bg); border-color: var(--unverified); }
mark.fig.suppressed { background: none; border-bottom-style: dashed; }
mark.fig.active { outline: 2px solid var(--fg); }
.hide-mismatch mark.fig.mismatch, .hide-supported mark.fig.supported, .hide-unverified mark.fig.unverified {
  background: none; border-color: transparent; pointer-events: none; color: inherit; }
.hide-mismatch li.mismatch, .hide-supported li.supported, .hide-unverified li.unverified { display: none; }
ol.findings { padding-left: 1.5rem; }
li.finding { margin: 0.75rem 0; }
li.finding.suppressed { opacity: 0.7; }
.verdict { font-weight: 600; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.03em; }
.verdict.mismatch, strong.mismatch { color: var(--mismatch); } .verdict.supported, strong.supported { color: var(--supported); }
.verdict.unverified, strong.unverified { color: var(--unverified); }
.note { color: var(--muted); font-style: italic; }
.detail p { margin: 0.2rem 0; overflow-wrap: anywhere; }
blockquote { margin: 0.4rem 0; padding: 0.2rem 0.75rem; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
blockquote.disagrees { border-left-color: var(--mismatch); } blockquote.agrees { border-left-color: var(--supported); }
blockquote footer { color: var(--muted); font-size: 0.9em; }
.popup { position: absolute; z-index: 10; max-width: min(40rem, 90vw); max-height: 60vh; overflow: auto; background: var(--bg);
  border: 1px solid var(--line); border-top: 3px solid var(--muted); border-radius: 6px; padding: 0.5rem 0.75rem;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.2); }
.popup.mismatch { border-top-color: var(--mismatch); } .popup.supported { border-top-color: var(--supported); }
.popup.unverified { border-top-color: var(--unverified); }
`;

// Hover or focus shows a figure's details beside it; a click, Enter or Space pins them (again, Escape
// or a click elsewhere closes them). The details are copied from the finding's list item as DOM nodes,
// never as markup. The filter hides the unticked verdicts' highlights and findings.
export const REPORT_SCRIPT = `
(() => {
  const popup = document.getElementById('popup');
  let pinned = null;
  let shown = null;
  const figureOf = (node) => (node instanceof Element ? node.closest('mark.fig') : null);
  const toggle = (fig) => {
    pinned = pinned === fig ? null : fig;
    if (pinned) show(fig);
    else hide();
  };
  function show(fig) {
    const item = document.getElementById(fig.dataset.finding);
    const detail = item && item.querySelector('.detail');
    if (!detail) return;
    if (shown) shown.classList.remove('active');
    shown = fig;
    fig.classList.add('active');
    popup.replaceChildren(...Array.from(detail.childNodes, (n) => n.cloneNode(true)));
    popup.className = 'popup ' + (['mismatch', 'supported', 'unverified'].find((v) => fig.classList.contains(v)) || '');
    popup.hidden = false;
    popup.style.left = '0px'; // its width, measured next, shrinks to fit where it stands
    const box = fig.getBoundingClientRect();
    const left = Math.min(box.left, document.documentElement.clientWidth - popup.offsetWidth - 8);
    popup.style.left = Math.max(8, left) + window.scrollX + 'px';
    popup.style.top = box.bottom + window.scrollY + 6 + 'px';
  }
  function hide() {
    if (shown) shown.classList.remove('active');
    shown = null;
    popup.hidden = true;
  }
  document.addEventListener('mouseover', (e) => {
    const fig = figureOf(e.target);
    if (fig && !pinned) show(fig);
  });
  document.addEventListener('mouseout', (e) => {
    if (pinned || !shown) return;
    const to = e.relatedTarget;
    if (to instanceof Node && (popup.contains(to) || shown.contains(to))) return;
    if (figureOf(e.target) || popup.contains(e.target)) hide();
  });
  document.addEventListener('focusin', (e) => {
    const fig = figureOf(e.target);
    if (fig && !pinned) show(fig);
  });
  document.addEventListener('click', (e) => {
    const fig = figureOf(e.target);
    if (fig) toggle(fig);
    else if (!popup.contains(e.target)) {
      pinned = null;
      hide();
    }
  });
  document.addEventListener('keydown', (e) => {
    const fig = figureOf(e.target);
    if (fig && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      toggle(fig);
    } else if (e.key === 'Escape') {
      pinned = null;
      hide();
    }
  });
  for (const box of document.querySelectorAll('.filter input[data-verdict]'))
    box.addEventListener('change', () => {
      document.body.classList.toggle('hide-' + box.dataset.verdict, !box.checked);
      if (shown && !box.checked && shown.classList.contains(box.dataset.verdict)) {
        pinned = null;
        hide();
      }
    });
})();
`;
