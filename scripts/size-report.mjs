// Prints the release bundle's sizes: raw, gzip and brotli, per file and in total, against the
// budget in size-budget.json; exits 1 when a figure is above its ceiling. The first load is what
// the first screen needs; the other pages' part (`…_pages.wasm`, scripts/split-wasm.mjs) is
// fetched right after it works, and is counted in the whole app.
// Usage: node scripts/size-report.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budget = JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url), "utf8"));

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dir);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let total = { raw: 0, gzip: 0, brotli: 0 };
let later = { raw: 0, gzip: 0, brotli: 0 };
// The other pages' part and its gzip copy (scripts/split-wasm.mjs): not needed by the first screen.
const isLater = (path) => /_pages\.(wasm|wz)$/.test(path);
console.log(`${"file".padEnd(48)}     raw KB  gzip KB  brotli KB`);
for (const path of files.sort()) {
  if (![".wasm", ".js", ".css", ".html", ".json"].includes(extname(path))) continue;
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const sum = isLater(path) ? later : total;
  sum.raw += bytes.length;
  sum.gzip += gzip;
  sum.brotli += brotli;
  console.log(`${path.padEnd(48)} ${kb(bytes.length)} ${kb(gzip)} ${kb(brotli)}${isLater(path) ? "   (after the first screen)" : ""}`);
}
console.log(`${"total (first page load)".padEnd(48)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
console.log(`${"the other pages, fetched right after".padEnd(48)} ${kb(later.raw)} ${kb(later.gzip)} ${kb(later.brotli)}`);
console.log(`${"whole app".padEnd(48)} ${kb(total.raw + later.raw)} ${kb(total.gzip + later.gzip)} ${kb(total.brotli + later.brotli)}`);
// What a server that compresses nothing sends: every file as it is, the wasm as its gzip copy
// (`.wz`, which the loader fetches instead: scripts/wasm-loader.mjs).
let plain = 0;
for (const path of files) {
  const ext = extname(path);
  if ([".js", ".css", ".html", ".json", ".wz"].includes(ext) && !isLater(path)) plain += statSync(path).size;
}
console.log(`${"sent by a server that compresses nothing".padEnd(48)} ${kb(plain)}   (first load; the wasm as its .wz gzip copy)`);
let wasmRaw = 0;
for (const path of files) if (extname(path) === ".wasm" && !isLater(path)) wasmRaw += statSync(path).size;
const figures = [
  ["first load, brotli", total.brotli / 1024, "brotli_total_kb"],
  ["first load's wasm, raw", wasmRaw / 1024, "wasm_raw_kb"],
  ["whole app, brotli", (total.brotli + later.brotli) / 1024, "whole_app_brotli_kb"],
];
let over = false;
for (const [what, value, key] of figures) {
  const ceiling = budget.ceiling[key];
  const target = budget.target[key];
  if (ceiling === undefined || target === undefined) {
    console.error(`size-budget.json has no ceiling or target for ${key}`);
    process.exit(1);
  }
  const status = value > ceiling ? "OVER the ceiling" : value > target ? "within the ceiling, above the target" : "within the target";
  over ||= value > ceiling;
  console.log(`${what}: ${value.toFixed(1)} KB — ceiling ${ceiling} KB, target ${target} KB: ${status}`);
}
if (over) {
  console.error("The bundle grew above its ceiling (size-budget.json): make it smaller, or raise the ceiling with a reason.");
  process.exit(1);
}
