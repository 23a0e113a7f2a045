// When a form comes back with problems, move focus to the error summary so that screen readers announce it
// and the person sees it, instead of staying at the top of a long page.
function focusErrors() {
  const summary = document.querySelector(".error-summary");
  if (summary && !summary.contains(document.activeElement)) {
    summary.focus({ preventScroll: false });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusErrors);
else focusErrors();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", focusErrors);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", focusErrors));
