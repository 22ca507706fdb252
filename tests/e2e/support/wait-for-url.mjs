// `node tests/e2e/support/wait-for-url.mjs <url> [timeoutSeconds]`: waits until <url> answers 2xx.
// The LLM-mode app starts only once the first app has built .next, so two builds never race.
const [url, seconds = "300"] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
for (;;) {
  try {
    const response = await fetch(url);
    if (response.ok) process.exit(0);
  } catch {
    // Not up yet.
  }
  if (Date.now() > deadline) {
    process.stderr.write(`${url} did not answer within ${seconds} s\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
