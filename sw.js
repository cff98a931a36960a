// 职称申报演练 offline support. After one visit the app opens with the network off.
// index.html is fetched network-first (so a new release is picked up on the next visit) and
// every other file of the app cache-first: trunk gives them content-hashed names, so a cached
// file never goes stale. Drafts live in localStorage and IndexedDB and are never touched here.
const CACHE = "zhicheng-yanlian-v3";
// The association's rules file: not content-hashed, so fetched network-first like the page and
// kept for offline use (src/ui/rules_loader.rs reads it at start).
const RULES = "rules/wenzhou-jidian.json";
// The files index.html refers to, in attributes or in its loader: trunk writes them as
// ./name-<hash>.ext (.wz: the gzip copy of the wasm for servers that do not compress it). The
// program's second part, which only its loader fetches, is named in index.html's app-parts list.
const ASSET = /["'](?:\.\/)?([^"'?#/\s]+\.(?:js|wasm|wz|css|svg|png))["']/g;

// Stores a release: its index.html and every file it refers to. The first visit's files were
// loaded before this worker existed, so without this the app would only work offline after a
// second visit. Files of older releases are dropped.
async function storeRelease(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = [...new Set([...html.matchAll(ASSET)].map((match) => match[1]))];
  await Promise.all(assets.map((asset) => cache.match(asset).then((hit) => hit || cache.add(asset))));
  await cache.put("./", response);
  // The rules file is stored as the site has it now (a missing one is simply not stored).
  await fetch(RULES, { cache: "no-cache" })
    .then((rules) => (rules.ok ? cache.put(RULES, rules) : undefined))
    .catch(() => {});
  const wanted = new Set(assets.map((asset) => new URL(asset, self.registration.scope).href));
  wanted.add(new URL("./", self.registration.scope).href);
  wanted.add(new URL(RULES, self.registration.scope).href);
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch("./", { cache: "no-cache" })
      .then((response) => {
        if (!response.ok) throw new Error(`index.html: ${response.status}`);
        return storeRelease(response);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.href === new URL(RULES, self.registration.scope).href) {
    // Network first: an edited rules file reaches users on their next online visit.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(RULES, copy)));
          }
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match(RULES)).then((hit) => hit || Response.error())),
    );
    return;
  }
  const isPage = request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");
  if (isPage) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) event.waitUntil(storeRelease(response.clone()).catch(() => {}));
          return response;
        })
        .catch(() => caches.match("./")),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
