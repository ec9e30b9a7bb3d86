// kartoteka's own small script: no framework, no build step. Pages work without it;
// it adds mention highlighting, name look-up, the review keys and graph hovering.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // POST a form's fields as JSON with the CSRF header; resolves to the parsed reply.
  function postForm(form) {
    var data = {};
    new FormData(form).forEach(function (value, key) {
      if (key === "csrf_token" || key === "next") { return; }
      if (Object.prototype.hasOwnProperty.call(data, key)) {
        data[key] = [].concat(data[key], value);
      } else {
        data[key] = value;
      }
    });
    return fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrfToken(),
                "Accept": "application/json"},
      body: JSON.stringify(data)
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.detail ? JSON.stringify(body.detail) : response.status); }
        return body;
      });
    });
  }

  // Reader: pointing at a mention lights every mention of the same entity; pins keep it lit.
  function mentionsOf(id) {
    // The words on a scanned page's image light up with the text's mentions.
    var key = '[data-e="' + CSS.escape(id) + '"]';
    return document.querySelectorAll(".reader .m" + key + ", .scan-pages .box.m" + key);
  }
  function setupReader() {
    var reader = document.querySelector(".reader");
    if (!reader) { return; }
    reader.addEventListener("mouseover", function (event) {
      var m = event.target.closest(".m");
      if (m) { mentionsOf(m.dataset.e).forEach(function (el) { el.classList.add("same"); }); }
    });
    reader.addEventListener("mouseout", function (event) {
      var m = event.target.closest(".m");
      if (m) { mentionsOf(m.dataset.e).forEach(function (el) { el.classList.remove("same"); }); }
    });
    document.querySelectorAll("button.pin").forEach(function (button) {
      button.addEventListener("click", function () {
        var on = button.classList.toggle("on");
        mentionsOf(button.dataset.e).forEach(function (el) { el.classList.toggle("pinned", on); });
        var first = mentionsOf(button.dataset.e)[0];
        if (on && first) { first.scrollIntoView({block: "center"}); }
      });
    });
    var target = document.getElementById("hl");
    if (target && location.hash === "#hl") { target.scrollIntoView({block: "center"}); }
    var onPage = document.querySelector(".scan-pages .box.hl");
    if (onPage && location.hash === "#hl") { onPage.scrollIntoView({block: "center"}); }
  }

  // Card: the merge box looks names up through the search API.
  function setupMergeLookup() {
    var input = document.getElementById("merge-other");
    var list = document.getElementById("merge-suggestions");
    if (!input || !list) { return; }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || /^[a-z]\w{8,}$/.test(q)) { return; }
      timer = setTimeout(function () {
        fetch("/search.json?q=" + encodeURIComponent(q), {credentials: "same-origin"})
          .then(function (r) { return r.json(); })
          .then(function (body) {
            list.textContent = "";
            (body.hits || []).forEach(function (hit) {
              var option = document.createElement("option");
              option.value = hit.id;
              option.label = hit.label + (hit.names.length ? " (" + hit.names.slice(0, 3).join(", ") + ")" : "");
              list.appendChild(option);
            });
          });
      }, 200);
    });
  }

  // Review: j/k move, a accepts, r rejects; the buttons answer in place without a reload.
  function setupReview() {
    var queue = document.getElementById("review");
    if (!queue) { return; }
    var entries = Array.prototype.slice.call(queue.querySelectorAll(".entry"));
    var current = 0;
    function select(index) {
      if (!entries.length) { return; }
      current = Math.max(0, Math.min(entries.length - 1, index));
      entries.forEach(function (e, i) { e.classList.toggle("current", i === current); });
      entries[current].focus({preventScroll: true});
      entries[current].scrollIntoView({block: "nearest"});
    }
    function decide(entry, form) {
      var outcome = entry.querySelector(".outcome");
      postForm(form).then(function (body) {
        entry.classList.add("done", form.dataset.verdict === "accept" ? "accepted" : "rejected");
        if (outcome) { outcome.textContent = (form.dataset.verdict === "accept" ? "accepted" : "rejected") + " (edit #" + body.edit.id + ")"; }
      }).catch(function (error) {
        if (outcome) { outcome.textContent = "failed: " + error.message; }
      });
    }
    entries.forEach(function (entry, i) {
      entry.querySelectorAll("form[data-verdict]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          select(i);
          decide(entry, form);
        });
      });
      entry.addEventListener("click", function () { select(i); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.target.closest("input, textarea, select") || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "j") { select(current + 1); }
      else if (event.key === "k") { select(current - 1); }
      else if (event.key === "a" || event.key === "r") {
        var entry = entries[current];
        var form = entry && entry.querySelector('form[data-verdict="' + (event.key === "a" ? "accept" : "reject") + '"]');
        if (form && !entry.classList.contains("done")) { decide(entry, form); select(current + 1); }
      } else { return; }
      event.preventDefault();
    });
    select(0);
  }

  // Graph: pointing at a node fades everything not tied to it.
  function setupGraph() {
    var svg = document.getElementById("graph");
    if (!svg) { return; }
    svg.addEventListener("mouseover", function (event) {
      var node = event.target.closest(".node");
      if (!node) { return; }
      var id = node.dataset.id;
      var near = {};
      near[id] = true;
      svg.querySelectorAll(".edge").forEach(function (edge) {
        var tied = edge.dataset.a === id || edge.dataset.b === id;
        edge.classList.toggle("lit", tied);
        if (tied) { near[edge.dataset.a] = true; near[edge.dataset.b] = true; }
      });
      svg.querySelectorAll(".node").forEach(function (n) { n.classList.toggle("faded", !near[n.dataset.id]); });
    });
    svg.addEventListener("mouseleave", function () {
      svg.querySelectorAll(".lit, .faded").forEach(function (el) { el.classList.remove("lit", "faded"); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupReader();
    setupMergeLookup();
    setupReview();
    setupGraph();
  });
})();
