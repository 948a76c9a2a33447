// Live reload for `newsroom serve`: added to served pages only, never to built files.
(function () {
  "use strict";
  var source = new EventSource("/__newsroom/events");
  var overlay = null;

  function clearProblem() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function showProblem(text) {
    clearProblem();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "newsroom: the last change did not build");
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);" +
      "color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem";
    var heading = document.createElement("p");
    heading.textContent = "The last change did not build. The page below is the last good one.";
    heading.style.cssText = "font-weight:700;color:#ffb36b;margin:0 0 1rem";
    var details = document.createElement("pre");
    details.textContent = text;
    details.style.cssText = "white-space:pre-wrap;margin:0";
    overlay.appendChild(heading);
    overlay.appendChild(details);
    document.body.appendChild(overlay);
  }

  // Marks the page as listening (tests and curious editors can see it in the DOM).
  source.addEventListener("open", function () {
    document.documentElement.setAttribute("data-newsroom-live", "open");
  });
  source.addEventListener("reload", function () {
    location.reload();
  });
  source.addEventListener("stylesheet", function () {
    clearProblem();
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("newsroom", String(Date.now()));
      links[i].href = url.href;
    }
  });
  source.addEventListener("problem", function (event) {
    showProblem(JSON.parse(event.data).text);
  });
})();
