// Renders a job summary (GitHub-flavoured markdown) to HTML as GitHub would, for the summary
// structure test and the README screenshots (scripts/render-summary-screenshots.mjs).
// micromark with its GFM extension follows the CommonMark and GFM specs that GitHub's
// cmark-gfm implements: consecutive lines join into one paragraph, <details> is an HTML block,
// tables are GFM tables, and GFM's tag filter disarms <script>, <style>, <iframe> and the like.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** GitHub-flavoured markdown to HTML; raw HTML (<details>, <summary>) passes, as on GitHub. */
export function renderGfm(markdown) {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** A simple GitHub-like stylesheet: the job summary panel, its tables, code and <details>. */
const STYLE = `
body { margin: 0; background: #f6f8fa; color: #1f2328; font-size: 14px; line-height: 1.5;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, "DejaVu Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
.panel { margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.panel-head { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
.markdown-body { padding: 16px 24px 8px; }
.markdown-body > :first-child { margin-top: 0; }
h1, h2, h3 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
h3 { font-size: 1.25em; }
p, ul, ol, table, pre, blockquote, details { margin: 0 0 16px; }
ul { padding-left: 2em; }
li + li { margin-top: .25em; }
table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
tr:nth-child(2n) { background: #f6f8fa; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
code { padding: .2em .4em; font-size: 85%; background: #818b981f; border-radius: 6px; }
pre { padding: 16px; font-size: 85%; line-height: 1.45; background: #f6f8fa; border-radius: 6px; overflow: auto; }
pre code { padding: 0; font-size: 100%; background: transparent; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
summary { cursor: pointer; display: list-item; }
details > summary { margin-bottom: 8px; }
a { color: #0969da; text-decoration: none; }
`;

/** A whole page: the rendered summary in a panel like the one a workflow run shows. */
export function summaryPage(title, bodyHtml, extraHead = '') {
  const escapedTitle = title.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapedTitle}</title>
<style>${STYLE}</style>
${extraHead}
</head>
<body>
<div class="panel">
<div class="panel-head">${escapedTitle}</div>
<div class="markdown-body">
${bodyHtml}
</div>
</div>
</body>
</html>
`;
}
