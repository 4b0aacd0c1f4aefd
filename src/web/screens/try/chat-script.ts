/**
 * The web chat's one script, served as /try/chat.js: it shows Bloei's replies as they come
 * in, without reloading the page. It asks /try/latest for the newest line's id and, when that
 * changed, fetches the page and swaps in its `#chat-live`; what is being typed stays. The page
 * works without it (a reply is there after the form's redirect, or after "refresh").
 * Plain ES5-style JavaScript: nothing to build, and old phones run it.
 */
export const chatScript = `(function () {
  'use strict';
  var live = document.getElementById('chat-live');
  if (!live || !window.fetch || !window.DOMParser) return;
  var latest = live.getAttribute('data-latest') || '0';
  var started = Date.now();
  function later() {
    var age = Date.now() - started;
    if (age < 30 * 60 * 1000) setTimeout(poll, age < 2 * 60 * 1000 ? 1500 : 10000);
  }
  function show() {
    return fetch(location.pathname + location.search, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('chat-live');
        if (!next) return;
        var fresh = document.importNode(next, true);
        live.replaceWith(fresh);
        live = fresh;
        latest = live.getAttribute('data-latest') || latest;
        var last = live.querySelector('.chat > li:last-child');
        if (last) last.scrollIntoView({ block: 'nearest' });
      });
  }
  function poll() {
    fetch('/try/latest', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && String(body.latest) !== latest) return show();
      })
      .catch(function () {})
      .then(later);
  }
  later();
})();
`;
