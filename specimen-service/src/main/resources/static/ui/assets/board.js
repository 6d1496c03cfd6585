// The board keeps itself current: every few seconds it fetches its rows again (rendered by the server, through the
// same access rules and filters) and puts them in place, so countdowns move and new or breached specimens appear.
// No framework, no inline script (the pages' Content-Security-Policy).
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var EVERY_MS = 5000;

  function refresh() {
    fetch('/ui/board/rows' + window.location.search, { credentials: 'same-origin', redirect: 'error' })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('HTTP ' + answer.status);
        }
        return answer.text();
      })
      .then(function (html) {
        document.getElementById('board').outerHTML = html;
        document.body.setAttribute('data-live', 'true');
      })
      .catch(function () {
        document.body.removeAttribute('data-live');
        status.textContent = 'Live updates paused: reload the page to sign in again.';
      })
      .finally(function () {
        window.setTimeout(refresh, EVERY_MS);
      });
  }

  status.textContent = 'Live: the board refreshes every ' + EVERY_MS / 1000 + ' seconds.';
  refresh();
})();
