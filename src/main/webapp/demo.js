// The demo's connection indicator, driven only by the client's public events (no framework internals).
(function () {
  var box = document.getElementById('connection');
  if (!box) return;
  var label = box.querySelector('.label');
  var latency = box.querySelector('.latency');
  function show(kind, text) {
    box.className = 'connection ' + kind;
    label.textContent = text;
  }
  window.addEventListener('diffyne:connected', function (e) {
    var transport = (e.detail && e.detail.transport) || 'websocket';
    show(transport, transport === 'websocket' ? 'WebSocket' : 'AJAX');
  });
  window.addEventListener('diffyne:reconnected', function () { show('websocket', 'WebSocket (reconnected)'); });
  window.addEventListener('diffyne:disconnected', function () { show('ajax', 'AJAX (WebSocket retrying)'); });
  window.addEventListener('diffyne:latency', function (e) {
    if (e.detail && typeof e.detail.ms === 'number') latency.textContent = Math.round(e.detail.ms) + ' ms';
  });
  window.addEventListener('post-deleted', function (e) {
    if (e.detail && e.detail.message) console.info(e.detail.message);
  });
})();
