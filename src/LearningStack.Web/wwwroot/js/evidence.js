// Evidence on an experiment page: media uploads with a progress bar, and the measurements chart (Chart.js).
import { loadLibraries } from "./libraries.js";

// ---- Chart.js, loaded only on pages with a chart ---------------------------------------------------------------

function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return loadLibraries("chart.js/chart.umd.min.js").then(() => window.Chart);
}

async function drawCharts() {
  // Drawn afresh on every load: after enhanced navigation a surviving canvas may carry new figures, or a chart that lost its size.
  const canvases = [...document.querySelectorAll("canvas[data-evidence-chart]")];
  if (canvases.length === 0) return;
  let Chart;
  try { Chart = await loadChart(); } catch { return; } // the table below each chart still has the numbers
  for (const canvas of canvases) {
    canvas.evidenceChart?.destroy();
    const series = JSON.parse(canvas.getAttribute("data-evidence-chart"));
    canvas.evidenceChart = new Chart(canvas, {
      type: "line",
      data: {
        labels: series.points.map((p) => p.date),
        datasets: [{
          label: series.unit ? `${series.label} (${series.unit})` : series.label,
          data: series.points.map((p) => Number(p.value)),
          borderColor: "#2f5d8a",
          backgroundColor: "#2f5d8a",
          tension: 0.2,
          pointRadius: 4,
        }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              afterLabel: (item) => series.points[item.dataIndex]?.context || "",
            },
          },
        },
        scales: { y: { beginAtZero: false } },
      },
    });
  }
}

// ---- uploads -------------------------------------------------------------------------------------------------

function setUpUpload(form) {
  if (form.evidenceUpload) return;
  form.evidenceUpload = true;
  const progressBox = form.querySelector("[data-upload-progress]");
  const progress = progressBox.querySelector("progress");
  const percent = progressBox.querySelector("[data-upload-percent]");
  const status = form.querySelector("[data-upload-status]");
  const button = form.querySelector('button[type="submit"]');
  let lastAnnounced = -1;

  const say = (text, refused = false) => {
    status.textContent = text;
    status.classList.toggle("refused", refused);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = form.querySelector('input[type="file"]');
    if (!input.files || input.files.length === 0) {
      say("Choose a photo, recording or video first.", true);
      input.focus();
      return;
    }
    const data = new FormData();
    data.append("file", input.files[0], input.files[0].name);
    for (const name of ["caption", "occurredOn", "caseId"]) {
      const field = form.querySelector(`[name="${name}"]`);
      if (field && field.value) data.append(name, field.value);
    }
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value || "";
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("data-url"));
    xhr.setRequestHeader("RequestVerificationToken", token);
    xhr.setRequestHeader("Accept", "application/json");
    progressBox.hidden = false;
    progress.value = 0;
    percent.textContent = "0%";
    lastAnnounced = -1;
    button.disabled = true;
    say(`Uploading ${input.files[0].name}…`);
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const value = Math.round((e.loaded / e.total) * 100);
      progress.value = value;
      percent.textContent = `${value}%`;
      // Announce in steps of a quarter so a screen reader is not flooded.
      const step = Math.floor(value / 25) * 25;
      if (step > lastAnnounced) { lastAnnounced = step; say(`Uploading: ${step}%`); }
    });
    xhr.addEventListener("load", () => {
      button.disabled = false;
      if (xhr.status === 201) {
        progress.value = 100;
        percent.textContent = "100%";
        say("Uploaded. Showing it in the list…");
        const url = form.getAttribute("data-done-url");
        if (window.Blazor?.navigateTo) window.Blazor.navigateTo(url);
        else window.location.assign(url);
        return;
      }
      progressBox.hidden = true;
      let message = `The upload was refused (${xhr.status}).`;
      try {
        const problem = JSON.parse(xhr.responseText);
        const fieldErrors = problem.errors ? Object.values(problem.errors).flat() : [];
        message = fieldErrors.length > 0 ? fieldErrors.join(" ") : (problem.detail || problem.title || message);
      } catch { /* not JSON: keep the status */ }
      say(message, true);
    });
    xhr.addEventListener("error", () => {
      button.disabled = false;
      progressBox.hidden = true;
      say("The upload stopped: the connection was lost. Nothing was saved. Try again when you have a signal.", true);
    });
    xhr.send(data);
  });
}

function initAll() {
  document.querySelectorAll("form[data-evidence-upload]").forEach(setUpUpload);
  drawCharts();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", initAll);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", initAll));
