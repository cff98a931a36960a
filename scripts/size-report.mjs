// Prints the release bundle's sizes: raw, gzip and brotli, per file and in total, against the
// budget in size-budget.json; exits 1 when the first load is above its ceiling.
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
console.log(`${"file".padEnd(48)}     raw KB  gzip KB  brotli KB`);
for (const path of files.sort()) {
  if (![".wasm", ".js", ".css", ".html", ".json"].includes(extname(path))) continue;
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  total.raw += bytes.length;
  total.gzip += gzip;
  total.brotli += brotli;
  console.log(`${path.padEnd(48)} ${kb(bytes.length)} ${kb(gzip)} ${kb(brotli)}`);
}
console.log(`${"total (first page load)".padEnd(48)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
// What a server that compresses nothing sends: every file as it is, the wasm as its gzip copy
// (`.wz`, which the loader fetches instead: scripts/wasm-loader.mjs).
let plain = 0;
for (const path of files) {
  const ext = extname(path);
  if ([".js", ".css", ".html", ".json", ".wz"].includes(ext)) plain += statSync(path).size;
}
console.log(`${"sent by a server that compresses nothing".padEnd(48)} ${kb(plain)}   (the wasm as its .wz gzip copy)`);
let wasmRaw = 0;
for (const path of files) if (extname(path) === ".wasm") wasmRaw += statSync(path).size;
const figures = [
  ["first load, brotli", total.brotli / 1024, "brotli_total_kb"],
  ["wasm, raw", wasmRaw / 1024, "wasm_raw_kb"],
];
let over = false;
for (const [what, value, key] of figures) {
  const ceiling = budget.ceiling[key];
  const target = budget.target[key];
  const status = value > ceiling ? "OVER the ceiling" : value > target ? "within the ceiling, above the target" : "within the target";
  over ||= value > ceiling;
  console.log(`${what}: ${value.toFixed(1)} KB — ceiling ${ceiling} KB, target ${target} KB: ${status}`);
}
if (over) {
  console.error("The bundle grew above its ceiling (size-budget.json): make it smaller, or raise the ceiling with a reason.");
  process.exit(1);
}
