// A light lint of our own scripts (docs/assets/javascripts): likely bugs only, no style rules.
// They run as plain browser scripts, without a bundler: each file is one IIFE.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    // `catch (e)` where the error is deliberately dropped (storage that throws) is fine.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
];
