/**
 * The hand-off page's one script, served as /inbox/live.js: new messages of the conversation
 * show up without a reload. It asks /inbox/<number>/latest for the conversation's version
 * (how many messages, how many settled) and, when that changed, fetches the page and swaps in
 * its `#conversation-live`; the reply box and what is being typed stay. The page works
 * without it ("refresh" link, and the form's redirect). Plain ES5-style JavaScript: nothing to
 * build, and old phones run it.
 */
export const inboxLiveScript = `(function () {
  'use strict';
  var live = document.getElementById('conversation-live');
  if (!live || !window.fetch || !window.DOMParser) return;
  var source = live.getAttribute('data-latest-url');
  var latest = live.getAttribute('data-latest') || '';
  var started = Date.now();
  function later() {
    var age = Date.now() - started;
    if (age < 60 * 60 * 1000) setTimeout(poll, age < 10 * 60 * 1000 ? 3000 : 15000);
  }
  function show() {
    return fetch(location.pathname, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var next = doc.getElementById('conversation-live');
        if (!next) return;
        var fresh = document.importNode(next, true);
        live.replaceWith(fresh);
        live = fresh;
        latest = live.getAttribute('data-latest') || latest;
      });
  }
  function poll() {
    fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
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
