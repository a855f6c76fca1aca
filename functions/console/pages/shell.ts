import { h } from "./html.ts";

export interface ShellConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  redirectUri: string;
  apiBase: string;
}

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "401", swap: false, error: true },
    { code: "[45]..", swap: true, error: true },
  ],
});

/** GET /console: the shell (no data; the sign-in starts and finishes here). */
export function shellPage(config: ShellConfig): string {
  // "<" is escaped so the JSON cannot close its script element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Matchpath console</title>
<link rel="icon" href="data:,">
<meta name="htmx-config" content='${h(HTMX_CONFIG)}'>
<link rel="stylesheet" href="${h(config.apiBase)}/console/assets/console.css">
<script src="${h(config.apiBase)}/console/assets/htmx.min.js" defer></script>
<script src="${h(config.apiBase)}/console/assets/console.js" defer></script>
<script type="application/json" id="console-config">${json}</script>
</head><body>
<header class="bar"><strong>Matchpath console</strong><a href="#/cohort">Cohort</a>
<span class="who" id="who"></span><button type="button" id="sign-out" hidden>Sign out</button></header>
<p id="status" role="status" class="status visually-hidden"></p>
<main id="main"><p>Loading…</p></main>
</body></html>`;
}
