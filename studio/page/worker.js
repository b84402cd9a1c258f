// The compiler's thread: the page posts {id, op, ...}; each answer is {id, ok, ...}.
// The WebAssembly module keeps the last good deck; a trap (out of memory, say) leaves
// its memory unusable, so the instance is made anew from the compiled module.
'use strict';

// A DEFLATE (RFC 1951) decoder for the embedded compiler: the page carries the
// WebAssembly compressed (a third of its size) and Firefox 78 has no
// DecompressionStream. After zlib's puff.c: canonical Huffman codes decoded bit by bit.
function inflate(src, size) {
  const out = new Uint8Array(size);
  let op = 0, ip = 0, buf = 0, cnt = 0;
  function bits(n) {
    while (cnt < n) { buf |= src[ip++] << cnt; cnt += 8; }
    const v = buf & ((1 << n) - 1);
    buf >>>= n; cnt -= n;
    return v;
  }
  function table(lengths, n) {
    const count = new Uint16Array(16), offs = new Uint16Array(16), symbol = new Uint16Array(n);
    for (let i = 0; i < n; i++) count[lengths[i]]++;
    count[0] = 0;
    for (let len = 1; len < 15; len++) offs[len + 1] = offs[len] + count[len];
    for (let i = 0; i < n; i++) if (lengths[i]) symbol[offs[lengths[i]]++] = i;
    return { count: count, symbol: symbol };
  }
  function decode(h) {
    let code = 0, first = 0, index = 0;
    for (let len = 1; len <= 15; len++) {
      code |= bits(1);
      const c = h.count[len];
      if (code - c < first) return h.symbol[index + (code - first)];
      index += c; first += c; first <<= 1; code <<= 1;
    }
    throw new Error('inflate: bad code');
  }
  const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  let fixed = null;
  let last;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      buf = 0; cnt = 0;
      const len = src[ip] | (src[ip + 1] << 8);
      ip += 4;
      out.set(src.subarray(ip, ip + len), op);
      ip += len; op += len;
      continue;
    }
    let lencode, distcode;
    if (type === 1) {
      if (!fixed) {
        const l = new Uint8Array(288);
        for (let i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        const d = new Uint8Array(30).fill(5);
        fixed = [table(l, 288), table(d, 30)];
      }
      lencode = fixed[0]; distcode = fixed[1];
    } else if (type === 2) {
      const nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
      const lengths = new Uint8Array(320);
      for (let i = 0; i < ncode; i++) lengths[ORDER[i]] = bits(3);
      const lc = table(lengths, 19);
      lengths.fill(0);
      let i = 0;
      while (i < nlen + ndist) {
        const sym = decode(lc);
        if (sym < 16) { lengths[i++] = sym; continue; }
        let rep, val = 0;
        if (sym === 16) { val = lengths[i - 1]; rep = 3 + bits(2); }
        else if (sym === 17) rep = 3 + bits(3);
        else rep = 11 + bits(7);
        while (rep--) lengths[i++] = val;
      }
      lencode = table(lengths.subarray(0, nlen), nlen);
      distcode = table(lengths.subarray(nlen, nlen + ndist), ndist);
    } else {
      throw new Error('inflate: bad block type');
    }
    for (;;) {
      let sym = decode(lencode);
      if (sym < 256) { out[op++] = sym; continue; }
      if (sym === 256) break;
      sym -= 257;
      const len = LBASE[sym] + bits(LEXT[sym]);
      const ds = decode(distcode);
      const dist = DBASE[ds] + bits(DEXT[ds]);
      for (let k = 0; k < len; k++, op++) out[op] = out[op - dist];
    }
  } while (!last);
  if (op !== size) throw new Error('inflate: ' + op + ' bytes, want ' + size);
  return out;
}

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
    const packed = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);
    return WebAssembly.compile(inflate(packed, msg.size)).then(function (m) {
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
    // A PowerPoint template is imported as `lectern theme import` does; anything else
    // is taken for a .zip of a theme folder.
    const r = /\.(pptx|potx|pptm|potm)$/i.test(msg.name || '')
      ? call('studio_theme_template', [utf8.encode(msg.name), new Uint8Array(msg.zip)])
      : call('studio_theme_zip', [new Uint8Array(msg.zip)]);
    return JSON.parse(text.decode(r.bytes));
  }
  if (msg.op === 'themefolder') {
    const r = call('studio_theme_folder', [new Uint8Array(msg.packed)]);
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
