// The console shell: signs in with the authorization-code flow and PKCE (a public client, as with
// the Cognito app client), keeps the ID token in this tab's sessionStorage, sends it as a bearer
// token on every htmx request, and routes #/paths to the server-rendered console fragments.
(() => {
  const config = JSON.parse(document.getElementById("console-config").textContent);
  const main = document.getElementById("main");
  const TOKEN = "matchpath.console.token";
  const VERIFIER = "matchpath.console.verifier";
  const STATE = "matchpath.console.state";
  // The page asked for before sign-in (an escalation email's link, a reload after expiry): the
  // sign-in round trip leaves this tab and comes back to the redirect URI, so it waits here.
  const RETURN_TO = "matchpath.console.returnTo";
  const status = document.getElementById("status");
  const isRoute = (hash) => typeof hash === "string" && /^#\/[A-Za-z0-9_\-/?=&%.+]*$/.test(hash);

  const b64url = (bytes) =>
    btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));

  function token() {
    const value = sessionStorage.getItem(TOKEN);
    if (!value) return undefined;
    try {
      const claims = JSON.parse(atob(value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      if (claims.exp * 1000 < Date.now() + 30_000) return undefined;
      document.getElementById("who").textContent =
        `${claims.email}${(claims["cognito:groups"] || []).includes("admin") ? " (admin)" : ""}`;
      // Shown only to someone signed in: before sign-in there is nothing to sign out of.
      document.getElementById("sign-out").hidden = false;
    } catch {
      return undefined;
    }
    return value;
  }

  async function signIn() {
    const verifier = random();
    const state = random();
    sessionStorage.setItem(VERIFIER, verifier);
    sessionStorage.setItem(STATE, state);
    if (isRoute(window.location.hash)) sessionStorage.setItem(RETURN_TO, window.location.hash);
    const challenge = b64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
    const url = new URL(config.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
      scope: "openid email",
      state,
      code_challenge: challenge,
      code_challenge_method: "S256",
    }).toString();
    window.location.assign(url.toString());
  }

  async function finishSignIn(params) {
    const expected = sessionStorage.getItem(STATE);
    sessionStorage.removeItem(STATE);
    if (!expected || params.get("state") !== expected) throw new Error("sign-in state mismatch");
    const response = await fetch(config.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: params.get("code"),
        redirect_uri: config.redirectUri,
        client_id: config.clientId,
        code_verifier: sessionStorage.getItem(VERIFIER) || "",
      }),
    });
    sessionStorage.removeItem(VERIFIER);
    if (!response.ok) throw new Error(`token exchange failed (${response.status})`);
    const body = await response.json();
    sessionStorage.setItem(TOKEN, body.id_token);
    const returnTo = sessionStorage.getItem(RETURN_TO);
    sessionStorage.removeItem(RETURN_TO);
    history.replaceState(null, "", `${config.redirectUri}${isRoute(returnTo) ? returnTo : "#/cohort"}`);
  }

  /** Drops htmx's record of the page address when it still holds a sign-in code. */
  function forgetSignInAddress() {
    const key = "htmx-current-path-for-history";
    if ((sessionStorage.getItem(key) || "").includes("code=")) sessionStorage.removeItem(key);
  }

  function showSignIn(message) {
    sessionStorage.removeItem(TOKEN);
    document.getElementById("who").textContent = "";
    document.getElementById("sign-out").hidden = true;
    main.innerHTML = `<div class="signin"><h1 tabindex="-1">Matchpath console</h1><p>${message}</p><button type="button" id="sign-in">Sign in</button></div>`;
    document.getElementById("sign-in").addEventListener("click", () => void signIn());
    announce(main.querySelector("h1"), message);
  }

  /** Moves keyboard focus to the new content's heading and says in the status region what came. */
  function announce(heading, text) {
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    status.classList.add("visually-hidden");
    status.textContent = text || (heading ? heading.textContent : "");
  }

  function route() {
    if (!token()) return showSignIn("Sign in to see your applicants.");
    const path = window.location.hash.replace(/^#/, "") || "/cohort";
    htmx.ajax("GET", `${config.apiBase}/console${path}`, { target: "#main", swap: "innerHTML" });
  }

  const expired = () => showSignIn("Your sign-in has expired. Sign in again.");

  document.body.addEventListener("htmx:configRequest", (event) => {
    const value = token();
    // An expired token is caught here rather than sent (the server would answer 401 anyway).
    if (!value) {
      event.preventDefault();
      expired();
      return;
    }
    event.detail.headers.Authorization = `Bearer ${value}`;
  });
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (target === main) {
      const heading = main.querySelector("h1");
      if (heading) document.title = `${heading.textContent} · Matchpath console`;
      // The address follows what is shown (after an action too), so reload and Back agree with it.
      const shown = event.detail.xhr.getResponseHeader("x-console-route");
      if (isRoute(`#${shown}`) && window.location.hash !== `#${shown}`)
        history.replaceState(null, "", `#${shown}`);
      showFieldsOfKind(main);
      announce(heading);
    } else announce(target.querySelector("h2, h1"));
  });

  // The what-if form shows only the fields of the chosen kind of change. Without this script all
  // fields show and the server reads only the chosen kind's (progressive enhancement).
  function showFieldsOfKind(root) {
    const kind = root.querySelector("#f-kind");
    if (!kind) return;
    const update = () => {
      for (const field of root.querySelectorAll("[data-kind]"))
        field.hidden = field.dataset.kind !== kind.value;
    };
    kind.addEventListener("change", update);
    update();
    // Choosing an interview to move fills in its program, local start, zone and format, so a move
    // changes only what the advisor changes (tester s12 issue 15f B6); "a new interview" empties them.
    const moved = root.querySelector("#f-interviewId");
    moved?.addEventListener("change", () => {
      const data = moved.selectedOptions[0]?.dataset ?? {};
      const set = (id, value) => {
        const field = root.querySelector(id);
        if (field) field.value = value ?? "";
      };
      set("#f-program", data.program);
      set("#f-startsAt", data.startsAt);
      set("#f-timezone", data.timezone);
      set("#f-format", data.format);
    });
    // "waived" only for a step an applicant may skip (data-waivable, the catalog's); the save refuses the rest.
    const key = root.querySelector("#f-key");
    const status = root.querySelector("#f-status");
    const waived = status?.querySelector("option[data-only-waivable]");
    if (!key || !status || !waived) return;
    const done = status.querySelector('option[value="done"]');
    const offerWaived = () => {
      const chosen = key.selectedOptions[0];
      const waivable = chosen?.hasAttribute("data-waivable") === true;
      waived.disabled = !waivable;
      if (!waivable && status.value === "waived") status.value = "done";
      // Done in the chosen step's words: "done (SOAP: offer accepted)" on SOAP only (data-done).
      if (done) done.textContent = chosen?.dataset.done ?? "done";
    };
    key.addEventListener("change", offerWaived);
    offerWaived();
  }

  // The erase form: the name is checked before the last dialog (the server checks it again).
  const normalizeName = (name) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-US");
  document.body.addEventListener("htmx:confirm", (event) => {
    const form = event.target.closest ? event.target.closest("form[data-expect-name]") : null;
    if (!form) return;
    const typed = form.querySelector('[name="fullName"]').value;
    if (normalizeName(typed) === form.dataset.expectName) return;
    event.preventDefault();
    const result = document.getElementById("erase-result");
    result.innerHTML = '<p role="alert" class="critical"></p>';
    result.firstChild.textContent = "The name does not match. Type the applicant's full name as shown above.";
    form.querySelector('[name="fullName"]').focus();
  });
  document.body.addEventListener("htmx:responseError", (event) => {
    if (event.detail.xhr.status === 401) expired();
  });
  document.body.addEventListener("click", (event) => {
    // A link to the address already shown fires no hashchange: load it again all the same.
    const same = event.target.closest('a[href^="#/"]');
    if (same && same.getAttribute("href") === window.location.hash) {
      event.preventDefault();
      route();
    }
  });
  document.body.addEventListener("click", async (event) => {
    const link = event.target.closest("a[data-download]");
    if (!link) return;
    event.preventDefault();
    const value = token();
    if (!value) return expired();
    const response = await fetch(link.getAttribute("href"), {
      headers: { Authorization: `Bearer ${value}` },
    });
    if (response.status === 401) return expired();
    if (!response.ok) {
      status.classList.remove("visually-hidden");
      status.textContent = `The export failed (HTTP ${response.status}). Try again.`;
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const anchor = Object.assign(document.createElement("a"), { href: url, download: link.dataset.download });
    anchor.click();
    URL.revokeObjectURL(url);
  });
  document.getElementById("sign-out").addEventListener("click", () => {
    forgetSignInAddress();
    showSignIn("Signed out.");
  });
  window.addEventListener("hashchange", route);

  const params = new URLSearchParams(window.location.search);
  if (params.has("code")) {
    // The used code and state leave the address at once, before htmx records the page for its
    // history in sessionStorage (tester s7, issue 15 C11); finishSignIn sets the final address.
    history.replaceState(null, "", `${config.redirectUri}${window.location.hash}`);
    forgetSignInAddress();
    finishSignIn(params).then(route, (error) => showSignIn(`Sign-in failed: ${error.message}`));
  } else route();
})();
