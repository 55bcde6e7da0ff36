// The wire vocabulary of docs/protocol.md, named 1:1 with io.diffyne.protocol. Change both sides together.

// §1 component markup
export const ATTR_ID = 'diff:id';
export const ATTR_COMPONENT = 'diff:component';
export const ATTR_SNAPSHOT = 'diff:snapshot';
export const ATTR_LISTENERS = 'diff:listeners';
export const ATTR_TRANSPORT = 'diff:transport';
export const ATTR_LAZY = 'diff:lazy';
export const ATTR_KEY = 'diff:key';
/** JSON array of the broadcast channels the listening component is on. */
export const ATTR_CHANNELS = 'diff:channels';
/** JSON object {channel: grant}: what the event stream needs to listen on each of them (§6). */
export const ATTR_GRANTS = 'diff:grants';
/** JSON object {channel: {ep, seq}}: each channel's log head when the markup was rendered (§1, §7). */
export const ATTR_HEADS = 'diff:heads';
/** Proposed addition to §1: JSON array of @QueryString names with history = false (replace, not push). */
export const ATTR_QUERY_REPLACE = 'diff:query-replace';
/** Framework attributes a root replacement (`R` at []) keeps (§5). */
export const ROOT_ATTRS = [ATTR_ID, ATTR_COMPONENT, ATTR_LISTENERS, ATTR_CHANNELS, ATTR_GRANTS, ATTR_TRANSPORT, ATTR_QUERY_REPLACE];
export const CONFIG_ID = 'diffyne-config';
export const TRANSPORT_AJAX = 'ajax';
export const TRANSPORT_WEBSOCKET = 'websocket';

// §3 request types
export const CALL = 'call';
export const UPDATE = 'update';
export const EVENT = 'event';
export const RENDER = 'render';

// §4 error types
export const VALIDATION_ERROR = 'validation_error';
export const SNAPSHOT_REQUIRED = 'snapshot_required';
/** The snapshot sent is older than the newest version the server issued for the component (409). */
export const STALE_SNAPSHOT = 'stale_snapshot';
/** The action's result would exceed DIFFYNE_MAX_STATE_SIZE (413): nothing was kept, the snapshot held stays valid. */
export const STATE_TOO_LARGE = 'state_too_large';
export const SERVER_ERROR = 'server_error';
/** Client-side only: the request never got an answer. */
export const NETWORK_ERROR = 'network_error';

// §5 patch types
export const P_CREATE = 'c';
export const P_REMOVE = 'r';
export const P_REPLACE = 'R';
export const P_TEXT = 't';
export const P_ATTRS = 'a';
export const P_MOVE = 'o';
/** v3: a copy of the sibling before (at 0: after) the index, with edits (§5). */
export const P_COPY = 'k';

// §6 WebSocket events
export const WS_CALL = 'diffyne.call';
export const WS_UPDATE = 'diffyne.update';
export const WS_PING = 'diffyne.ping';
/** §7: `{channels:{name:{ep, seq}}, components:[snapshot…]}` after every open: the epoch and last seq seen per channel. */
export const WS_RESUME = 'diffyne.resume';
/** §7: `{channels:{name:{ep, seq, complete}}}`, the answer to a resume (no `ep`: the channel has no log yet). */
export const WS_RESUMED = 'diffyne.resumed';
export const WS_CONNECTED = 'diffyne.connected';
export const WS_RESPONSE = 'diffyne.response';
export const WS_ERROR = 'diffyne.error';
export const WS_PONG = 'diffyne.pong';
/** `{channel, ep, seq, responses}`: `ep` names the channel log; a new one numbers from 1 again (transport.js). */
export const WS_PUSH = 'diffyne.push';

// HTTP endpoints under config.endpoint
export const PATH_UPDATE = '/update';
export const PATH_LAZY = '/lazy';
export const PATH_UPLOAD = '/upload';
export const PATH_TOKEN = '/token';
/** Server-Sent Events for components on AJAX: GET ?channels=a~<grant>,b~<grant>, events `diffyne.broadcast` {channel, ep, seq, name, pass}. */
export const PATH_EVENTS = '/events';
export const SSE_BROADCAST = 'diffyne.broadcast';
/** First on a stream, per channel: `{channel, ep, seq}`, where its log stands (§6). */
export const SSE_HEAD = 'diffyne.head';
