// The demo's connection indicator and toasts, driven only by the client's public surface: the classes it puts on
// <html> (diffyne-connecting | -connected | -disconnected | -ajax, plus -offline), its window events
// (diffyne:latency and friends, detail = {socket, offline, latency, clientId, queued}) and window.Diffyne.status.
(function () {
  var html = document.documentElement;
  var box = document.getElementById('connection');

  function has(name) { return html.classList.contains('diffyne-' + name); }

  function paint() {
    if (!box) return;
    var status = (window.Diffyne && window.Diffyne.status) || {};
    var state, text;
    if (has('offline')) {
      state = 'offline';
      text = 'Offline · ' + (status.queued || 0) + ' waiting';
    } else if (has('connected')) {
      state = 'websocket';
      text = 'WebSocket';
    } else if (has('ajax')) {
      state = 'ajax';
      text = 'AJAX';
    } else if (has('disconnected')) {
      state = 'ajax';
      text = 'AJAX · WebSocket retrying';
    } else {
      state = 'connecting';
      text = 'connecting…';
    }
    box.setAttribute('data-state', state);
    box.className = 'connection ' + state;
    box.querySelector('.label').textContent = text;
    box.querySelector('.latency').textContent = typeof status.latency === 'number' ? status.latency + ' ms' : '';
    box.title = state === 'websocket' ? 'Actions travel over the WebSocket; latency is the last ping round trip'
      : 'Actions travel over HTTP; latency is the last request round trip';
  }

  new MutationObserver(paint).observe(html, { attributes: true, attributeFilter: ['class'] });
  ['connected', 'disconnected', 'reconnected', 'offline', 'online', 'latency'].forEach(function (name) {
    window.addEventListener('diffyne:' + name, paint);
  });
  paint();

  // upload progress of file fields (diffyne:upload-progress on the field): the component's
  // <progress data-upload-progress="prop"> and <output data-upload-percent="prop"> show it
  function uploadParts(field) {
    var root = field.closest('[diff\\:id]');
    var prop = field.getAttribute('diff:model');
    if (!root || !prop) return {};
    return {
      bar: root.querySelector('[data-upload-progress="' + prop + '"]'),
      label: root.querySelector('[data-upload-percent="' + prop + '"]')
    };
  }
  function showProgress(field, percent) {
    var parts = uploadParts(field);
    if (parts.bar) parts.bar.value = percent;
    if (parts.label) parts.label.textContent = percent + ' %';
  }
  document.addEventListener('diffyne:upload-progress', function (e) {
    showProgress(e.target, Math.round(e.detail.progress * 100));
  });
  document.addEventListener('change', function (e) {
    if (e.target.type === 'file') showProgress(e.target, 0);
  }, true);

  // browser events dispatched by components (dispatchBrowserEvent) shown as a toast
  var toast;
  var hide;
  window.addEventListener('post-deleted', function (e) {
    if (!e.detail || !e.detail.message) return;
    if (!toast) {
      toast = document.createElement('div');
      toast.id = 'toast';
      toast.setAttribute('role', 'status');
      document.body.appendChild(toast);
    }
    toast.textContent = e.detail.message;
    toast.className = 'toast ' + (e.detail.type || '');
    clearTimeout(hide);
    hide = setTimeout(function () { toast.className = 'toast hidden'; }, 4000);
  });
})();
