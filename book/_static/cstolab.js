/* cstolab: keep folded content keyboard-accessible once it is unfolded.
 *
 * pydata-sphinx-theme gives code blocks and outputs that scroll sideways tabindex="0" (so that
 * keyboard users can scroll them) and others tabindex="-1", but it re-checks only when the window
 * is resized or elements are added. A code block inside a solution dropdown or a folded output is
 * measured while hidden, so once opened it scrolls without being reachable by keyboard (axe:
 * scrollable-region-focusable). After any dropdown or <details> opens, ask the theme to measure
 * again by announcing a resize. Loaded on every page (jupyter-book adds book/_static/*.js).
 */
(function () {
  "use strict";
  function remeasure() {
    window.setTimeout(function () { window.dispatchEvent(new Event("resize")); }, 50);
  }
  // <details> (myst-nb's folded cells, Vega-Embed's actions): "toggle" does not bubble, so capture.
  document.addEventListener("toggle", remeasure, true);
  // sphinx-togglebutton's dropdowns (solutions, hidden admonitions) open on a click.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".toggle-button, .admonition.toggle > .admonition-title")) {
      remeasure();
    }
  });
})();
