// Connection status for pages: window events, classes on <html> (so a page shows an indicator without code), and
// the measured latency.
//   classes: diffyne-connecting | diffyne-connected | diffyne-disconnected (socket), diffyne-ajax (page without a
//            socket: DIFFYNE_TRANSPORT=ajax), plus diffyne-offline while actions wait for the server
//   events:  diffyne:connected, diffyne:disconnected, diffyne:reconnected, diffyne:offline, diffyne:online,
//            diffyne:latency — detail is a copy of the status object below.

const SOCKET = ['connecting', 'connected', 'disconnected', 'ajax'];

/** `onSocket(state)` (optional) hears every change of the socket state. */
export function createStatus(onSocket) {
  const status = { socket: 'connecting', offline: false, latency: null, clientId: null, queued: 0 };
  let everConnected = false;
  const html = () => document.documentElement;
  const fire = (name) => window.dispatchEvent(new CustomEvent('diffyne:' + name, { detail: { ...status } }));
  const paint = () => {
    for (const s of SOCKET) html().classList.toggle('diffyne-' + s, status.socket === s);
    html().classList.toggle('diffyne-offline', status.offline);
  };
  paint();
  return {
    status,
    /** socket: 'connecting' | 'connected' | 'disconnected' | 'ajax' */
    socket(state) {
      const was = status.socket;
      if (was === state) return;
      status.socket = state;
      paint();
      if (onSocket) onSocket(state);
      if (state === 'connected') fire(everConnected ? 'reconnected' : 'connected');
      if (state === 'connected') everConnected = true;
      if (state === 'disconnected' && was === 'connected') fire('disconnected');
    },
    offline(off, queued) {
      status.queued = queued;
      if (status.offline === off) return;
      status.offline = off;
      paint();
      fire(off ? 'offline' : 'online');
    },
    latency(ms) {
      status.latency = Math.round(ms);
      fire('latency');
    },
  };
}
