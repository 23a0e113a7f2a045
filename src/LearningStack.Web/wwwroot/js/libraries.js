// Front-end libraries (copied from npm into wwwroot/lib by the build, ADR 5), loaded only on the pages that need them.

// The app's import map (Blazor's <ImportMap />) maps lib/ files to their fingerprinted, long-cached URLs;
// import.meta.resolve applies it. Without one (or in an older browser) the plain URL is used.
function libraryUrl(path) {
  const relative = `../lib/${path}`;
  try {
    if (typeof import.meta.resolve === "function") return import.meta.resolve(relative);
  } catch { /* not mapped: fall through */ }
  return new URL(relative, import.meta.url).href;
}

const loading = new Map();

/** Loads classic scripts under lib/ once, downloading in parallel but running in the given order (each UMD bundle may
 *  look for the one before it). Resolves when all have run; a failure can be retried by calling again. */
export function loadLibraries(...paths) {
  const key = paths.join("|");
  if (!loading.has(key)) {
    loading.set(key, Promise.all(paths.map((path) => new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = libraryUrl(path);
      script.async = false;
      script.onload = resolve;
      script.onerror = () => { script.remove(); reject(new Error(`Could not load ${path}`)); };
      document.head.appendChild(script);
    }))).catch((error) => { loading.delete(key); throw error; }));
  }
  return loading.get(key);
}
