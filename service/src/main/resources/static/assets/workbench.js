// Bosang workbench: polls a running job's progress and reloads the page when it has finished.
// Everything else works without script (the job page also refreshes itself under <noscript>).
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !main.dataset.job || main.dataset.finished === "true") return;
  var url = main.dataset.progressUrl;
  function poll() {
    fetch(url, {headers: {"Accept": "application/json"}, cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (p) {
        if (p.finished) { window.location.reload(); return; }
        document.getElementById("job-phase").textContent = p.phase;
        document.getElementById("job-done").textContent = p.done.toLocaleString();
        document.getElementById("job-total").textContent = p.total > 0 ? p.total.toLocaleString() : "?";
        var bar = document.getElementById("job-bar");
        if (p.percent >= 0) bar.value = p.percent; else bar.removeAttribute("value");
        window.setTimeout(poll, 500);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
})();
