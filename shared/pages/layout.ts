import { createHash } from "node:crypto";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { escapeHtml } from "#email/html.ts";

/**
 * The shell of every page an applicant opens from an email (timeline, actions, preferences,
 * refusals): semantic HTML that reads on a phone, colours with WCAG AA contrast, and headers that
 * keep the token in the URL private: no referrer leaves the page, nothing is cached or indexed, no
 * script runs, and the page cannot be framed. The one stylesheet is allowed by its hash.
 */
const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4a5360;--line:#d0d7de;--accent:#0b57a4;--warn:#8a4b00;--bad:#a4161a;--ok:#1a6b32;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
.brand{font-weight:700;color:var(--accent);text-decoration:none}
h1{font-size:1.5rem;line-height:1.25;margin:.75rem 0}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem;padding-top:.75rem;border-top:1px solid var(--line)}
h3{font-size:1rem;margin:0 0 .25rem}
ul.steps{list-style:none;margin:0;padding:0}
ul.steps>li{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;margin:.75rem 0;background:#fff}
.due{color:var(--muted);margin:.25rem 0}
.tag{display:inline-block;font-size:.8rem;font-weight:600;border-radius:1rem;padding:0 .5rem;border:1px solid currentColor}
.urgent,.overdue{color:var(--bad)}.soon{color:var(--warn)}.later{color:var(--muted)}.projected{color:var(--warn)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
a.button,button{display:inline-block;font:inherit;font-weight:600;padding:.5rem .9rem;border-radius:.375rem;border:2px solid var(--accent);text-decoration:none;cursor:pointer;min-height:44px}
a.button.primary,button.primary{background:var(--accent);color:#fff}
a.button.secondary,button.secondary{background:#fff;color:var(--accent)}
a{color:var(--accent)}
.note{background:var(--bg);border-left:4px solid var(--accent);padding:.5rem .75rem}
main{overflow-wrap:anywhere}
.critical{border-left-color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border:2px solid var(--bad)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .25rem;border-bottom:1px solid var(--line)}td.amount,th.amount{text-align:right}th,td.amount,td.status{overflow-wrap:normal}tr.noted td{border-bottom:0;padding-bottom:0}td.item{overflow-wrap:break-word}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
label.inline{display:inline;font-weight:400}
input[type=radio],input[type=checkbox]{min-height:0;width:1.25rem;height:1.25rem;margin:.5rem .5rem .5rem 0;vertical-align:middle}
input,select{font:inherit;padding:.4rem;border:1px solid var(--muted);border-radius:.25rem;min-height:44px}
fieldset{border:1px solid var(--line);border-radius:.5rem;margin:1rem 0}
code{word-break:break-all;font-size:.875rem}
caption{text-align:left}
.button{position:relative}
.visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
footer{color:var(--muted);font-size:.875rem;padding-bottom:2rem;margin-top:2rem}
`;

const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

export const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, nofollow",
  "content-security-policy": `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
} as const;

/**
 * A full page: `main` is trusted HTML built from escaped values. The "private to you" footer only
 * where the page shows the applicant something of their own (2xx, or a form sent back with its
 * error, 400): a refusal (401, 410, …) shows nothing private, and the footer read as a contradiction
 * there.
 */
export function htmlPage(statusCode: number, title: string, main: string): APIGatewayProxyStructuredResultV2 {
  const footer =
    statusCode <= 400
      ? `
<footer><p>This page is private to you: anyone with its link can see it, so do not forward it.</p></footer>`
      : "";
  return {
    statusCode,
    headers: { ...PAGE_HEADERS },
    body: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Matchpath</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="brand">Matchpath</span></header>
<main>
${main}
</main>${footer}
</body>
</html>
`,
  };
}

export { escapeHtml };
