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

  // Search suggestions: titles as the visitor types, from a small JSON endpoint.
  // The search form works the same without them.
  document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
    var list = document.createElement("ul");
    list.className = "search-suggestions";
    list.id = input.id + "-suggestions";
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("aria-controls", list.id);
    var timer = null;
    var latest = 0;
    function hide() { list.hidden = true; list.replaceChildren(); }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) { hide(); return; }
      timer = setTimeout(function () {
        var request = ++latest;
        fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(value))
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (request !== latest) return;
            list.replaceChildren();
            data.suggestions.forEach(function (item) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = item.url;
              a.textContent = item.title;
              var kind = document.createElement("small");
              kind.textContent = item.kind_label;
              a.appendChild(kind);
              li.appendChild(a);
              list.appendChild(li);
            });
            list.hidden = data.suggestions.length === 0;
          })
          .catch(hide);
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a").focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hide(); input.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!input.parentNode.contains(event.target)) hide();
    });
  });

  // Filters fold away on phones, so the results come first; a tap opens them.
  if (window.matchMedia("(max-width: 48rem)").matches) {
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) {
      var chosen = details.querySelector("[aria-current]:not(span)");
      if (!chosen) details.open = false;
    });
  }

  // Share buttons (templates/includes/share_links.html): the phone's share sheet where
  // there is one, else "copy link"; the WhatsApp link works without either.
  document.querySelectorAll("[data-share-native]").forEach(function (item) {
    if (!navigator.share) return;
    item.hidden = false;
    var button = item.querySelector("button");
    button.addEventListener("click", function () {
      navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
        .catch(function () {});  // the visitor closed the share sheet
    });
  });
  document.querySelectorAll("[data-share-copy]").forEach(function (item) {
    if (navigator.share || !navigator.clipboard) return;
    item.hidden = false;
    var button = item.querySelector("button");
    var status = item.querySelector("[role=status]");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyUrl).then(function () {
        status.textContent = button.dataset.copiedText;
      });
    });
  });
})();
