// A notification's page shows its latest state: when the live stream says this notification is in another state
// than the page shows (acknowledged, escalated…, also just before the stream started), the page is loaded again.
(function () {
  'use strict';
  var id = document.body.getAttribute('data-notification');
  var shown = document.body.getAttribute('data-state');
  if (!id || !window.EventSource) {
    return;
  }
  var source = new EventSource('/ui/notifications/stream?notification=' + encodeURIComponent(id));
  source.addEventListener('subscribed', function () {
    document.body.setAttribute('data-live', 'true');
  });
  source.addEventListener('notification', function (event) {
    if (event.lastEventId === id && event.data !== shown) {
      source.close();
      window.location.reload();
    }
  });
})();
