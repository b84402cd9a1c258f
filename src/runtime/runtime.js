/* lectern runtime (our own, not reveal.js): canvas scaling, navigation, shrink-to-fit,
   overview, black/white screen, speaker view, print modes. ES2017, no dependencies. */
(function () {
  "use strict";
  var D = document, H = D.documentElement, W = window;
  H.classList.add("js");
  var deck = D.querySelector(".reveal");
  if (!deck) return;
  var box = deck.querySelector(".slides");
  var slides = [].slice.call(D.querySelectorAll(".reveal .slides > section"));
  var N = slides.length;
  var CW = +deck.dataset.width || 1920, CH = +deck.dataset.height || 1080;
  var q = location.search;
  var printing = /[?&]print(?:=(\w+))?/.exec(q);
  var speakerPage = /[?&]speaker\b/.test(q);
  var cur = -1, since = Date.now(), blank = "", digits = "", jumpTimer = 0, prompting = false;
  var peer = null, spk = null, ov = null, help = null, jump = null;

  function el(tag, cls, parent, html) {
    var e = D.createElement(tag);
    if (cls) e.className = cls;
    if (html) e.innerHTML = html;
    if (parent) parent.appendChild(e);
    return e;
  }
  function store(k, v) {
    try {
      if (v === undefined) return localStorage.getItem("lectern." + k);
      localStorage.setItem("lectern." + k, v);
    } catch (e) { /* storage off (privacy mode): fine */ }
  }
  function clock(s) {
    s = Math.max(0, Math.round(s));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, x = s % 60;
    return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (x < 10 ? "0" : "") + x;
  }
  var timing = (i) => +(slides[i] && slides[i].dataset.timing) || 0;
  var before = (i) => { for (var t = 0, j = 0; j < i; j++) t += timing(j); return t; };
  var notesOf = (i) => { var a = prep(i).querySelector("aside.notes"); return a ? a.innerHTML : ""; };
  // Headings hold a badge and the title in separate spans: label them "第二 创新是…".
  var titleOf = (i) => {
    var h = slides[i].querySelector("h1,h2,h3"), b = h && h.querySelector(".badge"), t = h && h.querySelector(".title-text");
    return !h ? "" : b && t ? b.textContent.trim() + " " + t.textContent.trim() : h.textContent;
  };

  /* Text that overflows its slide is scaled down: the body is widened by 1/k and scaled
     by k, so lines re-wrap and the scaled box fills the width. Binary search on k. */
  function fitBody(s) {
    var b = s.querySelector(".slide-body");
    if (!b || !b.offsetParent) return;
    b.style.transform = b.style.width = "";
    balanceAll(s);
    endTrim(s);
    var limit = s.clientHeight - parseFloat(getComputedStyle(s).paddingBottom);
    var f = s.querySelector(".slide-footer");
    if (f && f.offsetTop > b.offsetTop) limit = Math.min(limit, f.offsetTop - 8);
    var avail = limit - b.offsetTop, w = b.offsetWidth;
    // What sums a slide up gives way before its text shrinks: its chips, then its key
    // lines from the last (one stays); the notes hold them all.
    [].forEach.call(b.querySelectorAll(".lx-drop"), (e) => e.classList.remove("lx-drop"));
    var gives = [].slice.call(b.querySelectorAll(".chips")).concat([].slice.call(b.querySelectorAll(".keys li")).slice(1).reverse());
    while (b.scrollHeight > avail + 1 && gives.length) gives.shift().classList.add("lx-drop");
    if (b.scrollHeight <= avail + 1) return;
    var lo = 0.25, hi = 1;
    for (var n = 0; n < 8; n++) {
      var k = (lo + hi) / 2;
      b.style.width = w / k + "px";
      if (b.scrollHeight * k <= avail) lo = k; else hi = k;
    }
    b.style.width = w / lo + "px";
    b.style.transformOrigin = "0 0";
    b.style.transform = "scale(" + lo + ")";
    endTrim(s);
  }

  /* A copy of slide i scaled to k inside host, styled by the theme like the real one. */
  function mini(i, host, k) {
    var w = el("div", "reveal lx-mini", host), s = el("div", "slides", w), c = prep(i).cloneNode(true);
    [].forEach.call(deck.attributes, (a) => { if (!a.name.indexOf("data-")) w.setAttribute(a.name, a.value); });
    c.removeAttribute("id");
    c.classList.add("present");
    s.appendChild(c);
    w.style.width = CW * k + "px";
    w.style.height = CH * k + "px";
    s.style.width = CW + "px";
    s.style.height = CH + "px";
    s.style.transform = "scale(" + k + ")";
    // Themes keep thin rules visible in thumbnails: max(3px, calc(1px / var(--lx-scale))).
    w.style.setProperty("--lx-scale", k);
    fitBody(c);
    return w;
  }

  /* Chinese punctuation the same in every engine, in the slides and their notes alike.
     1. Adjacent full-width punctuation (”， or 。“) takes one and a half em, not two: Chromium
        123+ does it by itself (text-spacing-trim), older Chromium and Firefox do not, and a
        long title then breaks elsewhere. Where the engine does not trim, the mark CSS Text 4
        trims (a closing mark before a closing one, an opening mark after any) gets the
        font's half-width form ("halt").
     2. Curly quotes between Chinese characters (向“高”跃升) are break points in Chromium 123+
        (UAX 14 LB19a) but not in Firefox, which then pushes 向“高” whole to the next line
        and leaves a gap: where the engine does not trim, a <wbr> gives them the same break
        points, never after an opening mark nor before a closing one. (Not everywhere: a
        <wbr> after ” stops Chromium from setting it half-width at the end of a line.) */
  var CLOSE = "，。、：；”’）】》」』〕〉", OPEN = "“‘（【《「『〔〈", NO_START = CLOSE + "！？…—";
  var CJK = /[\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
  var cjk = (c) => !!c && CJK.test(c), has = (set, c) => !!c && set.indexOf(c) >= 0;
  function typeset(root) {
    var walk = D.createTreeWalker(root, NodeFilter.SHOW_TEXT), texts = [], t;
    while ((t = walk.nextNode())) texts.push(t);
    texts.forEach((node) => {
      var s = node.data, out = D.createDocumentFragment(), from = 0;
      var cut = (i) => { out.appendChild(D.createTextNode(s.slice(from, i))); from = i; };
      for (var i = 0; i < s.length; i++) {
        var c = s[i], p = s[i - 1], n = s[i + 1];
        if ((c === "“" || c === "‘") && cjk(p) && !has(OPEN, p) && cjk(n)) { cut(i); el("wbr", "", out); }
        if ((has(CLOSE, c) && has(CLOSE, n)) || (has(OPEN, c) && (has(OPEN, p) || has(CLOSE, p)))) {
          cut(i);
          el("span", "lx-half", out).textContent = c;
          from = i + 1;
        }
        if ((c === "”" || c === "’") && cjk(p) && cjk(n) && !has(NO_START, n)) { cut(i + 1); el("wbr", "", out); }
      }
      if (!from) return;
      cut(s.length);
      node.parentNode.replaceChild(out, node);
    });
  }
  var trimless = !(W.CSS && CSS.supports && CSS.supports("text-spacing-trim", "normal"));
  // Where the words of a .lx-w span end comes as offsets into its text (data-w): <wbr>s
  // there, the breaks its keep-all leaves.
  function unpack(root) {
    [].forEach.call(root.querySelectorAll("[data-w]"), (w) => {
      var walk = D.createTreeWalker(w, NodeFilter.SHOW_TEXT), texts = [], t, at = 0, cuts = w.dataset.w.split(" ");
      while ((t = walk.nextNode())) texts.push(t);
      texts.forEach((t) => {
        for (var k = cuts.length, end = at + t.length; k--; ) if (cuts[k] > at && cuts[k] < end) t.after(el("wbr"), t.splitText(cuts[k] - at));
        at = end;
      });
      w.removeAttribute("data-w");
    });
  }
  // A slide gets its word breaks (and is typeset) the first time it is shown, copied or
  // printed, not all at load: a hidden slide of a big deck costs nothing.
  function prep(i) {
    var s = slides[i];
    if (!s.lxTyped) { s.lxTyped = 1; unpack(s); if (trimless) typeset(s); }
    return s;
  }

  /* 3. Chromium also sets a closing mark half-width at the end of a line when only that lets
        it fit; elsewhere the mark and the character before it go down a line. Where the
        engine does not trim, try each closing mark of the shown slide half-width and keep it
        where that brings the mark up a line. Layout is needed, so this runs on the slide on
        screen (and again after shrink-to-fit re-wraps it). */
  function endTrim(s) {
    var b = s.querySelector(".slide-body");
    if (!trimless || !b || !b.offsetParent) return;
    if (!b.lxEnds) {
      // each closing mark not already half-width in a span of its own, once (a thumbnail's
      // copy has the spans already)
      b.lxEnds = [].slice.call(b.querySelectorAll(".lx-tail"));
      var walk = D.createTreeWalker(b, NodeFilter.SHOW_TEXT), texts = [], t;
      while ((t = walk.nextNode())) if (!/lx-(half|tail)/.test(t.parentNode.className)) texts.push(t);
      texts.forEach((node) => {
        for (var i = node.data.length - 1; i >= 0; i--) {
          if (!has(CLOSE, node.data[i])) continue;
          var mark = node.splitText(i);
          mark.splitText(1);
          var span = el("span", "lx-tail");
          mark.parentNode.replaceChild(span, mark);
          span.appendChild(mark);
          b.lxEnds.push(span);
        }
      });
      // in reading order, so each trial sees the lines the earlier ones made
      b.lxEnds.sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    }
    b.lxEnds.forEach((e) => e.classList.remove("lx-half"));
    b.lxEnds.forEach((e) => {
      var top = e.getBoundingClientRect().top;
      e.classList.add("lx-half");
      if (!(e.getBoundingClientRect().top < top - 1)) e.classList.remove("lx-half");
    });
  }
  /* Chinese titles break where a reader pauses. Where a heading (or a key sentence or list
     item) needs more than one line, the lines are chosen here, not by the engine: at natural
     points (after ，、：；, at a space, after 的, before 和 与 暨 是 …), else beside a quotation,
     and between any two characters only where nothing else fits, and not inside a common
     word of such titles (发展, 高质量); never one character or a
     lone mark on a line, never a closing mark at the start of one. Headings get lines of
     balanced width, list items fill theirs. The breaks are <br class="lx-br"> chosen from
     widths measured on one line, so both engines (and those without text-wrap: balance)
     break alike. Layout is needed: this runs with shrink-to-fit, on the slide shown and on
     every thumbnail. */
  var PAUSE = "，、：；。！？", AFTER_WORD = "的", BEFORE_WORD = "和与及并或暨是";
  // Words that open a phrase in Party and government titles (奋力开创…, 加快形成…): a break
  // before one is likely between phrases, unless another such word ends there (大力|推动).
  // 是 after 就 但 于 … is part of a word (就是, 但是).
  var OPENERS = ("奋力 加快 推动 推进 坚持 全面 深入 持续 不断 切实 扎实 努力 积极 大力 聚焦 围绕 " +
    "奋进 开创 谱写 打造 助力 更好 更加 进一步 共同 携手 凝心 汇聚 牢记 践行 锚定 始终 坚定 准确").split(" ");
  // Words of such titles that a break between two characters must not split where no cue
  // says where their words end (…高质量发|展新局面).
  var WORDS = ("发展 建设 改革 创新 工作 经济 社会 文化 生态 文明 治理 体系 能力 质量 人民 群众 干部 " +
    "党员 组织 政治 思想 理论 实践 制度 时代 精神 战略 目标 任务 重点 安全 水平 机制 领导 中国 特色 " +
    "民族 复兴 伟大 事业 产业 科技 人才 教育 乡村 振兴 城乡 区域 协调 开放 合作 绿色 基层 服务 保障 " +
    "民生 福祉 现代化 高质量 生产力 营商 环境 招商 引资 项目 大会 会议 学习 贯彻 落实 全会 专题 党课 " +
    "初心 使命 担当 作风 纪律 法治 政府 企业 市场 农业 农村 城市 新篇 局面 篇章 奋斗 征程 强国 一流 " +
    "高水平 新时代 主题 实干 新质 动能 格局 优化 推进 推动 全面 深入").split(" ");
  var at = (chars, j, w) => w.split("").every((c, i) => chars[j + i] && chars[j + i].c === c);
  var opens = (chars, j) => OPENERS.some((w) => at(chars, j, w)) && !OPENERS.some((w) => j >= w.length && at(chars, j - w.length, w));
  var splits = (chars, j) => WORDS.some((w) => { for (var k = 1; k < w.length; k++) if (j >= k && at(chars, j - k, w)) return true; return false; });
  var CUT = { pause: 0, close: 1, open: 2, word: 4, opener: 8, mid: 14, inword: 20, split: 40 };
  // What a line break before c (after p) costs, or -1 where there may be none.
  function cutCost(p, c, chars, j) {
    if (!p || !c || has(NO_START, c) || has(OPEN, p) || c === "　" || c === " ") return -1;
    if (p === "　" || p === " " || has(PAUSE, p)) return CUT.pause;
    // after a dash (机关——|中央委员会), not inside it
    if (p === "—" && cjk(c)) return CUT.close;
    // not inside a number or a Latin word, nor —— ……; curly quotes are Chinese here
    var zh = (x) => cjk(x) || has(OPEN + CLOSE, x);
    if (!zh(p) || !zh(c) || (p === c && has("—…", c))) return -1;
    if (has(CLOSE, p)) return CUT.close;
    if (has(OPEN, c)) return CUT.open;
    // text segmented at build time (.lx-w): a <wbr> marks each place between two words, and
    // only there do 的 和 及 end or start one (党的建设, 党和国家, 以及)
    if (chars && chars[j].seg && chars[j - 1].seg && !chars[j].wb) return CUT.split;
    if (has(AFTER_WORD, p) || (has(BEFORE_WORD, c) && !(c === "是" && has("就但于总还正都也而只凡可要若", p)))) return CUT.word;
    if (!chars) return CUT.mid;
    if (chars[j].seg) return opens(chars, j) ? CUT.opener : CUT.mid;
    return opens(chars, j) ? CUT.opener : splits(chars, j) ? CUT.inword : CUT.mid;
  }
  var isMark = (c) => has(CLOSE + OPEN + "！？…—　 ", c);
  /* A centred line is centred by its box, not by its ink: the letter-spacing after its last
     glyph and the empty right half of a mark set to the left of its em (，。！？ in Chinese
     fonts) push the words left; 谢谢！ sat a quarter em left of centre. Its last character
     hangs out by the difference of the empty sides, measured from the font's own glyphs
     (a canvas's measureText: ink boxes, Chromium 77+, Firefox 74+), less a text-indent the
     theme may already give for the letter-spacing. */
  var ink = null;
  function hangBy(cs, first, last, indent) {
    if (!ink) ink = D.createElement("canvas").getContext("2d");
    ink.font = cs.fontStyle + " " + cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
    var a = ink.measureText(first), b = ink.measureText(last);
    if (!(b.actualBoundingBoxRight > 0)) return 0;
    var ls = parseFloat(cs.letterSpacing) || 0;
    return b.width - b.actualBoundingBoxRight + ls + a.actualBoundingBoxLeft - indent;
  }
  function balance(h, heading) {
    [].forEach.call(h.querySelectorAll("br.lx-br"), (b) => b.remove());
    [].forEach.call(h.querySelectorAll(".lx-gap,.lx-hang"), (g) => {
      while (g.firstChild) g.parentNode.insertBefore(g.firstChild, g);
      g.remove();
    });
    [].forEach.call(h.querySelectorAll(".lx-tail"), (e) => e.classList.remove("lx-half"));
    h.normalize();
    var walk = D.createTreeWalker(h, NodeFilter.SHOW_TEXT), chars = [], t;
    while ((t = walk.nextNode())) {
      if (t.parentNode.closest(".badge")) continue;
      var seg = !!t.parentNode.closest(".lx-w"), wb = !!t.previousSibling && t.previousSibling.nodeName === "WBR";
      for (var i = 0; i < t.data.length; i++) if (t.data[i] !== "\n") chars.push({ n: t, o: i, c: t.data[i], seg: seg, wb: wb && !i });
    }
    var n = chars.length, cs = getComputedStyle(h), centred = heading && cs.textAlign === "center";
    var lineEnds = [n];
    if (n >= 4) {
      var box = h.getBoundingClientRect(), k = box.width / (h.offsetWidth || 1);
      var W = box.width - (parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight)) * k;
      var indent = (parseFloat(cs.textIndent) || 0) * k;
      // (a <wbr> still breaks a line in Chromium under nowrap: none while measuring)
      h.style.whiteSpace = "nowrap";
      h.classList.add("lx-measure");
      // Lines start at the content box's left edge, where a ::before marker of a list item
      // sits too; a centred line's start is its first character (or badge).
      var badge = h.querySelector(".badge"), r = D.createRange(), x = [], left = null;
      if (cs.textAlign !== "center") {
        left = box.left + (parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth)) * k;
        indent = 0; // already in the first character's place
      } else if (badge) left = badge.getBoundingClientRect().left;
      chars.forEach((ch) => {
        r.setStart(ch.n, ch.o);
        r.setEnd(ch.n, ch.o + 1);
        var q = r.getBoundingClientRect();
        if (left === null) left = q.left;
        x.push(q.right - left); // the line's width up to and including this character
      });
      h.style.whiteSpace = "";
      h.classList.remove("lx-measure");
      // (a list that takes the width of its widest item fits that item exactly: a pixel of slack)
      if (x[n - 1] + indent > W + k) lineEnds = lines(chars, x, W - k, indent, heading) || lineEnds;
    }
    // from the last break back, so that the positions before each cut stay valid
    for (var j = lineEnds.length - 1; j >= 0; j--) {
      var e = lineEnds[j], end = chars[e - 1], from = j ? lineEnds[j - 1] : 0;
      if (!end) continue;
      if (e < n) {
        var after = chars[e].o ? chars[e].n.splitText(chars[e].o) : chars[e].n;
        after.parentNode.insertBefore(el("br", "lx-br"), after);
      }
      if (e < n && (end.c === "　" || end.c === " ")) {
        wrap(end, "lx-gap");
        end = chars[--e - 1];
      }
      if (!centred || !end || e - from < 1) continue;
      var by = hangBy(cs, chars[from].c, end.c, j ? 0 : parseFloat(cs.textIndent) || 0);
      if (Math.abs(by) >= 0.5) wrap(end, "lx-hang").style.marginRight = -by.toFixed(1) + "px";
    }
  }
  // chars[i] (the last character of its text node by now) in a span of its own
  function wrap(ch, cls) {
    var node = ch.o ? ch.n.splitText(ch.o) : ch.n;
    if (node.data.length > 1) node.splitText(1);
    var span = el("span", cls);
    node.parentNode.replaceChild(span, node);
    span.appendChild(node);
    return span;
  }
  // The ends of the fewest lines no wider than W (or of exactly `more` lines), at the cheapest
  // breaks: lines of even width for a heading, full lines for the rest. x[j] is the width up
  // to the end of chars[j].
  function lines(chars, x, W, indent, heading, more) {
    var n = chars.length, ends = [0];
    var price = (j) => cutCost(chars[j - 1].c, chars[j].c, chars, j);
    for (var j = 1; j < n; j++) if (price(j) >= 0) ends.push(j);
    ends.push(n);
    var letters = (a, b) => { for (var m = 0, i = a; i < b; i++) if (!isMark(chars[i].c)) m++; return m; };
    for (var count = more || 2; count <= (more || 6); count++) {
      var target = x[n - 1] / count, best = [[0]], from = [[-1]];
      for (var e = 1; e < ends.length; e++) {
        best[e] = [];
        from[e] = [];
        var last = e === ends.length - 1, pen = last ? 0 : price(ends[e]);
        for (var a = e - 1; a >= 0; a--) {
          var w = x[ends[e] - 1] - (ends[a] ? x[ends[a] - 1] : 0) + (a ? 0 : indent);
          if (w > W) break; // longer lines only get wider
          if (letters(ends[a], ends[e]) < 2) continue;
          // (a short line in a list is cheaper than a split word: weighed less than a heading's unevenness)
          var d = heading ? (target - w) / W : last ? 0 : (W - w) / W, cost = (heading ? 100 : 40) * d * d + pen;
          for (var m = 0; m < count; m++) {
            if (best[a][m] === undefined) continue;
            if (best[e][m + 1] === undefined || best[a][m] + cost < best[e][m + 1]) {
              best[e][m + 1] = best[a][m] + cost;
              from[e][m + 1] = a;
            }
          }
        }
      }
      var p = ends.length - 1;
      if (best[p][count] === undefined) continue;
      var out = [];
      for (var c = count; p > 0; p = from[p][c], c--) out.unshift(ends[p]);
      // A heading, a key line or an entry takes one more line rather than split a word where it can.
      var splits = (o) => o.some((j) => j < n && (price(j) >= CUT.inword || (price(j) === CUT.mid && !chars[j].seg)));
      if (splits(out) && !more) {
        var longer = lines(chars, x, W, indent, heading, count + 1);
        if (longer && !splits(longer)) return longer;
      }
      return out;
    }
    return null;
  }
  function balanceAll(s) {
    [].forEach.call(s.querySelectorAll(".slide-body h1,.slide-body h2,.slide-body h3"), (h) => balance(h, true));
    [].forEach.call(s.querySelectorAll(".slide-body .keys li,.slide-body .items li"), (h) => balance(h, false));
  }
  /* a picture shown in several places is in the file once: the others take its bytes */
  [].forEach.call(D.querySelectorAll("img[data-lx-pic]:not([src])"), (img) => {
    var first = D.getElementById("lx-pic-" + img.getAttribute("data-lx-pic"));
    if (first) img.src = first.src;
  });

  if (printing) return printMode(printing[1] || "slides");

  /* ---- chrome the runtime owns ---- */
  var bar = el("div", "lx lx-progress", D.body), fill = el("span", "", bar);
  // The theme decides whether the bar shows (layout.show_progress) and gives it its colour.
  bar.hidden = deck.dataset.progress === "false";
  fill.style.background = getComputedStyle(deck).getPropertyValue("--primary").trim();
  var num = el("div", "lx lx-num", D.body);
  var shade = el("div", "lx lx-blank", D.body);
  shade.hidden = true;

  function layout() {
    var k = Math.min(W.innerWidth / CW, W.innerHeight / CH);
    box.style.width = CW + "px";
    box.style.height = CH + "px";
    box.style.transform = "translate(-50%,-50%) scale(" + k + ")";
    if (spk) spk.render();
    if (ov && !ov.hidden) overview(true);
  }

  function go(i, quiet) {
    i = Math.max(0, Math.min(N - 1, i | 0));
    if (i !== cur) {
      if (cur >= 0) slides[cur].classList.remove("present");
      slides[i].classList.add("present");
      cur = i;
      since = Date.now();
      fitBody(prep(i));
      var h = "#/" + (i + 1);
      if (location.hash !== h) {
        try { history.replaceState(null, "", h); } catch (e) { location.hash = h; }
      }
      fill.style.width = (N > 1 ? (100 * i) / (N - 1) : 100) + "%";
      num.textContent = i + 1 + " / " + N;
      num.hidden = !!slides[i].querySelector(".page-number");
      if (ov) [].forEach.call(ov.children, (c, j) => c.classList.toggle("lx-here", j === i));
      if (spk) spk.render();
    }
    if (!quiet) send();
  }
  // lectern watch swaps a rebuilt deck's slides in place, then has the runtime take them
  W.lxSlides = (i) => { slides = [].slice.call(box.children); N = slides.length; cur = -1; go(i, 1); };
  function setBlank(v, quiet) {
    blank = v || "";
    shade.hidden = !blank;
    shade.style.background = blank === "w" ? "#fff" : "#000";
    if (spk) spk.tick();
    if (!quiet) send();
  }

  /* ---- the speaker window and the deck keep each other in step by postMessage.
     From file:// the origin is "null", so target "*" and trust only the known window. */
  function send(extra) {
    var t = speakerPage ? W.opener : peer;
    if (!t || t.closed) return;
    var m = { lectern: 1, i: cur, blank: blank };
    for (var k in extra || {}) m[k] = extra[k];
    try { t.postMessage(m, "*"); } catch (e) { /* window gone */ }
  }
  W.addEventListener("message", (e) => {
    var m = e.data;
    if (!m || m.lectern !== 1) return;
    if (speakerPage) {
      if (e.source !== W.opener) return;
    } else {
      var ours = e.source === peer;
      try { ours = ours || (e.source && e.source.opener === W); } catch (x) { /* cross-origin */ }
      if (!ours) return;
      peer = e.source;
    }
    if (m.hello) return send();
    if (m.start && spk) spk.reset();
    if (m.blank !== blank) setBlank(m.blank, true);
    go(m.i, true);
  });

  function openSpeaker() {
    if (spk) return closeSpeaker();
    if (peer && !peer.closed) return peer.focus();
    var url = location.href.replace(/[?#].*$/, "") + "?speaker#/" + (cur + 1);
    var w = null;
    try { w = W.open(url, "lectern-speaker", "width=1280,height=800"); } catch (e) { w = null; }
    if (w) peer = w;
    else speakerUI(el("div", "lx lx-spk", D.body)); // pop-up blocked: the same view in the page
  }
  function closeSpeaker() {
    if (spk && !speakerPage) { clearInterval(spk.timer); spk.root.remove(); spk = null; }
  }

  /* Speaker view: current and next slide, notes in large type, timers and pace. */
  function speakerUI(root) {
    var btn = (a, t) => '<button type="button" data-a="' + a + '">' + t + "</button>";
    root.innerHTML =
      '<div class="lx-sbar"><span class="lx-el" title="已用时间">0:00</span><span class="lx-clock"></span>' +
      '<span class="lx-slot"></span><span class="lx-pace"></span><span class="lx-pg"></span><span class="lx-sp"></span>' +
      btn("prev", "‹ 上一页") + btn("next", "下一页 ›") + btn("small", "A−") + btn("big", "A+") +
      btn("reset", "计时归零") + (speakerPage ? "" : btn("close", "关闭")) +
      '</div><div class="lx-smain"><div class="lx-side"><div class="lx-lab">当前</div><div class="lx-cur"></div>' +
      '<div class="lx-lab">下一页</div><div class="lx-next"></div></div><div class="lx-notes"></div></div>';
    var $ = (c) => root.querySelector(".lx-" + c);
    var t0 = Date.now(), size = +store("notes") || 34;
    var notes = $("notes");
    var self = {
      root: root,
      reset: () => { t0 = Date.now(); self.tick(); },
      tick: () => {
        var now = Date.now(), e = (now - t0) / 1000, on = (now - since) / 1000;
        var a = before(cur), b = a + timing(cur);
        $("el").textContent = clock(e);
        $("clock").textContent = new Date(now).toTimeString().slice(0, 8);
        var slot = $("slot");
        slot.textContent = "本页 " + clock(on) + " / 计划 " + clock(timing(cur));
        slot.classList.toggle("lx-late", on > timing(cur) && timing(cur) > 0);
        var p = $("pace");
        p.textContent = e < a ? "提前 " + clock(a - e) : e > b ? "落后 " + clock(e - b) : "进度正常";
        p.className = "lx-pace " + (e < a ? "lx-ahead" : e > b ? "lx-late" : "");
        $("pg").textContent = "第 " + (cur + 1) + " / " + N + " 页 · 全程 " + clock(+deck.dataset.totalSeconds || before(N)) +
          (blank ? (blank === "w" ? " · 白屏" : " · 黑屏") : "");
      },
      render: () => {
        if (cur < 0) return;
        [$("cur"), $("next")].forEach((h, j) => {
          h.textContent = "";
          if (cur + j < N) mini(cur + j, h, h.clientWidth / CW);
          else el("div", "lx-end", h).textContent = "（已是最后一页）";
        });
        notes.innerHTML = '<h2 class="lx-nt">' + (cur + 1) + ". " + titleOf(cur).replace(/</g, "&lt;") + "</h2>" +
          (notesOf(cur) || '<p class="lx-none">（本页无备注）</p>');
        notes.scrollTop = 0;
        self.tick();
      },
    };
    var font = (d) => {
      size = Math.max(16, Math.min(96, size + d));
      notes.style.fontSize = size + "px";
      store("notes", size);
    };
    font(0);
    root.addEventListener("click", (e) => {
      var a = e.target.getAttribute("data-a");
      if (!a) return;
      e.target.blur();
      if (a === "prev") go(cur - 1);
      else if (a === "next") go(cur + 1);
      else if (a === "small") font(-4);
      else if (a === "big") font(4);
      else if (a === "reset") self.reset();
      else closeSpeaker();
    });
    self.timer = setInterval(self.tick, 1000);
    spk = self;
    self.render();
  }

  /* ---- overview grid: every slide as a thumbnail, click one to go there ---- */
  function overview(on) {
    if (!ov) {
      ov = el("div", "lx lx-ov", D.body);
      ov.addEventListener("click", (e) => {
        for (var t = e.target; t && t !== ov; t = t.parentNode) {
          if (t.dataset && t.dataset.i) { go(+t.dataset.i); overview(false); return; }
        }
      });
    }
    ov.hidden = !on;
    if (!on) return;
    ov.textContent = "";
    // The fewest columns that fit every thumbnail on screen (past 8 the grid scrolls).
    for (var cols = 2, k; cols < 8; cols++) {
      k = (ov.clientWidth - 40 - cols * 28) / cols / CW;
      if (Math.ceil(N / cols) * (CH * k + 60) <= ov.clientHeight) break;
    }
    slides.forEach((s, i) => {
      var c = el("div", "lx-cell" + (i === cur ? " lx-here" : ""), ov);
      c.dataset.i = i;
      mini(i, c, k);
      el("div", "lx-cap", c).textContent = i + 1 + ". " + titleOf(i);
    });
    var here = ov.children[cur];
    if (here && here.scrollIntoView) here.scrollIntoView({ block: "nearest" });
  }

  function toggleHelp(on) {
    if (!help) {
      var rows = [
        ["→ ↓ 空格 PgDn N", "下一页"], ["← ↑ PgUp P", "上一页"], ["Home / End", "第一页 / 最后一页"],
        ["页码 + 回车，或 G", "跳到指定页"], ["O / Esc", "总览（点击缩略图跳转）"], ["F", "全屏"],
        ["F5 / Shift+F5", "从头放映 / 从当前页放映"], ["B 或 . / W", "黑屏 / 白屏（再按一次恢复）"],
        ["S", "演讲者视图（备注、计时）"], ["?", "显示或关闭本帮助"],
      ];
      help = el("div", "lx lx-help", D.body, "<div><h2>放映快捷键</h2><table>" +
        rows.map((r) => "<tr><th>" + r[0] + "</th><td>" + r[1] + "</td></tr>").join("") +
        "</table><p>打印：地址后加 ?print（每页一张，与幻灯片同大；加 &amp;page=a4 为 A4 横向）、?print=handout（讲义，每页三张；加 &amp;per=2 或 &amp;per=1 为两张、一张）、?print=script（讲稿）</p></div>");
      help.hidden = true;
      help.addEventListener("click", () => toggleHelp(false));
    }
    help.hidden = on === undefined ? !help.hidden : !on;
  }

  function showJump(prompt) {
    if (prompt) prompting = true;
    if (!jump) jump = el("div", "lx lx-jump", D.body);
    jump.hidden = false;
    jump.textContent = "跳转到第 " + (digits || "_") + " 页" + (prompting ? "（输入页码，回车确认）" : "");
    clearTimeout(jumpTimer);
    if (!prompting) jumpTimer = setTimeout(endJump, 3000); // typed digits alone time out
  }
  function endJump() {
    digits = "";
    prompting = false;
    clearTimeout(jumpTimer);
    if (jump) jump.hidden = true;
  }

  function fullscreen(on) {
    try {
      if (on === false || (on === undefined && D.fullscreenElement)) {
        if (D.fullscreenElement) D.exitFullscreen();
      } else if (!D.fullscreenElement && H.requestFullscreen) {
        var p = H.requestFullscreen();
        if (p && p.catch) p.catch(() => {});
      }
    } catch (e) { /* not allowed here: the slides still work */ }
  }
  function start(from) {
    setBlank("");
    go(from);
    send({ start: 1 });
    if (spk) spk.reset();
    if (!speakerPage) fullscreen(true);
  }

  function escape() {
    if (help && !help.hidden) toggleHelp(false);
    else if (jump && !jump.hidden) endJump();
    else if (blank) setBlank("");
    else if (spk && !speakerPage) closeSpeaker();
    else if (!speakerPage) overview(!ov || ov.hidden);
  }

  var next = () => go(cur + 1), prev = () => go(cur - 1);
  var keys = {
    ArrowRight: next, ArrowDown: next, Space: next, PageDown: next, KeyN: next,
    ArrowLeft: prev, ArrowUp: prev, PageUp: prev, KeyP: prev, Backspace: prev,
    Home: () => go(0), End: () => go(N - 1),
    KeyG: () => showJump(true), KeyO: () => overview(!ov || ov.hidden), Escape: escape,
    KeyF: () => fullscreen(), F5: (e) => start(e.shiftKey ? cur : 0),
    KeyB: () => setBlank(blank === "b" ? "" : "b"), Period: () => setBlank(blank === "b" ? "" : "b"),
    KeyW: () => setBlank(blank === "w" ? "" : "w"), Comma: () => setBlank(blank === "w" ? "" : "w"),
    KeyS: () => speakerPage || openSpeaker(), Slash: () => toggleHelp(),
    Enter: () => { if (ov && !ov.hidden) overview(false); else next(); },
  };
  var moves = /^(Arrow|Space|Page|Key[NP]$|Backspace|Home|End|Enter)/;

  // Keys by event.code, so they work with a Chinese IME switched on.
  D.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName || "") && e.code !== "F5") return;
    var c = e.code || e.key;
    // The keypad with NumLock off sends code Numpad3 and key PageDown: go by the key.
    if (/^Numpad\d$/.test(c) && /^[A-Z]/.test(e.key) && e.key !== "Process") c = e.key;
    var d = /^(?:Digit|Numpad)(\d)$/.exec(c);
    if (d) { digits = (digits + d[1]).slice(-4); showJump(); }
    else if (/Enter$/.test(c) && digits) { go(+digits - 1); endJump(); }
    else if (keys[c]) {
      if (blank && moves.test(c)) setBlank(""); // any move first brings the slide back
      else keys[c](e);
    } else return;
    e.preventDefault();
  });

  var tx = null, ty = 0;
  D.addEventListener("touchstart", (e) => {
    var t = e.touches[0];
    tx = e.touches.length === 1 && !e.target.closest(".lx-notes,.lx-ov") ? t.clientX : null;
    ty = t.clientY;
  }, { passive: true });
  D.addEventListener("touchend", (e) => {
    if (tx === null) return;
    var t = e.changedTouches[0], dx = t.clientX - tx, dy = t.clientY - ty, d = Math.abs(dx) > Math.abs(dy) ? dx : dy;
    tx = null;
    if (Math.abs(d) > 40) go(cur + (d < 0 ? 1 : -1));
  }, { passive: true });

  var fromHash = () => { var m = /^#\/(\d+)/.exec(location.hash); go(m ? +m[1] - 1 : cur < 0 ? 0 : cur); };
  W.addEventListener("hashchange", fromHash);
  W.addEventListener("resize", layout);
  if (speakerPage) {
    H.classList.add("lx-speaker");
    D.title = "演讲者视图 · " + D.title;
    speakerUI(el("div", "lx lx-spk", D.body));
  }
  layout();
  fromHash();
  if (speakerPage) send({ hello: 1 });
  // Web fonts or late CJK fallback can change heights: measure again once they settle.
  if (D.fonts && D.fonts.ready) D.fonts.ready.then(() => { if (cur >= 0) fitBody(slides[cur]); if (spk) spk.render(); });

  /* ---- print: ?print one slide a page, ?print=handout slides + notes, ?print=script 讲稿 ----
     ?print: pages of the slide's own size (16:9 or 4:3), edge to edge; ?print&page=a4 A4
     landscape, the slide fitted and centred; ?print&page=16x9 (or 4x3) pages of that shape. ?print=handout: A4 portrait, three slides a page (per=2, per=1 on
     request). Slides shrink with CSS zoom, which also shrinks their layout box: a scaled-down
     transform keeps its full-size box, which the page break cuts (a slide's foot once went
     missing in the PDF). Where zoom is missing (Firefox before 126) pages are canvas-sized and
     the print dialog fits them to the paper. */
  function printMode(mode) {
    H.classList.add("lx-print", "lx-print-" + mode);
    var css = el("style", "", D.head), MM = 96 / 25.4;
    var zoom = !!(W.CSS && CSS.supports && CSS.supports("zoom", "1"));
    var arg = (k, d) => { var m = new RegExp("[?&]" + k + "=(\\w+)").exec(q); return m ? m[1].toLowerCase() : d; };
    if (mode === "slides") {
      var shape = arg("page", "slide"), pw = CW, ph = CH, size = CW + "px " + CH + "px";
      if (shape === "a4") { pw = 297 * MM; ph = 210 * MM; size = "A4 landscape"; }
      if (shape === "16x9" || shape === "4x3") { pw = shape === "16x9" ? 1920 : 1440; ph = 1080; size = pw + "px " + ph + "px"; }
      if (!zoom) { pw = CW; ph = CH; size = CW + "px " + CH + "px"; }
      // a hair under the page, so that rounding never pushes a slide onto a page of its own
      var k = Math.min(pw / CW, ph / CH) * 0.998;
      var my = Math.max(0, Math.floor((ph - CH * k) / 2 / k) - 1), mx = Math.max(0, Math.floor((pw - CW * k) / 2 / k));
      css.textContent = "@page{size:" + size + ";margin:0}.lx-print-slides .reveal .slides>section{width:" + CW + "px;height:" + CH + "px" +
        (k < 0.99 ? ";zoom:" + k + ";margin:" + my + "px " + mx + "px" : "") + "}";
      slides.forEach((s, i) => fitBody(prep(i)));
      return;
    }
    var per = mode === "handout" ? Math.max(1, Math.min(3, +arg("per", "3") || 3)) : 0;
    // Handout: three a page, each slide at the left of its third with its notes beside it
    // (a 16:9 slide the full width of the page would need 102 mm of the 91 mm a third has);
    // two a page, the slide above its notes; one a page, the slide the page's width.
    var high = [0, 102, 79, 50][per] * MM, k2 = Math.min(high / CH, 182 * MM / CW);
    if (per) H.classList.add("lx-per" + per);
    css.textContent = "@page{size:A4 portrait;margin:" + (per ? "12mm 14mm" : "14mm 16mm") + "}" +
      "@supports (zoom:1){.lx-print-handout .lx-mini .slides{transform:none!important;zoom:" + k2 + "}}";
    var out = el("div", "lx-" + mode, D.body);
    // the slide's column of the three-a-page grid (custom properties: Chromium 49, Firefox 31)
    if (per === 3) out.style.setProperty("--lx-thumb", CW * k2 + 2 + "px");
    if (mode === "script") {
      var st = el("h1", "lx-st", out);
      st.textContent = D.title;
      balance(st, true);
    }
    slides.forEach((s, i) => {
      var sheet = el("div", "lx-sheet", out);
      if (per) mini(i, sheet, k2);
      var col = per ? el("div", "lx-hn", sheet) : sheet, head = el("div", "lx-mark", col);
      head.textContent = "第 " + (i + 1) + " / " + N + " 页" + (mode === "script" ? " · " + titleOf(i) : "") +
        (timing(i) ? " · 约 " + clock(timing(i)) : "");
      el("div", "lx-pn", col, notesOf(i));
    });
    if (per < 2) return;
    // Each slide takes its share of the page (89 of 273 mm, 134 for two), more when its notes
    // need it. The handout is as wide on screen as on paper (182 mm), so these heights are
    // the printed ones; fonts that arrive late change them, so measure again then.
    var slot = (per === 3 ? 89 : 134) * MM;
    var space = () => [].forEach.call(out.children, (s) => {
      s.style.marginBottom = "";
      s.style.marginBottom = Math.max(MM, slot - s.offsetHeight) + "px";
    });
    space();
    if (D.fonts && D.fonts.ready) D.fonts.ready.then(space);
  }
})();
