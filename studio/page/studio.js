// 讲稿工作台: the page's side. The compiler runs in a Web Worker (made from the text of
// #worker-src, with the WebAssembly from #wasm); this thread only draws what it answers.
'use strict';
(function () {
  const $ = function (id) { return document.getElementById(id); };

  const WORDS = {
    zh: {
      title: '讲稿工作台', privacy: '文字只在这台电脑上处理，不会上传，也不会保存（除非你下载）。',
      open: '打开讲稿…', theme: '主题', auto: '按讲稿', load_theme: '载入主题 .zip / 模板…', load_folder: '主题文件夹…', aspect: '比例',
      content: '内容', key: '要点', title_only: '只有标题', full: '全文', minutes: '总分钟',
      rate: '语速（字/分）', dl_html: '下载 HTML', dl_pptx: '下载 PPTX',
      start: '打开或拖入一篇讲稿（.txt、.md、.docx）', outline: '提纲', warnings: '提示',
      editor: '讲稿', preview: '预览（点击后用方向键翻页）', drop: '松开鼠标，打开这个文件',
      loading: '正在准备编译器…', working: '正在编译…', none: '没有提示', line: '第 {n} 行',
      para: '第 {n} 段', summary: '{slides} 张幻灯片，约 {min} 分钟', ms: '（{ms} 毫秒）',
      too_big: '{name}：文件有 {mb} MB，不像是讲稿（讲稿一般不过几 MB）；请确认选的是讲稿文件',
      read_fail: '{name}：读不出这个文件（{e}）', kept: '（上一次的幻灯片还在）',
      edited_docx: '（已按编辑后的文字编译）', theme_loaded: '已载入主题 {name}',
      missed: '模板里未能取得：{list}',
      folder_big: '{name}：文件夹里的文件共 {mb} MB，不像是主题文件夹（主题一般不过几 MB）；请选择主题文件夹本身',
      lang: 'English', level: '{n} 级', empty_outline: '（没有找到分级标题）'
    },
    en: {
      title: 'Lecture studio', privacy: 'Your text stays on this computer: nothing is uploaded or stored unless you download it.',
      open: 'Open lecture…', theme: 'Theme', auto: 'as the lecture says', load_theme: 'Theme .zip / template…', load_folder: 'Theme folder…', aspect: 'Aspect',
      content: 'Content', key: 'key sentences', title_only: 'title only', full: 'full text', minutes: 'Minutes',
      rate: 'Rate (chars/min)', dl_html: 'Download HTML', dl_pptx: 'Download PPTX',
      start: 'Open or drop a lecture (.txt, .md, .docx)', outline: 'Outline', warnings: 'Warnings',
      editor: 'Lecture', preview: 'Preview (click it, then use the arrow keys)', drop: 'Drop to open this file',
      loading: 'Preparing the compiler…', working: 'Compiling…', none: 'No warnings', line: 'line {n}',
      para: 'paragraph {n}', summary: '{slides} slides, about {min} min', ms: '({ms} ms)',
      too_big: '{name}: {mb} MB is not a lecture (lectures are a few MB at most); check the file',
      read_fail: '{name}: cannot read this file ({e})', kept: '(the last good deck stays)',
      edited_docx: '(compiled from the edited text)', theme_loaded: 'Loaded theme {name}',
      missed: 'Not taken from the template: {list}',
      folder_big: '{name}: the folder holds {mb} MB, not a theme folder (themes are a few MB); choose the theme folder itself',
      lang: '中文', level: 'level {n}', empty_outline: '(no numbered headings found)'
    }
  };
  // Bigger than this is not a lecture: the compiler would need far more memory than a
  // tab has, and the CLI refuses such files too.
  const MAX_BYTES = 16 << 20;

  let lang = 'zh';
  const w = function (key, args) {
    let s = WORDS[lang][key] || key;
    for (const k in args || {}) s = s.split('{' + k + '}').join(args[k]);
    return s;
  };

  const state = {
    name: '', input: null, fromFile: true, lastGood: null, result: null, error: null,
    busy: false, ready: false, pending: null, chosenAt: 0, deckUrl: null, nextId: 1
  };
  const waiting = {};
  window.studio = { timings: [], state: state };

  // The worker, from the page's own text: no file or network is read.
  const src = new Blob([$('worker-src').textContent], { type: 'text/javascript' });
  const worker = new Worker(URL.createObjectURL(src));
  worker.onmessage = function (e) {
    const done = waiting[e.data.id];
    delete waiting[e.data.id];
    if (done) done(e.data);
  };
  function ask(msg, transfer) {
    msg.id = state.nextId++;
    return new Promise(function (resolve) {
      waiting[msg.id] = resolve;
      worker.postMessage(msg, transfer || []);
    });
  }

  function translate() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = w(el.dataset.t); });
    $('lang').textContent = w('lang');
    document.title = w('title') + ' · lectern';
    if (state.result) show(state.result);
    showError();
    showMissed();
  }
  $('lang').onclick = function () { lang = lang === 'zh' ? 'en' : 'zh'; translate(); };

  function controls() {
    return {
      name: state.name,
      theme: $('theme').value, aspect: $('aspect').value, content: $('content').value,
      minutes: +$('minutes').value || 0, rate: +$('rate').value || 0,
      text: state.fromFile
    };
  }

  // One compile at a time; while one runs, only the newest request waits.
  function compile() {
    if (!state.input) return;
    if (state.busy || !state.ready) { state.pending = true; return; }
    state.busy = true;
    state.pending = false;
    $('summary').textContent = w('working');
    const input = state.input;
    const sent = { input: input.slice(0), controls: controls() };
    ask({ op: 'compile', input: sent.input, controls: sent.controls }, [sent.input]).then(function (r) {
      state.busy = false;
      // A file's text, as the compiler read it (any encoding; a Word file's paragraphs).
      if (r.text !== undefined) {
        state.fromFile = false;
        $('editor').value = r.text;
        $('filename').textContent = sent.controls.name;
      }
      if (r.ok) {
        const total = performance.now() - state.chosenAt;
        window.studio.timings.push({ name: state.name, compile_ms: r.ms, total_ms: total, slides: r.slides });
        state.lastGood = { input: input, controls: sent.controls };
        state.result = r;
        state.error = null;
        show(r);
        preview(r.html);
        $('timing').textContent = w('ms', { ms: Math.round(total) });
        document.body.dataset.compiled = String(window.studio.timings.length);
      } else {
        state.error = r;
        if (r.diagnostics) { state.result = Object.assign({}, state.result || {}, { diagnostics: r.diagnostics }); show(state.result, true); }
        showError();
        if (r.crashed && state.lastGood) resend();
        if (state.result) show(state.result, true);
      }
      if (state.pending) compile();
    });
  }

  // After a crash the worker has a fresh compiler without the last deck: give it back.
  function resend() {
    const g = state.lastGood;
    const input = g.input.slice(0);
    ask({ op: 'compile', input: input, controls: g.controls }, [input]);
  }

  function showError() {
    const box = $('error');
    const e = state.error;
    box.hidden = !e;
    if (!e) return;
    const words = lang === 'zh' ? (e.zh || e.message) : e.message;
    box.textContent = words + (state.result ? ' ' + w('kept') : '');
    $('summary').textContent = state.result ? summary(state.result) : w('start');
  }

  function showMissed() {
    const list = (state.missed || []).map(function (n) { return lang === 'zh' ? n.zh : n.en; });
    $('themenote').textContent = list.length ? w('missed', { list: list.join(lang === 'zh' ? '；' : '; ') }) : '';
  }

  function summary(r) {
    return w('summary', { slides: r.slides, min: Math.ceil(r.seconds / 60) });
  }

  function show(r, keepError) {
    if (!keepError) { state.error = null; showError(); }
    if (r.slides !== undefined) $('summary').textContent = summary(r);
    outline(r.outline);
    warnings(r.diagnostics || [], r.line_word);
    $('dl-html').disabled = $('dl-pptx').disabled = !r.html && !state.lastGood;
  }

  function lineWord(n, word) { return w(word === 'paragraph' ? 'para' : 'line', { n: n }); }

  function outline(o) {
    const box = $('outline');
    box.textContent = '';
    if (!o) return;
    if (o.title) {
      const t = document.createElement('p');
      t.className = 'deck-title';
      t.textContent = o.title;
      box.appendChild(t);
    }
    function tree(nodes) {
      const ul = document.createElement('ul');
      nodes.forEach(function (n) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '#';
        a.dataset.line = n.line;
        a.className = 'node' + (n.inline ? ' inline' : '');
        const m = document.createElement('span');
        m.className = 'marker';
        m.textContent = n.marker || '';
        const lv = document.createElement('span');
        lv.className = 'level';
        lv.textContent = n.level ? w('level', { n: n.level }) : '';
        a.appendChild(m);
        a.appendChild(document.createTextNode(n.title || ''));
        a.appendChild(lv);
        li.appendChild(a);
        if (n.children && n.children.length) li.appendChild(tree(n.children));
        ul.appendChild(li);
      });
      return ul;
    }
    box.appendChild(tree(o.nodes || []));
    if (!(o.nodes || []).length) {
      const p = document.createElement('p');
      p.textContent = w('empty_outline');
      box.appendChild(p);
    }
  }

  function warnings(list, word) {
    const ol = $('warnings');
    ol.textContent = '';
    if (!list.length) {
      const li = document.createElement('li');
      li.className = 'none';
      li.textContent = w('none');
      ol.appendChild(li);
    }
    list.forEach(function (d) {
      const li = document.createElement('li');
      li.className = d.severity;
      const a = document.createElement('a');
      a.href = '#';
      a.dataset.line = d.line;
      a.textContent = lineWord(d.line, word) + ' ' + d.code;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + (lang === 'zh' ? d.zh : d.message)));
      const help = lang === 'zh' ? d.zh_help : d.help;
      if (help) {
        const h = document.createElement('div');
        h.className = 'help';
        h.textContent = help;
        li.appendChild(h);
      }
      ol.appendChild(li);
    });
  }

  // A click on an outline node or a warning puts the editor's cursor on its line.
  document.addEventListener('click', function (e) {
    const a = e.target.closest && e.target.closest('a[data-line]');
    if (!a) return;
    e.preventDefault();
    jump(+a.dataset.line);
  });
  function jump(line) {
    const ed = $('editor');
    const text = ed.value;
    let at = 0;
    for (let i = 1; i < line && at >= 0; i++) at = text.indexOf('\n', at) + 1 || -1;
    if (at < 0) at = text.length;
    const end = text.indexOf('\n', at);
    ed.focus();
    ed.setSelectionRange(at, end < 0 ? text.length : end);
    const lh = parseFloat(getComputedStyle(ed).lineHeight) || 20;
    // rows above, wrapped lines counted roughly by the textarea's width in characters
    const before = text.slice(0, at).split('\n');
    const perRow = Math.max(10, Math.floor(ed.clientWidth / (parseFloat(getComputedStyle(ed).fontSize) || 14)));
    let rows = 0;
    before.forEach(function (l) { rows += Math.max(1, Math.ceil(l.length / perRow)); });
    ed.scrollTop = Math.max(0, (rows - 3) * lh);
    document.body.dataset.jumped = String(line);
  }

  // The preview is a blob: document with an opaque origin (the page is a file://), so
  // this page cannot look inside it; it only learns that it loaded.
  let previews = 0;
  $('preview').addEventListener('load', function () {
    if (this.src) document.body.dataset.previewed = String(++previews);
  });
  function preview(html) {
    const frame = $('preview');
    let hash = '';
    try { hash = frame.contentWindow.location.hash; } catch (e) { hash = ''; }
    const old = state.deckUrl;
    state.deckUrl = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    state.deckHtml = html;
    frame.src = state.deckUrl + (hash || '');
    if (old) setTimeout(function () { URL.revokeObjectURL(old); }, 1000);
  }

  // Opening: a file chosen or dropped.
  function open(file) {
    state.chosenAt = performance.now();
    if (file.size > MAX_BYTES) {
      state.error = { message: w('too_big', { name: file.name, mb: (file.size / 1048576).toFixed(1) }) };
      state.error.zh = state.error.message;
      showError();
      return;
    }
    const reader = new FileReader();
    reader.onload = function () {
      state.name = file.name;
      state.input = reader.result;
      state.fromFile = true;
      compile();
    };
    reader.onerror = function () {
      state.error = { message: w('read_fail', { name: file.name, e: String(reader.error) }) };
      state.error.zh = state.error.message;
      showError();
    };
    reader.readAsArrayBuffer(file);
  }
  $('file').onchange = function () { if (this.files[0]) open(this.files[0]); this.value = ''; };
  document.addEventListener('dragover', function (e) { e.preventDefault(); $('drop').hidden = false; });
  document.addEventListener('dragleave', function (e) { if (!e.relatedTarget) $('drop').hidden = true; });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    $('drop').hidden = true;
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) open(f);
  });

  // Typing recompiles after a pause, in the worker: the text is sent as UTF-8 (an
  // edited Word file is compiled from its text).
  let typing = 0;
  $('editor').addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      state.input = new TextEncoder().encode($('editor').value).buffer;
      if (/\.docx$/i.test(state.name)) state.name = state.name.replace(/\.docx$/i, '.txt');
      state.fromFile = false;
      state.chosenAt = performance.now();
      compile();
    }, 300);
  });
  ['theme', 'aspect', 'content'].forEach(function (id) {
    $(id).addEventListener('change', function () { state.chosenAt = performance.now(); compile(); });
  });
  // minutes and rate both set the timing: one typed clears the other, as the CLI allows one
  $('minutes').addEventListener('change', function () { if (this.value) $('rate').value = ''; state.chosenAt = performance.now(); compile(); });
  $('rate').addEventListener('change', function () { if (this.value) $('minutes').value = ''; state.chosenAt = performance.now(); compile(); });

  // A loaded theme (a .zip, a template or a folder) is chosen and the deck made in it.
  function themeLoaded(r) {
    if (!r.ok) { state.error = r; showError(); return; }
    // what `lectern theme import` would report as not taken from a template
    state.missed = r.missed || [];
    showMissed();
    const sel = $('theme');
    if (![].some.call(sel.options, function (o) { return o.value === r.name; })) {
      const o = document.createElement('option');
      o.value = o.textContent = r.name;
      sel.appendChild(o);
    }
    sel.value = r.name;
    state.chosenAt = performance.now();
    compile();
  }
  $('themezip').onchange = function () {
    const f = this.files[0];
    this.value = '';
    if (!f) return;
    f.arrayBuffer().then(function (buf) {
      return ask({ op: 'theme', name: f.name, zip: buf }, [buf]);
    }).then(themeLoaded);
  };
  // A theme folder from the folder picker, its files packed as the compiler reads them
  // (theme_zip.rs, read_packed): per file, the path's and the content's u32 lengths
  // before each.
  const MAX_THEME_BYTES = 32 << 20;
  $('themedir').onchange = function () {
    const files = [].slice.call(this.files);
    this.value = '';
    if (!files.length) return;
    const total = files.reduce(function (n, f) { return n + f.size; }, 0);
    const top = (files[0].webkitRelativePath || files[0].name).split('/')[0];
    if (total > MAX_THEME_BYTES) {
      const mb = (total / 1048576).toFixed(0);
      state.error = { message: w('folder_big', { name: top, mb: mb }) };
      showError();
      return;
    }
    Promise.all(files.map(function (f) { return f.arrayBuffer(); })).then(function (bufs) {
      const names = files.map(function (f) { return new TextEncoder().encode(f.webkitRelativePath || f.name); });
      let size = 0;
      bufs.forEach(function (b, i) { size += 8 + names[i].length + b.byteLength; });
      const packed = new Uint8Array(size), view = new DataView(packed.buffer);
      let at = 0;
      bufs.forEach(function (b, i) {
        view.setUint32(at, names[i].length, true); packed.set(names[i], at + 4); at += 4 + names[i].length;
        view.setUint32(at, b.byteLength, true); packed.set(new Uint8Array(b), at + 4); at += 4 + b.byteLength;
      });
      return ask({ op: 'themefolder', packed: packed.buffer }, [packed.buffer]);
    }).then(themeLoaded);
  };

  // Downloads: the bytes of the last good deck, under the lecture's name.
  function download(kind) {
    ask({ op: 'write', name: kind }).then(function (r) {
      if (!r.ok) { state.error = r; showError(); return; }
      const type = kind === 'html' ? 'text/html' : 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
      const blob = new Blob([r.bytes], { type: type });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      // the name of the lecture the deck was made from, not of a file that failed since
      const name = state.lastGood ? state.lastGood.controls.name : state.name;
      a.download = (name.replace(/\.[^.]*$/, '') || 'deck') + '.' + kind;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
    });
  }
  $('dl-html').onclick = function () { download('html'); };
  $('dl-pptx').onclick = function () { download('pptx'); };

  $('summary').textContent = w('loading');
  ask({ op: 'init', wasm: $('wasm').textContent.trim(), size: +$('wasm').dataset.size }).then(function (r) {
    if (!r.ok) { state.error = r; showError(); return; }
    const sel = $('theme');
    r.themes.forEach(function (name) {
      const o = document.createElement('option');
      o.value = o.textContent = name;
      sel.appendChild(o);
    });
    window.studio.initMs = r.ms;
    state.ready = true;
    document.body.dataset.ready = '1';
    $('summary').textContent = w('start');
    if (state.input) compile();
  });
})();
