// The spend log's team view: spend by need per month as a stacked bar chart (Chart.js, loaded only on pages with the chart).
// The table under each chart holds the same figures, so nothing is lost if the library fails to load.
import { loadLibraries } from "./libraries.js";

// Categorical colours that say nothing good or bad (no red, amber or green), dark enough to tell apart on white.
const COLOURS = ["#2f5d8a", "#7a4f9a", "#2f7f86", "#8a5a2f", "#5b6b7b", "#a04f7a", "#4a7a3a", "#3f3f8f", "#8f6f2f", "#606060"];

function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return loadLibraries("chart.js/chart.umd.min.js").then(() => window.Chart);
}

function money(value, currency) {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

async function drawCharts() {
  // Drawn afresh on every load: after enhanced navigation a surviving canvas may carry new figures, or a chart that lost its size.
  const canvases = [...document.querySelectorAll("canvas[data-spend-chart]")];
  if (canvases.length === 0) return;
  let Chart;
  try { Chart = await loadChart(); } catch { return; }
  for (const canvas of canvases) {
    canvas.spendChart?.destroy();
    const chart = JSON.parse(canvas.getAttribute("data-spend-chart"));
    canvas.spendChart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: chart.series.map((s, i) => ({
          label: s.label,
          data: s.data.map(Number),
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: "#ffffff",
          borderWidth: 1,
          maxBarThickness: 96,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${money(item.parsed.y, chart.currency)}` } },
        },
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { callback: (v) => money(Number(v), chart.currency) } },
        },
      },
    });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawCharts);
else drawCharts();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", drawCharts);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", drawCharts));
