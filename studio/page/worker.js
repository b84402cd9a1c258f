// The compiler's thread: the page posts {id, op, ...}; each answer is {id, ok, ...}.
// The WebAssembly module keeps the last good deck; a trap (out of memory, say) leaves
// its memory unusable, so the instance is made anew from the compiled module.
'use strict';
let module = null;
let wasm = null;

// The compiler needs nothing from the page. A dependency's wasm32 code may still name a
// JavaScript function it never calls here (web-time's clock, through js-sys): each gets
// a stand-in that fails loudly if it ever is called.
function imports() {
  const table = {};
  WebAssembly.Module.imports(module).forEach(function (imp) {
    if (imp.kind !== 'function') return;
    table[imp.module] = table[imp.module] || {};
    table[imp.module][imp.name] = function () {
      throw new Error('the compiler called ' + imp.module + '.' + imp.name + ', which the page does not provide');
    };
  });
  return table;
}

function instantiate() {
  return WebAssembly.instantiate(module, imports()).then(function (instance) {
    wasm = instance.exports;
  });
}

function put(bytes) {
  const ptr = wasm.studio_alloc(bytes.length);
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  return ptr;
}

function result() {
  const ptr = wasm.studio_result_ptr();
  const len = wasm.studio_result_len();
  return new Uint8Array(wasm.memory.buffer, ptr, len).slice();
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

// Calls an export with byte arguments (each as a pointer and a length).
function call(name, args) {
  const flat = [];
  for (const a of args) {
    flat.push(put(a), a.length);
  }
  const ok = wasm[name].apply(null, flat);
  return { ok: ok === 1, bytes: result() };
}

function failure(bytes) {
  return JSON.parse(text.decode(bytes));
}

function handle(msg) {
  const t0 = performance.now();
  if (msg.op === 'init') {
    const raw = atob(msg.wasm);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return WebAssembly.compile(bytes).then(function (m) {
      module = m;
      return instantiate();
    }).then(function () {
      // A first small build prepares the default theme (templates, CSS), so that the
      // user's first file is as quick as every later one.
      const warm = call('studio_compile', [utf8.encode('讲稿\n\n一、开头\n正文。\n'), utf8.encode('{}')]);
      if (warm.ok) call('studio_write', [utf8.encode('html')]);
      wasm.studio_themes();
      return { ok: true, themes: JSON.parse(text.decode(result())), ms: performance.now() - t0 };
    });
  }
  if (msg.op === 'compile') {
    const r = call('studio_compile', [new Uint8Array(msg.input), utf8.encode(JSON.stringify(msg.controls))]);
    if (!r.ok) return failure(r.bytes);
    const meta = JSON.parse(text.decode(r.bytes));
    const w = call('studio_write', [utf8.encode('html')]);
    if (!w.ok) return failure(w.bytes);
    meta.html = w.bytes.buffer;
    meta.ms = performance.now() - t0;
    return meta;
  }
  if (msg.op === 'write') {
    const w = call('studio_write', [utf8.encode(msg.name)]);
    if (!w.ok) return failure(w.bytes);
    return { ok: true, name: msg.name, bytes: w.bytes.buffer };
  }
  if (msg.op === 'theme') {
    const r = call('studio_theme_zip', [new Uint8Array(msg.zip)]);
    return JSON.parse(text.decode(r.bytes));
  }
  return { ok: false, kind: 'op', message: 'unknown op ' + msg.op, zh: '未知操作' };
}

self.onmessage = function (e) {
  const msg = e.data;
  let answer;
  try {
    answer = Promise.resolve(handle(msg));
  } catch (err) {
    answer = Promise.reject(err);
  }
  answer.catch(function (err) {
    // A trap: start a fresh instance (the last deck is gone; the page sends it again).
    const crashed = { ok: false, kind: 'crash', message: String(err), zh: '编译器出错（' + String(err) + '）', crashed: true };
    return module ? instantiate().then(function () { return crashed; }, function () { return crashed; }) : crashed;
  }).then(function (a) {
    a.id = msg.id;
    const transfer = [];
    if (a.html) transfer.push(a.html);
    if (a.bytes) transfer.push(a.bytes);
    self.postMessage(a, transfer);
  });
};
