// Step of the post-build hook (post-build.mjs): puts the SHA-256 of each inline <script> that trunk wrote into
// index.html (its wasm loader) into the Content-Security-Policy meta tag, in place of the
// __INLINE_SCRIPT_HASHES__ placeholder. Without it the policy would have to allow every inline
// script ('unsafe-inline').
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

export function run(dir) {
  const path = join(dir, "index.html");
  const html = readFileSync(path, "utf8");
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  if (!html.includes("__INLINE_SCRIPT_HASHES__")) {
    throw new Error("csp.mjs: index.html has no __INLINE_SCRIPT_HASHES__ placeholder in its CSP");
  }
  writeFileSync(path, html.replace("__INLINE_SCRIPT_HASHES__", hashes.join(" ")));
  console.log(`csp.mjs: ${hashes.length} inline script hash(es) added to the Content-Security-Policy`);
}
