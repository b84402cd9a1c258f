// The deck's CSS against the oldest target engines (DESIGN §4: Chromium 80, Firefox ESR 78),
// with caniuse data through doiuse. Usage: node check.mjs FILE.css...
// Prints one line per problem and exits 1 if there is any. Partial support counts as a
// problem unless the feature is listed below with the reason it does not touch the deck.
import { readFileSync } from "node:fs";
import postcss from "postcss";
import doiuse from "doiuse";

const BROWSERS = "chrome 80, firefox 78";
// caniuse "partial" notes that are about parts of a feature the deck does not use.
const PARTIAL_OK = {
  "css-overflow": "partial = no `overflow: clip` / two-value syntax; we use hidden and auto",
  "css-text-indent": "partial = no `hanging` / `each-line`; we use a plain length",
  "multicolumn": "partial = column breaks; the deck has no columns, break-* are page breaks",
  "css-page-break": "partial = `avoid` on page-break-before/after; only a nicety in the reading script",
};

let problems = 0;
for (const file of process.argv.slice(2)) {
  const found = [];
  const plugin = doiuse({
    browsers: BROWSERS,
    onFeatureUsage: (u) => {
      if (!u.featureData.missing && PARTIAL_OK[u.feature]) return;
      found.push(u.message);
    },
  });
  await postcss([plugin]).process(readFileSync(file, "utf8"), { from: file });
  for (const m of found) console.log(m);
  problems += found.length;
}
console.log(`doiuse (${BROWSERS}): ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
