// WebSocket first, AJAX at once whenever the socket is not open (protocol §6, DESIGN "Transport behaviour").
//  - reconnects in the background with exponential backoff and jitter; requests switch back when it opens
//  - a request lost on a dropped socket (or timed out) is retried once with the same requestId over whichever
//    transport is up; the server answers repeats from its first result, so nothing runs twice
//  - when nothing reaches the server, requests wait in one queue and are sent once, in order, when it comes back
//  - heartbeat pings measure latency and detect dead sockets; the page token is refreshed before it expires
import {
  PATH_TOKEN, PATH_UPDATE, TRANSPORT_AJAX, WS_CONNECTED, WS_ERROR, WS_PING, WS_PONG, WS_PUSH,
  WS_RESPONSE, WS_RESUME, WS_RESUMED,
} from './constants.js';
import { NetworkError, postJson } from './ajax.js';

class Lost extends Error {}

const MAX_SENDS = 6;

/** Delay before reconnect attempt `n` (0-based): 0.5 s doubling up to 30 s, times a random factor in [0.5, 1). */
export function backoff(n, random = Math.random) {
  return Math.min(30000, 500 * 2 ** n) * (0.5 + random() / 2);
}

/** Members of a section-4 body's component part `c`; a v2 answer carries them at its top (protocol §7). */
const C_KEYS = ['i', 'p', 'sd', 'st', 'h', 'v', 'sig', 'e', 'q', 'g'];

/** A v2 answer back into the section-4 body it stands for, given the request `body` it answers (protocol §7). */
export function expand(a, body) {
  const named = body.ref || body.snapshot || {};
  const res = { s: !a.type };
  let c;
  for (const k in a) {
    if (C_KEYS.includes(k)) (c = c || {})[k] = a[k];
    else res[k] = a[k];
  }
  if (c) {
    if (c.i === undefined) c.i = named.id;
    if (c.v === undefined) c.v = named.version + 1;
    res.c = c;
  }
  return res;
}

function byteLength(text) {
  return text.length * 3 <= 65536 ? text.length * 3 : new TextEncoder().encode(text).length;
}

/**
 * @param config  the page config (protocol §1), `token`/`tokenExpires` are refreshed in place
 * @param status  see status.js
 * @param hooks   push(payload): each `diffyne.push` that is not a repeat; hello(): the components a new connection
 *                should hold (sent with the resume); gap(channel): missed broadcasts could not all be replayed
 */
