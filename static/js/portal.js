// Progressive enhancement only: every feature here also works without JavaScript.
(function () {
  "use strict";

  // Videos: nothing loads from the video host until the visitor clicks play.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-embed-url]");
    if (!link) return;
    event.preventDefault();
    var iframe = document.createElement("iframe");
    iframe.src = link.getAttribute("data-embed-url");
    iframe.title = link.getAttribute("data-title") || "";
    iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    iframe.allowFullscreen = true;
    iframe.loading = "eager";
    var frame = link.closest("[data-video]");
    frame.replaceChildren(iframe);
    iframe.focus();
  });
})();
