// Fakes for SwitchboardJsTest: a WebSocket the test plays the server of, and a clock that moves only when told.
// The page is served by the test beside switchboard/switchboard.js, as a WAR serves it from the impl jar.
import * as sb from './switchboard/switchboard.js';

export { sb };

/** setTimeout and clearTimeout on a clock that moves only when the test says so. */
export class FakeClock {
  time = 0;
  scheduled = []; // every delay asked for, in order
  #timers = new Map();
  #ids = 0;

  now = () => this.time;

  setTimeout = (fn, ms) => {
    const id = ++this.#ids;
    this.#timers.set(id, { fn, at: this.time + ms, ms });
    this.scheduled.push(ms);
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  get pending() {
    return this.#timers.size;
  }

  /** Moves the clock to the earliest timer and runs it; returns the delay it was set with. */
  runNext() {
    const earliest = [...this.#timers].sort(([, a], [, b]) => a.at - b.at)[0];
    if (!earliest) throw new Error('no timer is pending');
    const [id, timer] = earliest;
    this.#timers.delete(id);
    this.time = Math.max(this.time, timer.at);
    timer.fn();
    return timer.ms;
  }

  /** Moves the clock on, running the timers that fall due meanwhile. */
  advance(ms) {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = until;
  }
}

/** Lets promises (an asynchronous token function's) settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A socket under test, with everything it did recorded: h.socket, h.sockets (the fake WebSockets it created),
 * h.clock, h.states ({state, code, reason, delay, attempt}), h.messages, h.closes, h.opens. h.random is what
 * random() returns (0.999 unless set). Options go to connect() after the fakes, so a test can replace any.
 */
export function harness(options = {}, url = 'ws://chat.test/chat/lobby') {
  const h = {
    sockets: [],
    states: [],
    messages: [],
    closes: [],
    opens: 0,
    random: 0.999,
    clock: new FakeClock(),
    get last() {
      return this.sockets[this.sockets.length - 1];
    },
    get stateNames() {
      return this.states.map((s) => s.state);
    },
    get delays() {
      return this.states.filter((s) => s.state === 'backing-off').map((s) => s.delay);
    },
  };

  class FakeWebSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;

    constructor(url, protocols) {
      this.url = url;
      this.protocols = protocols ?? [];
      this.readyState = 0;
      this.binaryType = 'blob';
      this.sent = [];
      this.discarded = []; // what a real browser silently drops: sends after close began
      this.closedWith = null;
      h.sockets.push(this);
    }

    send(data) {
      if (this.readyState === 0) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
      (this.readyState === 1 ? this.sent : this.discarded).push(data);
    }

    close(code, reason) {
      this.closedWith = { code: code ?? null, reason: reason ?? null };
      this.readyState = 2;
    }

    // --- what the server and the network do ---

    accept() {
      this.readyState = 1;
      this.onopen?.(new Event('open'));
    }

    deliver(data) {
      this.onmessage?.({ data });
    }

    end(code, reason = '', wasClean = true) {
      this.readyState = 3;
      this.onerror?.(new Event('error'));
      this.onclose?.({ code, reason, wasClean });
    }

    /** A connection lost without a close frame. */
    drop() {
      this.end(1006, '', false);
    }

    /** A handshake refused with any HTTP status, or no server: a browser shows them all the same way. */
    refuse() {
      this.end(1006, '', false);
    }
  }

  h.FakeWebSocket = FakeWebSocket;
  h.socket = sb.connect(url, {
    WebSocket: FakeWebSocket,
    clock: h.clock,
    random: () => h.random,
    onstate: (state, detail) => h.states.push({ state, ...detail }),
    onmessage: (data) => h.messages.push(data),
    onopen: () => h.opens++,
    onclose: (code, reason) => h.closes.push({ code, reason }),
    ...options,
  });
  return h;
}

/** A listener that throws; from this module, so that the page's error event is not muted as a WebDriver script's. */
export const failing = (message) => () => {
  throw new Error(message);
};
