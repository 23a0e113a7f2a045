// Managing a cycle: hours used each month as bars, with the hours planned as a line (Chart.js). The table beside each chart
// has the same figures; nothing is coloured by whether it is over or under the plan.
import { loadLibraries } from "./libraries.js";

function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return loadLibraries("chart.js/chart.umd.min.js").then(() => window.Chart);
}

// Enhanced navigation patches the page in place: a canvas can survive with its chart object while losing the size attributes
// Chart.js gave it, which blanks it. So every load draws every chart afresh.
async function drawCharts() {
  const canvases = [...document.querySelectorAll("canvas[data-managing-chart]")];
  if (canvases.length === 0) return;
  for (const canvas of canvases) {
    canvas.managingChart?.destroy();
    canvas.managingChart = null;
  }
  let Chart;
  try { Chart = await loadChart(); } catch { return; } // the table beside each chart still has the figures
  for (const canvas of canvases) {
    if (canvas.managingChart) continue;
    const data = JSON.parse(canvas.getAttribute("data-managing-chart"));
    canvas.managingChart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.months,
        datasets: [
          { type: "bar", label: "Hours used", data: data.used.map(Number), backgroundColor: "#2f5d8a", order: 2 },
          { type: "line", label: "Hours planned", data: data.planned.map(Number), borderColor: "#1f2a35", backgroundColor: "#1f2a35",
            borderDash: [6, 4], pointRadius: 3, stepped: "middle", order: 1 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: true, position: "bottom" } },
        scales: { y: { beginAtZero: true, title: { display: true, text: "Hours" } } },
      },
    });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawCharts);
else drawCharts();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", drawCharts);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", drawCharts));
