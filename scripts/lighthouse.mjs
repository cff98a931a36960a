// Lighthouse (mobile settings) on the release build in dist/, served on 127.0.0.1 at a sub-path
// by the tests' static server, with Debian's chromium, twice: with brotli (as a well-set server
// sends it) and plain (every file as it is, as many static servers send .wasm). Prints the three
// scores and the time to interactive of each; fails when the brotli run scores below 95.
// Usage: make lighthouse
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { startStaticServer, CHROMIUM_ARGS, DIST } from "../tests/browser/support.mjs";

async function run(compress) {
  const server = await startStaticServer(0, undefined, { compress });
  // Each file asked for once first: the test server compresses on the first request (brotli at
  // its highest quality takes seconds here), where a real server sends files compressed ahead.
  for (const name of readdirSync(DIST, { recursive: true })) {
    await fetch(server.url + name, { headers: { "accept-encoding": "br" } }).then((r) => r.arrayBuffer());
  }
  const report = `/tmp/zhicheng-lighthouse-${compress ? "brotli" : "plain"}.json`;
  // Not spawnSync: the server answering Lighthouse runs in this very process.
  const child = spawn(
    "node_modules/.bin/lighthouse",
    [
      server.url,
      "--quiet",
      "--form-factor=mobile",
      "--only-categories=performance,accessibility,best-practices",
      `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
      "--output=json",
      `--output-path=${report}`,
    ],
    { stdio: "inherit", env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } },
  );
  const status = await new Promise((resolve) => child.on("exit", resolve));
  await server.close();
  if (status !== 0) process.exit(status ?? 1);
  const result = JSON.parse(readFileSync(report, "utf8"));
  const how = compress ? "brotli" : "plain ";
  const scores = {};
  for (const [id, category] of Object.entries(result.categories)) {
    scores[id] = Math.round(category.score * 100);
    console.log(`lighthouse (${how}) ${id}: ${scores[id]}`);
  }
  const audits = result.audits;
  for (const id of ["interactive", "largest-contentful-paint", "total-byte-weight"]) {
    if (audits[id]) console.log(`lighthouse (${how}) ${id}: ${audits[id].displayValue}`);
  }
  return scores;
}

const brotli = await run(true);
await run(false);
process.exit(Object.values(brotli).some((score) => score < 95) ? 1 : 0);
