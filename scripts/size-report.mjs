// Prints the release bundle's sizes: raw, gzip and brotli, per file and in total.
// Usage: node scripts/size-report.mjs dist [--budget-kb 160]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budgetIndex = process.argv.indexOf("--budget-kb");
const budgetKb = budgetIndex > 0 ? Number(process.argv[budgetIndex + 1]) : 160;

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
const verdict = total.brotli / 1024 <= budgetKb ? "within" : "OVER";
console.log(`brotli total ${(total.brotli / 1024).toFixed(1)} KB: ${verdict} the ${budgetKb} KB target`);
