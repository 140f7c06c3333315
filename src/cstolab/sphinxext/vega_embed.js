// cstolab: draw the book's charts with Vega alone (concatenated after Vega by cstolab.sphinxext.vega).
//
// The book compiles every Vega-Lite spec to Vega at build time (cstolab.sphinxext.vega), so a
// reader's browser needs neither the Vega-Lite compiler nor Vega-Embed: about 100 KiB (gzip) less
// on every chart page. This file is the small part of Vega-Embed the book used: draw a Vega spec
// as SVG into its <div>, give the <div> the class "vega-embed" (the course's CSS and tests key on
// it) and offer the "Save as SVG / PNG" actions (Altair's export actions; no editor link).
//
// Chart pages load this bundle with `defer`; each chart's inline script queues its spec in
// window.cstolabCharts, drained here. window.vegaEmbed(el, spec, opts) stays available.
const queued = Array.isArray(window.cstolabCharts) ? window.cstolabCharts : [];

function actions(el, view, name) {
  const menu = document.createElement("details");
  menu.className = "cstolab-chart-actions";
  const summary = document.createElement("summary");
  summary.textContent = "Save chart";
  menu.appendChild(summary);
  const list = document.createElement("div");
  for (const format of ["svg", "png"]) {
    const link = document.createElement("a");
    link.textContent = `Save as ${format.toUpperCase()}`;
    link.download = `${name}.${format}`;
    link.href = "#";
    list.appendChild(link);
  }
  menu.appendChild(list);
  // Image URLs are made when the menu opens (the drawing may have changed with a slider).
  menu.addEventListener("toggle", () => {
    if (!menu.open) return;
    for (const link of list.querySelectorAll("a")) {
      const format = link.download.split(".").pop();
      view.toImageURL(format, format === "png" ? 2 : 1).then((url) => { link.href = url; });
    }
  });
  el.appendChild(menu);
}

function embed(el, spec, opts) {
  const root = typeof el === "string" ? document.getElementById(el) || document.querySelector(el) : el;
  const options = opts || {};
  root.classList.add("vega-embed");
  const view = new vega.View(vega.parse(spec), {
    renderer: options.renderer || "svg",
    container: root,
    hover: true,
  });
  return view.runAsync().then(() => {
    const exportable = options.actions === true
      || (options.actions && options.actions.export !== false);
    if (exportable) actions(root, view, root.id || "chart");
    // A chart wider than the column scrolls sideways (cstolab.css): keep it keyboard-reachable.
    if (root.scrollWidth > root.clientWidth && !root.querySelector("input, select, summary")) {
      root.tabIndex = 0;
    }
    return { view: view, spec: spec };
  });
}

function draw(item) {
  const [id, spec, opts] = item;
  return embed(id, spec, opts).catch((err) => {
    const root = document.getElementById(id);
    if (root) root.textContent = `The chart could not be drawn: ${err.message}`;
    console.error(err);
  });
}

window.vegaEmbed = embed;
window.cstolabCharts = { push: draw };
queued.forEach(draw);
