// The Patterns page of a cycle: one Chart.js chart per card (the table beside each has the same numbers) and the
// community map drawn read-only with Cytoscape.js. Bars that stand for records the viewer may see link to them.
import { loadLibraries } from "./libraries.js";

const PALETTE = ["#2f5d8a", "#7a5195", "#3f7f5f", "#b5651d", "#5b6770", "#1f7a8c"];

async function drawCharts() {
  // Drawn afresh on every load: after enhanced navigation a surviving canvas can keep a chart that lost its size.
  const canvases = [...document.querySelectorAll("canvas[data-patterns-chart]")];
  if (canvases.length === 0) return;
  let Chart;
  try {
    if (!window.Chart) await loadLibraries("chart.js/chart.umd.min.js");
    Chart = window.Chart;
  } catch { return; } // the tables still have every number
  for (const canvas of canvases) {
    canvas.patternsChart?.destroy();
    const spec = JSON.parse(canvas.getAttribute("data-patterns-chart"));
    const datasets = spec.series.map((s, i) => ({
      label: s.label,
      data: s.data,
      backgroundColor: PALETTE[i % PALETTE.length],
      borderColor: PALETTE[i % PALETTE.length],
    }));
    canvas.patternsChart = new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: spec.horizontal ? "y" : "x",
        plugins: { legend: { display: datasets.length > 1 } },
        scales: spec.type === "bubble"
          ? { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: spec.xTitle } }, y: { min: 0, max: 6, title: { display: true, text: spec.yTitle } } }
          : { x: { stacked: !!spec.stacked, beginAtZero: true }, y: { stacked: !!spec.stacked, beginAtZero: true } },
        onClick: (_, elements) => {
          if (!spec.links || elements.length === 0) return;
          const url = spec.links[elements[0].index];
          if (url) window.location.assign(url);
        },
      },
    });
  }
}

async function drawMaps() {
  const boxes = [...document.querySelectorAll("[data-patterns-map]")].filter((b) => !b.patternsMap);
  if (boxes.length === 0) return;
  try {
    if (!window.cytoscape) await loadLibraries("cytoscape/cytoscape.min.js");
  } catch { return; }
  for (const box of boxes) {
    const map = JSON.parse(box.getAttribute("data-patterns-map"));
    const most = Math.max(1, ...map.factors.map((f) => f.cases));
    box.patternsMap = window.cytoscape({
      container: box,
      elements: [
        ...map.factors.map((f) => ({ data: { id: f.theme, label: `${f.theme} (${f.cases})`, size: 30 + 50 * f.cases / most } })),
        ...map.links.map((l, i) => ({ data: { id: `l${i}`, source: l.from, target: l.to, width: 1 + 6 * l.cases / most, sign: l.polarity === "Same" ? "+" : l.polarity === "Opposite" ? "−" : "?" } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#dbe7f3", "border-color": "#2f5d8a", "border-width": 2, "text-valign": "center", "font-size": 12, color: "#1b1b1b" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#5b6770", "target-arrow-color": "#5b6770", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(sign)", "font-size": 14, "text-background-color": "#fff", "text-background-opacity": 1 } },
      ],
      layout: { name: "circle", padding: 30 },
      autoungrabify: true,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
    });
  }
}

function initAll() {
  drawCharts();
  drawMaps();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", initAll);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", initAll));
