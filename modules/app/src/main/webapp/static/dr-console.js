/*
 * The DBA console's replication panel, re-read every few seconds from its data-source and swapped in whole.
 * Without script the page shows its own probe and a link to probe again. No eval, no inline handlers (CSP).
 */
(function () {
  'use strict';
  var PERIOD_MILLIS = 3000;
  var panel = document.getElementById('replication');
  if (!panel || !window.fetch || !window.DOMParser) {
    return;
  }
  var source = panel.getAttribute('data-source');

  function refresh() {
    fetch(source, { credentials: 'same-origin', redirect: 'error', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('replication');
        if (fresh) {
          panel.replaceChildren.apply(panel, Array.prototype.slice.call(fresh.childNodes));
          panel.classList.remove('stale');
        }
      })
      .catch(function () {
        // signed out, or the server does not answer: keep the last status, marked as old
        panel.classList.add('stale');
      })
      .finally(function () {
        window.setTimeout(refresh, PERIOD_MILLIS);
      });
  }

  window.setTimeout(refresh, PERIOD_MILLIS);
}());
