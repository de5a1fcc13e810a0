/*
 * switchboard.js: a reconnecting WebSocket client for browsers, made for Switchboard servers.
 *
 * One ES module, no dependencies, no build step. Every WAR that holds switchboard-impl serves it at
 * <context>/switchboard/switchboard.js; it also works copied to any static host, against any WebSocket server.
 *
 *   import { connect } from './switchboard/switchboard.js';
 *   const socket = connect('wss://chat.example.com/chat/ws/lobby', {
 *     token: () => fetch('/token').then((r) => r.text()),    // asked before every attempt
 *     positionOf: (data) => JSON.parse(data).position,        // '<epoch>:<offset>', to resume after a drop
 *     onmessage: (data) => show(data),
 *     onstate: (state, detail) => banner(state, detail),
 *   });
 *   socket.send('hello');                                     // sent now, or kept until the next open
 *
 * connect(url, options) returns a started SwitchboardSocket (new SwitchboardSocket(url, options) does not start).
 *   url            ws:// or wss://, with or without a query string (no fragment).
 *   token          a string, or a function returning one or a Promise of one; asked before every attempt and sent
 *                  as subprotocols ['switchboard.bearer', token, ...protocols], the way Switchboard reads browser
 *                  tokens; never in the URL, never logged (this module logs nothing).
 *   protocols      more subprotocols, after the token.
 *   positionOf     (data) => '<epoch>:<offset>' | {room, position} | null: the room position a message carries.
 *   since          the position (or {room: position}) to resume from on the first attempt.
 *   buffer         how many messages send() keeps while not open (100).
 *   backoff        {initial: 500, max: 30000} ms: step k waits random() * min(max, initial * 2^k) (full jitter).
 *   onmessage(data), onstate(state, {code, reason, delay, attempt}), onopen(), onclose(code, reason): callbacks
 *                  (onclose: a connection that had opened ended, other than by close()); delay is in ms, attempt
 *                  counts from 1 since the last open. on('message' | 'state' | 'open' | 'close', fn) adds more
 *                  listeners and returns a function that removes it. A listener that throws is reported to the
 *                  page (reportError) and changes nothing.
 *   WebSocket, clock {now, setTimeout, clearTimeout}, random: replacements for tests.
 * socket.send(data)     true if sent or buffered; false if refused (buffer full, gave-up or closed). On open, what
 *                       waited goes out first, in order, before onopen and anything sent from then on.
 * socket.state          'connecting' | 'open' | 'backing-off' | 'waiting-for-token' | 'gave-up' | 'closed'
 *                       ('closed' too for a socket not started yet).
 * socket.position       the last position seen ('<epoch>:<offset>' or null; {room: position} once rooms are seen).
 * socket.buffered       how many messages wait for the next open.
 * socket.connect()      starts a socket that gave up or was closed again (from the first backoff step).
 * socket.tokenRenewed() a socket waiting for a token asks the token function at once.
 * socket.close(code = 1000, reason = '')  closes for good: no reconnect, buffered messages dropped.
 *
 * What happens when a connection ends (the table Switchboard's Java client and server close by):
 *   1012 'Service restart; reconnect in <n> ms'  wait n ms (at most an hour) plus a pause under backoff.initial: the
 *                                             server spreads its clients' returns over a window as it stops.
 *   1000, 1001, 1012, 1006 (a drop), any      reconnect soon: a pause under backoff.initial. A connection that lasted
 *   other code after the connection opened    under backoff.max continues the backoff instead (ceilings 2x, 4x...),
 *                                             so a server that accepts then drops at once is not hammered.
 *   1013 (try again later), 1009 (too big)    back off from the third step (ceiling initial * 4). After 1009 the
 *                                             Java client reconnects soon; a page that sent too much waits longer.
 *   1008 (token expired or refused, policy)   ask the token function again: a different token connects after a pause
 *                                             under backoff.initial; the same one (or none) waits in
 *                                             'waiting-for-token', asking again on the backoff schedule or at once
 *                                             after tokenRenewed(). With a static token, or none: 'gave-up'.
 *   1003 (unsupported data)                   'gave-up': the server cannot take what this page sends.
 *   a handshake that never opened             back off (ceilings initial * 2^k), the token asked again each time.
 *                                             Browsers hide the HTTP answer: 401, 403, 404, 429 and 503 (or a server
 *                                             that is down) all look the same, so a refused token cannot be told
 *                                             from an outage here and is never a reason to give up.
 * The WebSocket constructor throwing (a malformed token or subprotocol) gives up too.
 *
 * Resuming: each attempt appends the last positions seen (or `since`) to the URL, switchboard-since=<position> or
 * switchboard-since.<room>=<position> per room, and the server replays what came after them. A message whose
 * position is not past the last one of its room (same epoch, offset not greater) is a duplicate and dropped before
 * onmessage; a new epoch (the room's history was lost) is accepted and starts over. That covers server to client
 * only: messages sent while open are gone if the connection drops before the server reads them (WebSocket has no
 * acknowledgements); where each one matters, acknowledge them in the application.
 */

