(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var reveal = document.querySelector(".reveal");
  var slides = Array.prototype.slice.call(document.querySelectorAll(".reveal .slides > section"));
  var box = reveal.querySelector(".slides");
  var current = -1;
  function fit() {
    var w = +reveal.dataset.width, h = +reveal.dataset.height;
    var k = Math.min(window.innerWidth / w, window.innerHeight / h);
    box.style.transform = "translate(-50%, -50%) scale(" + k + ")";
  }
  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    if (i === current) return;
    if (current >= 0) slides[current].classList.remove("present");
    slides[i].classList.add("present");
    current = i;
    if (location.hash !== "#/" + (i + 1)) history.replaceState(null, "", "#/" + (i + 1));
  }
  function fromHash() {
    var m = /^#\/(\d+)$/.exec(location.hash);
    show(m ? +m[1] - 1 : 0);
  }
  document.addEventListener("keydown", function (e) {
    switch (e.code) {
      case "ArrowRight": case "ArrowDown": case "Space": case "PageDown": show(current + 1); break;
      case "ArrowLeft": case "ArrowUp": case "PageUp": show(current - 1); break;
      case "Home": show(0); break;
      case "End": show(slides.length - 1); break;
      default: return;
    }
    e.preventDefault();
  });
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("resize", fit);
  fit();
  fromHash();
})();
