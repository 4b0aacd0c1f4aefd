/**
 * The one browser script of pages whose part changes while someone looks at it (the web
 * chat, a hand-off's conversation): it polls a small JSON endpoint for the part's version
 * and, when that changed, fetches the page again and swaps in the part with id `regionId`;
 * forms and what is being typed stay. Served as a static route (the Content-Security-Policy
 * allows no inline script); pages work without it (a "refresh" link, the form's redirect).
 * Plain ES5-style JavaScript: nothing to build, and old phones run it.
 */
export interface LiveRegion {
  /** The id of the element swapped in; it carries `data-latest` (its version). */
  regionId: string;
  /** The version endpoint; by default the region's `data-latest-url` attribute. */
  latestUrl?: string;
  /** Poll every `fastMs` for the first `fastForMs`, then every `slowMs`, until `stopAfterMs`. */
  fastMs: number;
  fastForMs: number;
  slowMs: number;
  stopAfterMs: number;
  /** Scroll the last element matching this selector into view after a swap (a chat). */
  scrollToLast?: string;
}

export function liveRegionScript(region: LiveRegion): string {
  const json = JSON.stringify;
  const source = region.latestUrl ? json(region.latestUrl) : `live.getAttribute('data-latest-url')`;
  const scroll = region.scrollToLast
    ? `
        var last = live.querySelector(${json(region.scrollToLast)});
        if (last) last.scrollIntoView({ block: 'nearest' });`
    : '';
  return `(function () {
  'use strict';
  var live = document.getElementById(${json(region.regionId)});
  if (!live || !window.fetch || !window.DOMParser) return;
  var source = ${source};
  var latest = live.getAttribute('data-latest') || '';
  var started = Date.now();
  function later() {
    var age = Date.now() - started;
    if (age < ${region.stopAfterMs}) setTimeout(poll, age < ${region.fastForMs} ? ${region.fastMs} : ${region.slowMs});
  }
  function show() {
    return fetch(location.pathname + location.search, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var next = doc.getElementById(${json(region.regionId)});
        if (!next) return;
        var fresh = document.importNode(next, true);
        live.replaceWith(fresh);
        live = fresh;
        latest = live.getAttribute('data-latest') || latest;${scroll}
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
}
