// trunk post_build hook: puts the SHA-256 of each inline <script> that trunk wrote into
// index.html (its wasm loader) into the Content-Security-Policy meta tag, in place of the
// __INLINE_SCRIPT_HASHES__ placeholder. Without it the policy would have to allow every inline
// script ('unsafe-inline').
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("csp.mjs: TRUNK_STAGING_DIR is not set (run it as a trunk hook or pass the folder)");
  process.exit(1);
}
const path = join(dir, "index.html");
const html = readFileSync(path, "utf8");
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
if (!html.includes("__INLINE_SCRIPT_HASHES__")) {
  console.error("csp.mjs: index.html has no __INLINE_SCRIPT_HASHES__ placeholder in its CSP");
  process.exit(1);
}
writeFileSync(path, html.replace("__INLINE_SCRIPT_HASHES__", hashes.join(" ")));
console.log(`csp.mjs: ${hashes.length} inline script hash(es) added to the Content-Security-Policy`);
