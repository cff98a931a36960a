// trunk's one post_build hook. trunk starts the hooks of a stage at the same time, and these
// steps each rewrite index.html, so they run here one after the other: minify the JS glue (its
// integrity), write the wasm's gzip copy and its loader, then hash the inline loader into the CSP.
import { execFileSync } from "node:child_process";

for (const step of ["minify-js.mjs", "wasm-loader.mjs", "csp.mjs"]) {
  execFileSync(process.execPath, [new URL(step, import.meta.url).pathname], { stdio: "inherit" });
}