export function createTransport(config, status, hooks, opts = {}) {
  const timeout = opts.requestTimeout || 15000;
  const heartbeat = opts.heartbeat || 25000;
  const maxSize = config.maxMessageSize || 1048576;
  const useSocket = config.transport !== TRANSPORT_AJAX && !!config.ws;
  const inflight = new Map();
  // v2: the socket answers requests one each, in order, bare (no envelope, no requestId): the jobs awaiting them
  const order = [];
  const queue = [];
  const seqs = {};
  let ws = null;
  let epoch = 0;
  let attempts = 0;
  let stopped = false;
  let reconnectTimer, probeTimer, beatTimer, tokenTimer;
  let pingAt = 0;
  let flushing = false;
  let probes = 0;
  let refused = false;

  const isOpen = () => ws && ws.readyState === 1 && ws.ready;
  const url = (path) => config.endpoint + path;

  function wsUrl() {
    const u = new URL(config.ws, document.baseURI);
    const secure = /^(https|wss):$/.test(u.protocol) || document.baseURI.startsWith('https:');
    if (/^(http|ws)s?:$/.test(u.protocol)) u.protocol = secure ? 'wss:' : 'ws:';
    if (config.token) u.searchParams.set('token', config.token);
    u.searchParams.set('v', '3');
    return u.href;
  }

  // ---- token ----
  let refreshing = null;
  const refreshToken = () => refreshing || (refreshing = fetchToken().finally(() => { refreshing = null; }));
  async function fetchToken() {
    clearTimeout(tokenTimer);
    let ok = false;
    try {
      const res = await postJson(url(PATH_TOKEN), {});
      if (res && res.token) {
        config.token = res.token;
        config.tokenExpires = res.tokenExpires;
        ok = true;
      }
    } catch { /* retried below */ }
    scheduleToken(!ok);
  }
  function scheduleToken(retry) {
    if (!config.tokenExpires || stopped || !useSocket) return;
    const left = config.tokenExpires - Date.now();
    // refresh when 80% of the remaining life has passed (at most a minute before expiry); failures retry in 5 s
    tokenTimer = setTimeout(refreshToken, retry ? 5000 : Math.max(left - 60000, left * 0.8, 0));
  }

  // ---- socket ----
  async function connect() {
    if (stopped || ws) return;
    // a refused handshake may mean the token no longer fits (expired, or the server's key changed)
    if (config.tokenExpires && (refused || config.tokenExpires < Date.now() + 1000)) await refreshToken();
    if (stopped || ws) return;
    // a background retry keeps 'disconnected' (the page works over AJAX meanwhile); only the first attempt connects
    if (status.status.socket !== 'disconnected') status.socket('connecting');
    let sock;
    try {
      sock = ws = new WebSocket(wsUrl());
    } catch {
      ws = null;
      return closed();
    }
    sock.onopen = () => {
      sock.ready = true;
      epoch++;
      status.socket('connected');
      attempts = 0;
      // a new connection holds no components: name the listening ones (so broadcasts reach them) and ask for
      // what each channel missed since the last {ep, seq} seen
      let components = hooks.hello ? hooks.hello() : [];
      // a channel with no push seen yet resumes from its head in the markup: nothing broadcast after the render
      // (before this socket's components were registered) is lost
      const heads = hooks.heads ? hooks.heads() : {};
      for (const ch in heads) if (!seqs[ch]) seqs[ch] = heads[ch];
      if (byteLength(JSON.stringify(components)) > maxSize / 2) components = []; // never risk a 1009 close
      if (components.length || Object.keys(seqs).length) send(WS_RESUME, { channels: { ...seqs }, components });
      ping();
      beatTimer = setInterval(ping, heartbeat);
      flush();
    };
    sock.onmessage = (m) => receive(m.data);
    sock.onclose = () => {
      refused = !sock.ready;
      drop(sock);
    };
    sock.onerror = () => {};
  }

  function send(event, data) {
    ws.send(JSON.stringify({ event, data }));
  }

  function ping() {
    if (pingAt) return drop(ws); // the previous ping got no pong: the socket is dead even if not closed
    pingAt = Date.now();
    send(WS_PING, { t: pingAt });
  }

  function drop(sock) {
    if (sock !== ws || !sock) return;
    sock.onclose = sock.onmessage = sock.onopen = null;
    try { sock.close(); } catch { /* already closing */ }
    ws = null;
    closed();
  }

  function closed() {
    clearInterval(beatTimer);
    pingAt = 0;
    status.socket('disconnected');
    for (const job of inflight.values()) job.lost();
    inflight.clear();
    order.length = 0;
    if (!stopped) reconnectTimer = setTimeout(connect, backoff(attempts++, opts.random));
  }

  function receive(text) {
    let msg;
    try { msg = JSON.parse(text); } catch { return; }
    if (msg && typeof msg === 'object' && msg.event === undefined) {
      const job = order.shift(); // a bare answer: the oldest request's (one that timed out still takes its own)
      if (job && inflight.get(job.id) === job) {
        inflight.delete(job.id);
        job.answer(expand(msg, job.body));
      }
      return;
    }
    const data = msg && msg.data;
    if (!data || typeof data !== 'object') return;
    switch (msg.event) {
      case WS_CONNECTED:
        status.status.clientId = data.clientId;
        return;
      case WS_PONG:
        if (pingAt) status.latency(Date.now() - pingAt);
        pingAt = 0;
        return;
      case WS_PUSH: {
        const last = seqs[data.channel];
        if (typeof data.seq === 'number') {
          // a repeat after a resume; another epoch is a new log (a restart, an eviction) numbering from 1 again
          if (last && last.ep === data.ep && data.seq <= last.seq) return;
          seqs[data.channel] = { ep: data.ep, seq: data.seq };
        }
        hooks.push(data);
        return;
      }
      case WS_RESUMED:
        for (const ch in data.channels || {}) {
          const r = data.channels[ch];
          const last = seqs[ch];
          if (!r || typeof r !== 'object') continue;
          if (r.ep == null) delete seqs[ch]; // no log since a restart: its first push is new whatever its epoch
          else if (!last || last.ep !== r.ep) seqs[ch] = { ep: r.ep, seq: r.seq };
          else if (r.seq > last.seq) last.seq = r.seq;
          if (r.complete === false && hooks.gap) hooks.gap(ch);
        }
        return;
      case WS_RESPONSE:
      case WS_ERROR: {
        const job = inflight.get(data.requestId);
        if (!job) return config.debug && console.warn('Diffyne:', data);
        inflight.delete(data.requestId);
        order.splice(order.indexOf(job), 1);
        job.answer(msg.event === WS_ERROR ? { s: false, ...data } : data);
      }
    }
  }

  /** Sends over the socket; resolves with the answer, rejects Lost on drop or timeout. */
  function viaSocket(body, text) {
    return new Promise((resolve, reject) => {
      const job = {
        id: body.requestId,
        body,
        answer: (res) => { clearTimeout(timer); resolve(res); },
        lost: () => { clearTimeout(timer); reject(new Lost()); },
      };
      const timer = setTimeout(() => { inflight.delete(body.requestId); job.lost(); }, timeout);
      inflight.set(body.requestId, job);
      order.push(job);
      ws.send(text);
    });
  }

  // ---- requests ----
  /** One attempt chain for a job: true once answered (or failed for good), false when it must wait offline. */
  async function run(job) {
    for (let tries = 0; ; ) {
      if (++job.sends > MAX_SENDS) {
        job.reject(new NetworkError('no answer'));
        return true;
      }
      tries++;
      const ep = isOpen() && !job.ajax ? epoch : 0;
      let body = job.build(ep);
      try {
        let res;
        const text = ep && JSON.stringify(body); // v2: a request travels bare, its type naming it
        const via = text && byteLength(text) <= maxSize ? ep : 0;
        if (via) {
          res = await viaSocket(body, text);
        } else {
          if (ep) body = job.build(0); // too big for the socket: AJAX needs the full snapshot
          const t0 = Date.now();
          res = await postJson(url(PATH_UPDATE), body, opts.ajaxTimeout, status.status.clientId ? { 'X-Diffyne-Client': status.status.clientId } : {});
          if (!isOpen()) status.latency(Date.now() - t0);
        }
        job.resolve({ res, via });
        return true;
      } catch (e) {
        if (e instanceof Lost && tries < 2) continue;
        if (e instanceof Lost || e instanceof NetworkError) return false;
        job.reject(e);
        return true;
      }
    }
  }

  function park(job) {
    queue.push(job);
    status.offline(true, queue.length);
    clearTimeout(probeTimer);
    probeTimer = setTimeout(flush, backoff(probes++, opts.random));
  }

  async function flush() {
    if (flushing || stopped) return;
    flushing = true;
    clearTimeout(probeTimer);
    while (queue.length) {
      if (!(await run(queue[0]))) {
        flushing = false;
        clearTimeout(probeTimer);
        probeTimer = setTimeout(flush, backoff(probes++, opts.random));
        return;
      }
      queue.shift();
      status.offline(queue.length > 0, queue.length);
    }
    probes = 0;
    flushing = false;
  }

  const onOnline = () => flush();

  return {
    /**
     * Sends one request. `build(epoch)` returns its body: `epoch` > 0 is the socket generation it will travel on
     * (a snapshot reference is allowed when that generation holds the version), 0 means AJAX (full snapshot).
     * Resolves `{res, via}`: the section-4 answer and the epoch it came over (0 for AJAX).
     */
    request(build, ajax = false) {
      return new Promise((resolve, reject) => {
        const job = { build, ajax, resolve, reject, sends: 0 };
        if (queue.length) return park(job);
        run(job).then((done) => done || park(job));
      });
    },
    start() {
      stopped = false;
      if (typeof addEventListener === 'function') addEventListener('online', onOnline);
      if (useSocket) {
        // an expiring token is refreshed by connect(), which then schedules the next refresh
        if (!(config.tokenExpires < Date.now() + 1000)) scheduleToken();
        connect();
      } else status.socket('ajax');
    },
    stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      clearTimeout(probeTimer);
      clearTimeout(tokenTimer);
      if (typeof removeEventListener === 'function') removeEventListener('online', onOnline);
      if (ws) drop(ws);
    },
    epoch: () => (isOpen() ? epoch : 0),
    seqs,
    /**
     * Registers one component with the open socket again (`diffyne.resume` naming it and where the page stands on its
     * channels), so broadcasts reach it there; without an open socket, the next one's resume names it.
     */
    register(snapshot) {
      const data = { channels: { ...seqs }, components: [snapshot] };
      // a snapshot too big for the socket went over AJAX: it stays off it, as on open (never risk a 1009 close)
      if (isOpen() && byteLength(JSON.stringify(data)) <= maxSize / 2) send(WS_RESUME, data);
    },
    flush,
    refreshToken,
  };
}