export const States = Object.freeze({
  CONNECTING: 'connecting',
  OPEN: 'open',
  BACKING_OFF: 'backing-off',
  WAITING_FOR_TOKEN: 'waiting-for-token',
  GAVE_UP: 'gave-up',
  CLOSED: 'closed',
});

export const CloseCodes = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  UNSUPPORTED_DATA: 1003,
  ABNORMAL: 1006,
  POLICY_VIOLATION: 1008,
  TOO_BIG: 1009,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
});

/** The subprotocol that carries the token: Switchboard selects it and never echoes the token. */
export const BEARER_PROTOCOL = 'switchboard.bearer';

/** The query parameter of the last position (switchboard-since.<room> for a room). */
export const SINCE_PARAMETER = 'switchboard-since';

const OVERLOADED_STEP = 2; // 1013 and 1009 skip the short waits: ceiling initial * 4
const POSITION = /^([0-9a-z]{1,32}):([0-9]{1,18})$/; // as the server reads them (RoomPosition)
const RESTART_ADVICE = /^Service restart; reconnect in ([0-9]{1,7}) ms$/; // as the server writes it (RestartAdvice)
const MAX_RESTART_DELAY = 3600000; // an hour, as RestartAdvice.MAX_DELAY
const OPEN = 1; // WebSocket.OPEN, without needing the real constructor

/** Reads '<epoch>:<offset>'; null if it is not a position. Offsets are BigInts: up to 18 digits, they may pass 2^53. */
export function parsePosition(text) {
  const match = typeof text === 'string' ? POSITION.exec(text) : null;
  return match ? { text, epoch: match[1], offset: BigInt(match[2]) } : null;
}

/** The delay in ms a close asks for before reconnecting (1012 'Service restart; reconnect in <n> ms'), or null. */
export function restartDelay(code, reason) {
  const match = code === CloseCodes.SERVICE_RESTART && typeof reason === 'string' ? RESTART_ADVICE.exec(reason) : null;
  const delay = match ? Number(match[1]) : null;
  return delay !== null && delay <= MAX_RESTART_DELAY ? delay : null;
}

/** A started SwitchboardSocket. */
export function connect(url, options = {}) {
  return new SwitchboardSocket(url, options).connect();
}

export class SwitchboardSocket {
  #url;
  #options;
  #WebSocket;
  #clock;
  #random;
  #initial;
  #max;
  #bufferLimit;
  #listeners = new Map(); // name -> Set of functions
  #state = States.CLOSED;
  #generation = 0; // bumped whenever what is under way (socket, timer, token answer) no longer counts
  #ws = null;
  #timer = null;
  #step = 0; // the next backoff step
  #attempts = 0; // attempts since the last open
  #openedAt = null;
  #token = null; // the token the current socket was opened with
  #refused = null; // the token the server refused with 1008
  #nextToken; // a token already asked for, to use on the next attempt
  #why = { code: 0, reason: '' };
  #buffer = [];
  #positions = new Map(); // room ('' for a plain position) -> parsed position

