(function () {
  var D = document, version = VERSION, have = DECK_VERSION, fetching = false, again = false;
  function show(error) {
    var o = D.getElementById("lx-watch-error");
    if (!error) { if (o) o.parentNode.removeChild(o); return; }
    if (!o) {
      o = D.createElement("pre");
      o.id = "lx-watch-error";
      o.setAttribute("role", "alert");
      o.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60%;overflow:auto;margin:0;padding:20px 28px;background:rgba(60,0,0,.94);color:#fff;font:18px/1.6 monospace;white-space:pre-wrap;border-top:4px solid #d4a537";
      D.body.appendChild(o);
    }
    o.textContent = HEADING + "\n\n" + error;
  }
  var styles = (d) => [].filter.call(d.head.children, (e) => e.tagName === "STYLE");
  // the deck's element as the runtime read it at load: all but its slides and the total
  // time (which the speaker view reads afresh)
  function frame(reveal) {
    var c = reveal.cloneNode(false);
    c.removeAttribute("data-total-seconds");
    return c.outerHTML + [].map.call(reveal.children, (e) => (e.classList.contains("slides") ? "" : e.outerHTML)).join("");
  }
  // Whether the deck in `html` went into the page; false where only a reload will do.
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var old = D.querySelector(".reveal"), neu = doc.querySelector(".reveal");
    var box = old && old.querySelector(".slides"), into = neu && neu.querySelector(".slides");
    var st = styles(D), nst = styles(doc);
    if (!box || !into || !window.lxSlides || !D.scripts[0] || !doc.scripts[0] ||
        D.scripts[0].textContent !== doc.scripts[0].textContent ||
        frame(old) !== frame(neu) || st.length !== nst.length) return false;
    st.forEach((s, i) => { if (s.textContent !== nst[i].textContent) s.textContent = nst[i].textContent; });
    // the one colour the runtime took from the styles at load: the progress bar's
    var fill = D.querySelector(".lx-progress > span");
    if (fill) fill.style.background = getComputedStyle(old).getPropertyValue("--primary").trim();
    D.title = doc.title;
    old.setAttribute("data-total-seconds", neu.getAttribute("data-total-seconds") || "");
    // Slides are compared as markup: one the runtime has shown (typeset, fitted, current)
    // differs from its source and is replaced too, and is set up again when shown.
    var olds = [].slice.call(box.children), news = [].slice.call(into.children);
    var same = (n) => n.hasAttribute("data-lx-same");
    var head = (s) => { var h = s && s.querySelector("h1,h2,h3"); return h ? h.textContent : ""; };
    var m = /^#\/(\d+)/.exec(location.hash), at = m ? +m[1] - 1 : 0, was = head(olds[at]);
    if (news.some((n, i) => same(n) && !olds[i])) return false;
    news.forEach((n, i) => {
      if (same(n)) return;
      if (!olds[i]) box.appendChild(n);
      else if (olds[i].outerHTML !== n.outerHTML) box.replaceChild(n, olds[i]);
    });
    olds.slice(news.length).forEach((o) => box.removeChild(o));
    // a picture shown in several places is in the file once: the others take its bytes
    [].forEach.call(D.querySelectorAll("img[data-lx-pic]:not([src])"), (img) => {
      var first = D.getElementById("lx-pic-" + img.getAttribute("data-lx-pic"));
      if (first) img.src = first.src;
    });
    // Slides came or went: the one shown stays shown where it went (the nearest with its
    // heading), else the place does.
    var now = [].slice.call(box.children);
    if (now.length !== olds.length && head(now[at]) !== was) {
      var near = now.map((s, i) => (head(s) === was ? i : -1)).filter((i) => i >= 0)
        .sort((a, b) => Math.abs(a - at) - Math.abs(b - at));
      if (near.length) at = near[0];
    }
    window.lxSlides(at);
    var ov = D.querySelector(".lx-ov");
    if (ov && !ov.hidden) window.dispatchEvent(new Event("resize")); // thumbnails again
    return true;
  }
  // One fetch at a time; builds that land during it are taken by one more.
  function update() {
    if (fetching) { again = true; return; }
    fetching = true;
    var now = have;
    fetch("/lectern-watch/deck?from=" + have, { cache: "no-store" })
      .then((r) => { if (!r.ok) throw r.status; now = +r.headers.get("X-Lectern-Deck"); return r.text(); })
      .then((html) => {
        fetching = false;
        if (!swap(html)) return location.reload();
        have = now;
        show(null);
        if (again) { again = false; update(); }
      })
      .catch(() => location.reload());
  }
  function seen(s) {
    if (s.version === version) return;
    version = s.version;
    if (s.error) show(s.error); else update();
  }
  function poll() {
    var x = new XMLHttpRequest();
    x.open("GET", "/lectern-watch/state");
    x.onload = function () { try { seen(JSON.parse(x.responseText)); } catch (e) {} setTimeout(poll, 1000); };
    x.onerror = function () { setTimeout(poll, 2000); };
    x.send();
  }
  if (window.EventSource) {
    var es = new EventSource("/lectern-watch/events");
    es.onmessage = function (e) { seen(JSON.parse(e.data)); };
    es.onerror = function () { es.close(); setTimeout(poll, 1000); };
  } else poll();
  show(ERROR);
})();
