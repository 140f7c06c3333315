/* cstolab: keep folded content keyboard-accessible once it is unfolded.
 *
 * pydata-sphinx-theme gives code blocks and outputs that scroll sideways tabindex="0" (so that
 * keyboard users can scroll them) and others tabindex="-1", but it re-checks only when the window
 * is resized or elements are added. A code block inside a solution dropdown or a folded output is
 * measured while hidden, so once opened it scrolls without being reachable by keyboard (axe:
 * scrollable-region-focusable). So every such block is watched with a ResizeObserver, which
 * reports it when it gets its real size (a dropdown opens, a web font arrives), and the theme's
 * own rule is applied then. Loaded on every page (html_js_files in book/_config.yml).
 */
(function () {
  "use strict";
  // the theme's selectors (pydata-sphinx-theme, addTabStopsToScrollableElements)
  var TARGETS = "pre, .nboutput > .output_area, .cell_output > .output, " +
    ".jp-RenderedHTMLCommon, .pst-scrollable-table-container";
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var el = entry.target;
      el.tabIndex = el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight ? 0 : -1;
    });
  });
  function watch() {
    document.querySelectorAll(TARGETS).forEach(function (el) { observer.observe(el); });
  }
  if (document.readyState !== "loading") { watch(); } else {
    document.addEventListener("DOMContentLoaded", watch);
  }
})();

/* cstolab: the two things the book used Bootstrap's JavaScript for (80 KB; the build leaves it
 * out, see src/cstolab/sphinxext/assets.py): the download menu of the page header and the
 * theme's "Back to top" button. Buttons keep their native title tooltips.
 */
(function () {
  "use strict";
  function items(menu) { return [].slice.call(menu.querySelectorAll(".dropdown-item")); }
  function close(toggle, focus) {
    var menu = toggle.parentElement.querySelector(".dropdown-menu");
    toggle.setAttribute("aria-expanded", "false");
    toggle.classList.remove("show");
    if (menu) { menu.classList.remove("show"); }
    if (focus) { toggle.focus(); }
  }
  function openToggles() {
    return [].slice.call(document.querySelectorAll('[data-bs-toggle="dropdown"][aria-expanded="true"]'));
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest('[data-bs-toggle="dropdown"]');
    openToggles().forEach(function (other) { if (other !== toggle) { close(other, false); } });
    if (!toggle) { return; }
    var menu = toggle.parentElement.querySelector(".dropdown-menu");
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    toggle.classList.toggle("show", open);
    if (menu) { menu.classList.toggle("show", open); }
  });
  document.addEventListener("keydown", function (event) {
    var toggles = openToggles();
    if (!toggles.length) { return; }
    var toggle = toggles[0];
    var menu = toggle.parentElement.querySelector(".dropdown-menu");
    if (event.key === "Escape") { close(toggle, true); return; }
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && menu) {
      var list = items(menu);
      var at = list.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? list.length - 1 : at - 1);
      if (list.length) { list[(next + list.length) % list.length].focus(); event.preventDefault(); }
    }
  });
  function backToTop() {
    var button = document.getElementById("pst-back-to-top");
    var header = document.querySelector(".bd-header");
    if (!button || !header) { return; }
    button.addEventListener("click", function () {
      document.body.scrollTop = 0;
      document.documentElement.scrollTop = 0;
    });
    var bottom = header.getBoundingClientRect().bottom;
    var last = window.scrollY;
    window.addEventListener("scroll", function () {
      button.style.display = last > window.scrollY && window.scrollY > bottom ? "block" : "none";
      last = window.scrollY;
    });
  }
  if (document.readyState !== "loading") { backToTop(); } else {
    document.addEventListener("DOMContentLoaded", backToTop);
  }
})();
