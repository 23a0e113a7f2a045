// Person-shaped measures on a case file: the star (radar) of first and latest readings, and a line per dimension (Chart.js).
// Every chart has a table or list beside it with the same figures, so nothing depends on this script.
import { loadLibraries } from "./libraries.js";

const ink = "#1f2d3a";
const latestColour = "#2f5d8a";
const firstColour = "#8a6d1f";

function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return loadLibraries("chart.js/chart.umd.min.js").then(() => window.Chart);
}

function drawStar(Chart, canvas) {
  const data = JSON.parse(canvas.getAttribute("data-measure-star"));
  canvas.measureChart = new Chart(canvas, {
    type: "radar",
    data: {
      labels: data.labels,
      datasets: [
        {
          label: data.firstLabel,
          data: data.first,
          borderColor: firstColour,
          backgroundColor: "rgba(138, 109, 31, 0.12)",
          borderDash: [6, 4],
          pointRadius: 3,
        },
        {
          label: data.latestLabel,
          data: data.latest,
          borderColor: latestColour,
          backgroundColor: "rgba(47, 93, 138, 0.22)",
          pointRadius: 4,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        r: {
          min: 0,
          max: 10,
          ticks: { display: false, stepSize: 2 },
          pointLabels: { color: ink, font: { size: 13 } },
        },
      },
      plugins: { legend: { position: "bottom", labels: { color: ink } } },
    },
  });
}

function drawLine(Chart, canvas) {
  const series = JSON.parse(canvas.getAttribute("data-measure-line"));
  const datasets = [{
    label: series.label,
    data: series.points.map((p) => p.value),
    borderColor: latestColour,
    backgroundColor: latestColour,
    tension: 0.2,
    pointRadius: 4,
  }];
  if (series.points.some((p) => p.practitioner != null)) {
    datasets.push({
      label: "Practitioner's view",
      data: series.points.map((p) => p.practitioner ?? null),
      borderColor: firstColour,
      backgroundColor: firstColour,
      showLine: false,
      pointStyle: "rectRot",
      pointRadius: 5,
    });
  }
  canvas.measureChart = new Chart(canvas, {
    type: "line",
    data: { labels: series.points.map((p) => p.date), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: {
          min: series.low,
          max: series.high,
          ticks: {
            stepSize: 1,
            color: ink,
            callback: (v) => (v === series.low ? `${v} ${series.lowLabel}` : v === series.high ? `${v} ${series.highLabel}` : v),
          },
        },
        x: { ticks: { color: ink } },
      },
      plugins: {
        legend: { display: datasets.length > 1, labels: { color: ink } },
        tooltip: { callbacks: { afterLabel: (item) => series.points[item.dataIndex]?.note || "" } },
      },
    },
  });
}

// An enhanced navigation (a form post) patches the page in place: a kept canvas loses the size Chart.js gave it and may carry
// new figures, so every chart is drawn afresh from its data attribute.
async function drawAll() {
  const canvases = [...document.querySelectorAll("canvas[data-measure-star], canvas[data-measure-line]")];
  if (canvases.length === 0) return;
  let Chart;
  try { Chart = await loadChart(); } catch { return; } // the tables still have the figures
  for (const canvas of canvases) {
    canvas.measureChart?.destroy();
    if (canvas.hasAttribute("data-measure-star")) drawStar(Chart, canvas);
    else drawLine(Chart, canvas);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
else drawAll();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", drawAll);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", drawAll));
