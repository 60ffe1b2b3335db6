/** HTML of the consent and error pages: plain, Exact-like, no external resources, usable by keyboard. */
import type { SimDivision, SimUser } from "../data/types";
import { escapeXml as escape } from "../odata/format";

const STYLE = `
body{margin:0;font-family:"Segoe UI",Arial,sans-serif;color:#1b1b1b;background:#f3f4f6}
header{background:#b80017;color:#fff;padding:12px 24px;font-weight:600;font-size:18px}
header small{font-weight:400;margin-left:8px}
*,*::before,*::after{box-sizing:border-box}
main{max-width:760px;margin:24px auto;background:#fff;border:1px solid #d6d8dc;border-radius:4px;padding:24px 32px}
h1{font-size:22px;margin:0 0 16px;overflow-wrap:anywhere}
label{cursor:pointer}
fieldset{border:1px solid #d6d8dc;border-radius:4px;margin:16px 0;padding:8px 16px;min-width:0}
legend{font-weight:600;padding:0 4px}
.division{display:block;padding:4px 0;overflow-wrap:anywhere}
.reason{display:block;margin-left:24px;color:#4a4d52;font-size:13px}
.code{color:#5c5f66;font-size:13px;margin-left:6px}
.tag{font-size:12px;background:#eef0f3;border-radius:3px;padding:1px 6px;margin-left:6px}
.user{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:8px}
select{flex:1 1 12em;min-width:0;max-width:100%}
select,button{font:inherit;padding:6px 12px}
button{border:1px solid #8a8d93;background:#fff;border-radius:3px;cursor:pointer}
button.primary{background:#b80017;border-color:#b80017;color:#fff}
button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #0b63c5;outline-offset:2px}
/* Approve and Deny stay in view however long the company list is (Office opens this at ~480x640); the
   scroll padding (more than the bar's height) keeps a company brought into view from ending under it. */
html{scroll-padding-bottom:72px}
/* A focused box brings the lines under it (a company's "not ticked" reason) into view with it. */
.division input{scroll-margin-bottom:4.5em}
.actions{display:flex;gap:12px;position:sticky;bottom:0;background:#fff;padding:12px 0;border-top:1px solid #d6d8dc}
@media (max-width:600px){header{padding:10px 16px}main{margin:0;border:0;border-radius:0;padding:12px 16px}h1{font-size:18px}}
.error{color:#a4000f;font-weight:600}
p.note{color:#4a4d52}
`;

function page(title: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>` +
    `<style>${STYLE}</style></head><body><header>Exact Online<small>simulator</small></header>` +
    `<main>${body}</main></body></html>`
  );
}

export function errorPage(message: string): string {
  return page(
    "Exact Online - error",
    `<h1>This app cannot sign you in</h1><p class="error" role="alert">${escape(message)}</p>` +
      `<p class="note">Nothing was shared with the app. Check the app's client ID and redirect URI in the App Center.</p>`,
  );
}

export interface ConsentView {
  appName: string;
  /** The authorize request's parameters, carried through both forms. */
  params: Record<string, string>;
  users: SimUser[];
  user: SimUser;
  divisions: SimDivision[];
  checked: ReadonlySet<number>;
  /** The company left unticked on purpose (data set edge case); the page says why. */
  notGranted?: number;
  error?: string;
}

function hidden(params: Record<string, string>, skip: string[] = []): string {
  return Object.entries(params)
    .filter(([name]) => !skip.includes(name))
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");
}

function divisionTags(division: SimDivision): string {
  const tags: string[] = [];
  if (division.status === 2) tags.push("archived");
  if (division.status === 0) tags.push("inactive");
  if (division.blockingStatus !== 0) tags.push("blocked");
  return tags.map((tag) => `<span class="tag">${tag}</span>`).join("");
}

export function consentPage(view: ConsentView): string {
  const options = view.users
    .map(
      (user) =>
        `<option value="${escape(user.userId)}"${user.userId === view.user.userId ? " selected" : ""}>` +
        `${escape(user.fullName)} (${escape(user.userName)})</option>`,
    )
    .join("");
  const boxes = view.divisions
    .map(
      (division) =>
        `<label class="division"><input type="checkbox" name="division" value="${division.code}"` +
        `${view.checked.has(division.code) ? " checked" : ""}> ${escape(division.description)}` +
        `<span class="code">${division.code}</span>${divisionTags(division)}` +
        (division.code === view.notGranted && !view.checked.has(division.code)
          ? `<span class="reason">Not ticked on purpose: the demo's example of a company the app may not use ` +
            `(its formulas answer "No access"). Tick it to allow it.</span>`
          : "") +
        `</label>`,
    )
    .join("");
  const error = view.error ? `<p class="error" role="alert">${escape(view.error)}</p>` : "";
  return page(
    `Exact Online - allow ${view.appName}`,
    `<h1>Allow &ldquo;${escape(view.appName)}&rdquo; to use your Exact Online data?</h1>` +
      `<form class="user" method="get" action="/api/oauth2/auth">${hidden(view.params, ["user"])}` +
      `<label for="user">Signed in as</label><select id="user" name="user">${options}</select>` +
      `<button type="submit">Switch user</button></form>${error}` +
      `<form method="post" action="/api/oauth2/auth">${hidden(view.params, ["user"])}` +
      `<input type="hidden" name="user" value="${escape(view.user.userId)}">` +
      `<fieldset><legend>Companies the app may use</legend>${boxes}</fieldset>` +
      `<p class="note">The app can read and change data of the selected companies on behalf of ` +
      `${escape(view.user.fullName)}. You can withdraw this later in the App Center.</p>` +
      `<div class="actions"><button class="primary" type="submit" name="decision" value="approve">Approve</button>` +
      `<button type="submit" name="decision" value="deny">Deny</button></div></form>`,
  );
}
