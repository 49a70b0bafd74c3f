// Loaded by .mocharc.e2e.json before the e2e specs. The plain `npm test` (.mocharc.json,
// out/test/**/*.test.js) also matches the *.e2e.test.js files; they register their suites only
// when this module was loaded first, so the unit run neither starts code-server nor counts them.
process.env.GO_TRACE_E2E = '1';
