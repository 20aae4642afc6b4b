// The runner of the Node test files: tests named as sentences, run in order; a failure prints the first
// lines of its stack and the others still run. Resolves to the number of failures.
export async function runTests(tests, label) {
  let failed = 0;
  for (const { name, body } of tests) {
    try {
      await body();
      console.log('  ✓ ' + name);
    } catch (error) {
      failed++;
      console.log('  ✗ ' + name + '\n    ' + String(error.stack || error).split('\n').slice(0, 6).join('\n    '));
    }
  }
  console.log(`${tests.length - failed} of ${tests.length} ${label} passed`);
  return failed;
}
