// The inbox follows the live stream: on any change it fetches its list again (rendered by the server, through the
// same access rules) and puts it in place. No framework, no inline script (the pages' Content-Security-Policy).
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  var busy = false;
  var again = false;

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch('/ui/notifications/rows' + window.location.search, { credentials: 'same-origin', redirect: 'error' })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('HTTP ' + answer.status);
        }
        return answer.text();
      })
      .then(function (html) {
        document.getElementById('inbox-list').outerHTML = html;
        status.textContent = 'Live: updated at ' + new Date().toLocaleTimeString();
      })
      .catch(function () {
        status.textContent = 'Live updates paused: reload the page to sign in again.';
      })
      .finally(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  if (!window.EventSource) {
    status.textContent = 'This browser cannot show live updates: reload the page to see new results.';
    return;
  }
  var source = new EventSource('/ui/notifications/stream');
  source.addEventListener('subscribed', function () {
    status.textContent = 'Live: new results appear here as they arrive.';
    document.body.setAttribute('data-live', 'true');
  });
  source.addEventListener('notification', refresh);
  source.onerror = function () {
    document.body.removeAttribute('data-live');
    status.textContent = 'Reconnecting for live updates…';
  };
  // Time left to each deadline moves on even when nothing else does.
  window.setInterval(refresh, 60000);
})();
