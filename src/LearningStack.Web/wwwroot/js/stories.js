// Telling a story: tap-to-place on a triad's triangle. Without this script the three numbers under each triangle do the same job.
const A = [150, 12], B = [15, 246], C = [285, 246];

function weights(x, y) {
  // barycentric coordinates of (x, y) in the triangle A, B, C; clamped into the triangle
  const det = (B[1] - C[1]) * (A[0] - C[0]) + (C[0] - B[0]) * (A[1] - C[1]);
  let a = ((B[1] - C[1]) * (x - C[0]) + (C[0] - B[0]) * (y - C[1])) / det;
  let b = ((C[1] - A[1]) * (x - C[0]) + (A[0] - C[0]) * (y - C[1])) / det;
  let c = 1 - a - b;
  [a, b, c] = [a, b, c].map((w) => Math.max(0, w));
  const sum = a + b + c || 1;
  return [a / sum, b / sum, c / sum];
}

function percentages([a, b, c]) {
  const pa = Math.round(a * 100), pb = Math.round(b * 100);
  return [pa, pb, Math.max(0, 100 - pa - pb)];
}

function setUp(box) {
  if (box.dataset.triadReady) return;
  box.dataset.triadReady = "1";
  const figure = box.querySelector("[data-triad-figure]");
  const svg = box.querySelector("[data-triad-svg]");
  const marker = box.querySelector("[data-triad-marker]");
  const inputs = ["a", "b", "c"].map((k) => box.querySelector(`input[data-corner="${k}"]`));
  const na = box.closest("fieldset")?.querySelector('input[type="checkbox"][name^="na-"]');
  figure.hidden = false;
  box.querySelector("[data-triad-tap]").hidden = false;
  box.querySelector("[data-triad-no-tap]").textContent = "give";

  const show = () => {
    const values = inputs.map((i) => Number(i.value) || 0);
    const sum = values.reduce((s, v) => s + v, 0);
    if (sum <= 0 || values.some((v) => v < 0)) { marker.setAttribute("cx", -20); marker.setAttribute("cy", -20); return; }
    const [a, b, c] = values.map((v) => v / sum);
    marker.setAttribute("cx", a * A[0] + b * B[0] + c * C[0]);
    marker.setAttribute("cy", a * A[1] + b * B[1] + c * C[1]);
  };

  svg.addEventListener("click", (event) => {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const local = point.matrixTransform(svg.getScreenCTM().inverse());
    percentages(weights(local.x, local.y)).forEach((v, i) => { inputs[i].value = v; });
    if (na) na.checked = false;
    show();
  });
  inputs.forEach((i) => i.addEventListener("input", show));
  show();
}

// A slider always has a value: count it only once the teller moves it.
function setUpDyad(marker) {
  if (marker.dataset.dyadReady) return;
  marker.dataset.dyadReady = "1";
  if (!marker.dataset.dyadKeep) marker.value = "";
  const range = marker.parentElement.querySelector('input[type="range"]');
  range?.addEventListener("input", () => { marker.value = "1"; });
}

function initAll() {
  document.querySelectorAll("[data-triad]").forEach(setUp);
  document.querySelectorAll("[data-dyad-set]").forEach(setUpDyad);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", initAll);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", initAll));
