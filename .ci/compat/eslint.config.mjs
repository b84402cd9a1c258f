// The deck's JavaScript against the oldest target engines (DESIGN §4: Chromium 80, Firefox
// ESR 78): every browser and built-in API it calls must be there, from MDN's compatibility
// data through eslint-plugin-compat (es-check checks the syntax). Used by tests/compat.rs as
// `eslint --config THIS FILE.js…`, run from the folder holding the files.
import compat from "eslint-plugin-compat";

export default [
  {
    files: ["**/*.js"],
    plugins: { compat },
    languageOptions: { ecmaVersion: 2017, sourceType: "script" },
    settings: { browsers: ["chrome 80", "firefox 78"], lintAllEsApis: true },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: { "compat/compat": "error" },
  },
];
