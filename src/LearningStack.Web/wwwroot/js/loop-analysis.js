// While a loop analysis runs in the background, shows how many loops have been found and reloads the page when it ends.
// Without JavaScript the page offers a "Check again" link instead.
const timers = new Map();

function watch() {
  document.querySelectorAll('[data-loop-analysis][data-state="Running"]').forEach((box) => {
    const id = box.getAttribute("data-loop-analysis");
    if (timers.has(id)) return;
    const found = box.querySelector("[data-loop-found]");
    const tick = async () => {
      if (!document.body.contains(box)) { timers.delete(id); return; }
      try {
        const response = await fetch(`/api/ui/loop-analyses/${encodeURIComponent(id)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (response.ok) {
          const analysis = await response.json();
          if (found) found.textContent = Number(analysis.found).toLocaleString();
          if (analysis.state !== "Running") {
            timers.delete(id);
            location.replace(location.href);
            return;
          }
        }
      } catch { /* try again on the next tick */ }
      timers.set(id, setTimeout(tick, 700));
    };
    timers.set(id, setTimeout(tick, 300));
  });
}

if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", watch);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", watch));
watch();