  constructor(url, options = {}) {
    if (typeof url !== 'string' || !/^wss?:\/\/[^#]+$/i.test(url)) {
      throw new TypeError('switchboard.js: the URL must be ws:// or wss://, without a fragment');
    }
    const backoff = options.backoff ?? {};
    this.#url = url;
    this.#options = options;
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this.#clock = options.clock ?? {
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
    };
    this.#random = options.random ?? Math.random;
    this.#initial = backoff.initial ?? 500;
    this.#max = backoff.max ?? 30000;
    this.#bufferLimit = options.buffer ?? 100;
    if (!(this.#initial > 0 && this.#max >= this.#initial && this.#bufferLimit >= 0)) {
      throw new RangeError('switchboard.js: needs 0 < backoff.initial <= backoff.max and buffer >= 0');
    }
    const since = options.since;
    const given = since == null ? [] : typeof since === 'string' ? [['', since]] : Object.entries(since);
    for (const [room, text] of given) {
      const position = parsePosition(text);
      if (!position) throw new TypeError(`switchboard.js: since: not a position (<epoch>:<offset>): ${text}`);
      this.#positions.set(room, position);
    }
  }

  get state() {
    return this.#state;
  }

  get buffered() {
    return this.#buffer.length;
  }

  /** The last position: a string (or null) for plain positions, {room: position} once rooms were seen. */
  get position() {
    const rooms = [...this.#positions].filter(([room]) => room !== '');
    if (rooms.length === 0) return this.#positions.get('')?.text ?? null;
    return Object.fromEntries([...this.#positions].map(([room, position]) => [room, position.text]));
  }

  /** Adds a listener of 'message', 'state', 'open' or 'close'; returns a function that removes it. */
  on(name, fn) {
    if (!this.#listeners.has(name)) this.#listeners.set(name, new Set());
    this.#listeners.get(name).add(fn);
    return () => this.#listeners.get(name).delete(fn);
  }

  /** Starts the socket if it is closed or gave up; does nothing while it is connected or reconnecting. */
  connect() {
    if (this.#state === States.CLOSED || this.#state === States.GAVE_UP) {
      this.#step = 0;
      this.#attempts = 0;
      this.#refused = null;
      this.#nextToken = undefined;
      this.#attempt();
    }
    return this;
  }

  /** Sends now when open, else keeps the message for the next open; false when refused. */
  send(data) {
    if (this.#state === States.CLOSED || this.#state === States.GAVE_UP) return false;
    if (this.#state === States.OPEN && this.#ws?.readyState === OPEN) {
      this.#ws.send(data);
      return true;
    }
    if (this.#buffer.length >= this.#bufferLimit) return false;
    this.#buffer.push(data);
    return true;
  }

  /** The page has a new token: a socket in 'waiting-for-token' asks for it at once. */
  tokenRenewed() {
    if (this.#state === States.WAITING_FOR_TOKEN) this.#lookForToken(true);
  }

  /** Closes for good (code 1000 or 3000-4999): no reconnect, buffered messages dropped. */
  close(code = 1000, reason = '') {
    if (this.#state === States.CLOSED) return;
    this.#stop(code, reason);
    this.#setState(States.CLOSED, { code, reason });
  }

  // --- attempts ------------------------------------------------------------------------------------------------

  #attempt() {
    const generation = this.#cancel();
    this.#attempts++;
    this.#setState(States.CONNECTING, {});
    if (generation !== this.#generation) return; // closed by a state listener
    const open = (token) => {
      let ws;
      try {
        const protocols = [...(this.#options.protocols ?? [])];
        ws = new this.#WebSocket(this.#resumeUrl(), token ? [BEARER_PROTOCOL, token, ...protocols] : protocols);
      } catch (e) {
        // Not the message: it may quote the subprotocols, token included.
        return this.#giveUp(0, `the browser refused to create the WebSocket (${e?.name})`);
      }
      this.#ws = ws;
      this.#token = token;
      this.#openedAt = null;
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => generation === this.#generation && this.#opened();
      ws.onmessage = (event) => generation === this.#generation && this.#received(event.data);
      ws.onclose = (event) => generation === this.#generation && this.#ended(event);
      ws.onerror = () => {}; // a close event follows, and says all a browser tells
    };
    if (this.#nextToken !== undefined) {
      const token = this.#nextToken;
      this.#nextToken = undefined;
      open(token);
    } else {
      this.#askToken(generation, open, () => this.#backOff(0, 'the token function failed', 0));
    }
  }

  /** Calls back with the token (null for none): at once for a string, once settled for a Promise. */
  #askToken(generation, answered, failed) {
    const tokenOf = (value) => (typeof value === 'string' && value !== '' ? value : null);
    let value;
    try {
      value = typeof this.#options.token === 'function' ? this.#options.token() : this.#options.token;
    } catch {
      return failed();
    }
    if (typeof value?.then !== 'function') return answered(tokenOf(value));
    Promise.resolve(value).then(
      (token) => generation === this.#generation && answered(tokenOf(token)),
      () => generation === this.#generation && failed(),
    );
  }

  #opened() {
    this.#openedAt = this.#clock.now();
    this.#refused = null;
    const ws = this.#ws;
    // What waited goes first, in order, before anything the callbacks below send.
    while (this.#buffer.length > 0 && ws.readyState === OPEN) ws.send(this.#buffer.shift());
    const generation = this.#generation;
    this.#setState(States.OPEN, {});
    this.#attempts = 0;
    if (generation === this.#generation) this.#emit('open');
  }

  #received(data) {
    let found = null;
    if (this.#options.positionOf) {
      try {
        found = this.#options.positionOf(data);
      } catch (e) {
        report(e);
      }
    }
    const room = typeof found === 'string' ? '' : typeof found?.room === 'string' ? found.room : null;
    const position = parsePosition(typeof found === 'string' ? found : found?.position);
    if (room !== null && position) {
      const last = this.#positions.get(room);
      if (last && last.epoch === position.epoch && position.offset <= last.offset) return; // seen already
      this.#positions.set(room, position);
    }
    this.#emit('message', data);
  }

  #ended(event) {
    this.#ws = null;
    const code = event.code || CloseCodes.ABNORMAL;
    const reason = event.reason || '';
    if (this.#openedAt === null) {
      // Never opened: the browser does not say whether it was 401, 403, 404, 503 or no server at all.
      return this.#backOff(code, reason || 'the handshake failed', 0);
    }
    // A connection that stayed up as long as the longest backoff was healthy: the backoff starts afresh.
    if (this.#clock.now() - this.#openedAt >= this.#max) this.#step = 0;
    this.#openedAt = null;
    const generation = this.#generation;
    this.#emit('close', code, reason);
    if (generation !== this.#generation) return; // the close listener closed or restarted the socket
    const advised = restartDelay(code, reason);
    if (advised !== null) return this.#backOffFor(code, reason, advised);
    switch (code) {
      case CloseCodes.UNSUPPORTED_DATA:
        return this.#giveUp(code, reason);
      case CloseCodes.POLICY_VIOLATION:
        return this.#tokenRefused(code, reason);
      case CloseCodes.TRY_AGAIN_LATER:
      case CloseCodes.TOO_BIG:
        return this.#backOff(code, reason, OVERLOADED_STEP);
      default:
        return this.#backOff(code, reason, 0); // soon, unless the connections keep ending early
    }
  }

  // --- reactions -----------------------------------------------------------------------------------------------

  #backOff(code, reason, fromStep) {
    this.#step = Math.max(this.#step, fromStep);
    const delay = this.#delay(this.#step++);
    this.#later(() => this.#attempt(), delay);
    this.#setState(States.BACKING_OFF, { code, reason, delay });
  }

  /** Waits as long as the server asked, plus a pause under backoff.initial, then attempts. */
  #backOffFor(code, reason, advised) {
    const delay = advised + Math.floor(this.#random() * this.#initial);
    this.#step++;
    this.#later(() => this.#attempt(), delay);
    this.#setState(States.BACKING_OFF, { code, reason, delay });
  }

  #tokenRefused(code, reason) {
    if (typeof this.#options.token !== 'function') {
      return this.#giveUp(code, reason || 'the server refused the token, and there is no token function');
    }
    this.#refused = this.#token;
    this.#why = { code, reason };
    this.#lookForToken(false);
  }

  /** Asks for a token other than the refused one: connects with it, or waits and asks again. */
  #lookForToken(now) {
    const generation = this.#cancel();
    const { code, reason } = this.#why;
    let answered = false;
    const wait = () => {
      answered = true;
      const delay = this.#delay(this.#step++);
      this.#later(() => this.#lookForToken(false), delay);
      this.#setState(States.WAITING_FOR_TOKEN, { code, reason, delay });
    };
    this.#askToken(
      generation,
      (token) => {
        answered = true;
        if (token === null || token === this.#refused) return wait();
        this.#nextToken = token;
        if (now) return this.#attempt();
        const delay = Math.floor(this.#random() * this.#initial);
        this.#later(() => this.#attempt(), delay);
        this.#setState(States.BACKING_OFF, { code, reason, delay });
      },
      wait,
    );
    // An asynchronous token function is still thinking: the socket waits for its token meanwhile.
    if (!answered) this.#setState(States.WAITING_FOR_TOKEN, { code, reason, delay: 0 });
  }

  #giveUp(code, reason) {
    this.#stop();
    this.#setState(States.GAVE_UP, { code, reason });
  }

  // --- plumbing ------------------------------------------------------------------------------------------------

  /** Step k's delay: uniform under its ceiling min(max, initial * 2^k). */
  #delay(step) {
    const ceiling = Math.min(this.#max, this.#initial * 2 ** Math.min(step, 40));
    return Math.floor(this.#random() * ceiling);
  }

  #resumeUrl() {
    const since = [...this.#positions]
      .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0))
      .map(([room, position]) => {
        const name = room === '' ? SINCE_PARAMETER : `${SINCE_PARAMETER}.${encodeURIComponent(room)}`;
        return `${name}=${encodeURIComponent(position.text)}`;
      });
    if (since.length === 0) return this.#url;
    const joint = !this.#url.includes('?') ? '?' : /[?&]$/.test(this.#url) ? '' : '&';
    return this.#url + joint + since.join('&');
  }

  /** Forgets the timer and any answer still to come; returns the new generation. */
  #cancel() {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    return ++this.#generation;
  }

  #later(fn, delay) {
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      fn();
    }, delay);
  }

  /** Ends everything under way: timer, token answer, socket, buffer. */
  #stop(code = 1000, reason = '') {
    this.#cancel();
    this.#buffer.length = 0;
    this.#nextToken = undefined;
    this.#openedAt = null;
    const ws = this.#ws;
    this.#ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      try {
        ws.close(code, reason);
      } catch {
        ws.close(); // a code the browser refuses to send (only 1000 and 3000-4999 may be), or a reason too long
      }
    }
  }

  #setState(state, detail) {
    const changed = state !== this.#state;
    this.#state = state;
    const waiting = state === States.BACKING_OFF || state === States.WAITING_FOR_TOKEN;
    const attempt = waiting ? this.#attempts + 1 : Math.max(1, this.#attempts);
    if (changed) this.#emit('state', state, { code: 0, reason: '', delay: 0, attempt, ...detail });
  }

  #emit(name, ...args) {
    const callback = this.#options[`on${name}`];
    for (const fn of [callback, ...(this.#listeners.get(name) ?? [])]) {
      if (typeof fn !== 'function') continue;
      try {
        fn(...args);
      } catch (e) {
        report(e);
      }
    }
  }
}

/** A listener's error goes to the page's error handlers, not into the socket. */
function report(error) {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else setTimeout(() => { throw error; });
}
