// The chat page: plain JavaScript modules, no build step, nothing loaded from elsewhere.
// User data only ever reaches the page through textContent (never innerHTML), so no one can inject markup.
//
// The connection is switchboard.js's (served by the WAR's Switchboard at /chat/switchboard/switchboard.js): it asks
// for a fresh token before every attempt, reconnects with backoff, and resumes where the page left off by naming the
// last position it saw, so the server replays what the page missed instead of sending the history again.
import { connect, parsePosition } from "./switchboard/switchboard.js";

const MAX_TEXT_BYTES = 8 * 1024; // the endpoint closes a larger text frame with 1009
const MAX_IMAGE_BYTES = 1024 * 1024; // ... and a larger binary frame

const $ = (id) => document.getElementById(id);
const base = new URL(".", location.href); // http://host/chat/
// Demo only: ?ttl=10 asks for tokens that expire after 10 s, to watch the server close the session (1008 "Token
// expired") and the page come back with a fresh token.
const tokenTtl = new URLSearchParams(location.search).get("ttl");

let socket = null; // the SwitchboardSocket from Join to Leave (or to an error that needs Join again)
let user = "";
let room = "";
let opened = false; // whether this join's socket has been open: before that, a failure is a refusal, not a drop
let tokenError = null; // why the last token request failed
let historyHere = false; // whether the current connection brought a history
let countdown = null; // the timer that updates "Reconnecting in N s"
const present = new Set();
const shown = new Map(); // id of each said message on the page -> its item: a message is shown once
// For tests, on #status: data-connections (sessions opened since the page loaded), data-histories (history frames
// shown), data-resumed (connections that needed none: the server replayed what was missed), data-attempt.
const counts = { connections: 0, histories: 0, resumed: 0 };

function setStatus(text, state, attempt = 0) {
    const status = $("status");
    status.textContent = text;
    status.dataset.state = state;
    status.dataset.attempt = String(attempt);
}

function count(name) {
    counts[name]++;
    $("status").dataset[name] = String(counts[name]);
}

function setControls() {
    const live = socket !== null && socket.state === "open";
    $("text").disabled = $("send").disabled = !live;
    $("leave").disabled = socket === null;
    $("join").disabled = socket !== null;
}

function addItem(className) {
    const item = document.createElement("li");
    if (className) item.className = className;
    $("messages").append(item);
    return item;
}

function showNotice(text) {
    addItem("notice").textContent = text;
    scrollDown();
}

/** A said message as an item, or null if the page shows it already. */
function saidItem(message) {
    if (message.id && shown.has(message.id)) return null;
    const item = document.createElement("li");
    item.className = "said";
    if (message.id) {
        item.dataset.id = message.id;
        shown.set(message.id, item);
    }
    const time = document.createElement("time");
    time.dateTime = message.at;
    time.textContent = new Date(message.at).toLocaleTimeString();
    const from = document.createElement("span");
    from.className = "from";
    from.textContent = message.from;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.text;
    item.append(time, from, text);
    return item;
}

function showSaid(message) {
    const item = saidItem(message);
    if (item) {
        $("messages").append(item);
        scrollDown();
    }
}

// A history after a drop brings what the page shows already (shown once) and what it missed. It can also come after
// a few live messages newer than it (said between the join and the history): a missed message goes before the
// oldest shown one of its epoch that is newer, else at the end.
function mergeHistory(messages) {
    for (const message of messages) {
        const item = saidItem(message);
        if (!item) continue;
        const position = parsePosition(message.id);
        let next = null;
        let nextOffset = null;
        for (const other of position ? shown.values() : []) {
            const at = parsePosition(other.dataset.id);
            if (other !== item && at && at.epoch === position.epoch && at.offset > position.offset
                && (nextOffset === null || at.offset < nextOffset)) {
                next = other;
                nextOffset = at.offset;
            }
        }
        if (next) next.before(item);
        else $("messages").append(item);
    }
    scrollDown();
}

function showImage(blob, from) {
    const item = addItem("image");
    const label = document.createElement("span");
    label.className = "from";
    label.textContent = from;
    const image = document.createElement("img");
    image.alt = "image from " + from;
    image.src = URL.createObjectURL(blob);
    image.onload = () => URL.revokeObjectURL(image.src);
    item.append(label, image);
    scrollDown();
}

function scrollDown() {
    $("messages").scrollTop = $("messages").scrollHeight;
}

function showMembers() {
    const list = $("members");
    list.replaceChildren(...[...present].sort().map((name) => {
        const item = document.createElement("li");
        item.textContent = name;
        return item;
    }));
}

function onServerMessage(message) {
    switch (message.type) {
        case "history":
            historyHere = true;
            count("histories");
            mergeHistory(message.messages);
            showNotice(`You are in ${message.room}.`);
            break;
        case "joined":
            if (message.user === user && !historyHere) {
                // This connection resumed: the server replayed everything said since the page's last message.
                historyHere = true;
                count("resumed");
                showNotice(`Back in ${message.room}, nothing missed.`);
            }
            present.add(message.user);
            showMembers();
            showNotice(`${message.user} joined.`);
            break;
        case "left":
            present.delete(message.user);
            showMembers();
            showNotice(`${message.user} left.`);
            break;
        case "members":
            present.clear();
            message.users.forEach((name) => present.add(name));
            showMembers();
            break;
        case "said":
            showSaid(message);
            break;
        case "error":
            showNotice(`The server did not understand: ${message.message}`);
            break;
    }
}

// Each frame is parsed once: switchboard.js asks for its position, then hands it to onmessage.
let lastFrame = { data: null, message: null };

function parsed(data) {
    if (lastFrame.data !== data) lastFrame = { data, message: JSON.parse(data) };
    return lastFrame.message;
}

// The position a frame carries, for switchboard.js to resume from and to drop what it has seen already. A history
// (the room's position when this page joined) counts only when it is newer than what the page saw: it can arrive
// after live messages newer than it, and switchboard.js would drop it as seen.
function positionOf(data) {
    if (typeof data !== "string") return null;
    const message = parsed(data);
    switch (message.type) {
        case "said":
            return message.id ?? null;
        case "joined":
        case "left":
            return message.position ?? null;
        case "history":
            return newer(message.position, socket?.position) ? message.position : null;
        default:
            return null;
    }
}

function newer(text, than) {
    const position = parsePosition(text);
    const last = parsePosition(than);
    return position !== null && (last === null || last.epoch !== position.epoch || position.offset > last.offset);
}

async function fetchToken() {
    try {
        const response = await fetch(new URL("api/token", base), {
            method: "POST",
            body: new URLSearchParams(tokenTtl ? { user, ttl: tokenTtl } : { user }),
        });
        if (response.status === 404) {
            throw new Error("No token endpoint (404): the server is not in demo mode.");
        }
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
            throw new Error(`The token endpoint refused (${response.status}): ${body.error || response.statusText}`);
        }
        tokenError = null;
        return body.token;
    } catch (error) {
        // fetch rejects with a TypeError when there is no answer at all.
        tokenError = error instanceof TypeError ? new Error("The server is not reachable.") : error;
        throw tokenError;
    }
}

function join() {
    stop();
    user = $("name").value.trim();
    room = $("room").value.trim();
    opened = false;
    tokenError = null;
    $("messages").replaceChildren();
    shown.clear();
    present.clear();
    showMembers();
    const url = new URL("ws/" + encodeURIComponent(room), base);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    socket = connect(url.href, {
        token: fetchToken, // a fresh one before every attempt, sent as a subprotocol (browsers cannot set headers)
        positionOf,
        onstate,
        onopen,
        onclose,
        onmessage: (data) => {
            if (typeof data === "string") onServerMessage(parsed(data));
            else showImage(new Blob([data]), "someone");
        },
    });
    setControls();
}

/** Ends the socket for good and says why. */
function stop(text, state) {
    clearInterval(countdown);
    const ending = socket;
    socket = null;
    if (ending) ending.close(1000, "left");
    if (text) setStatus(text, state);
    present.clear();
    showMembers();
    setControls();
}

function onopen() {
    opened = true;
    historyHere = false;
    count("connections");
    setControls();
    $("text").focus();
    send({ type: "who" });
}

function onclose(code, reason) {
    present.clear();
    showMembers();
    if (code === 1008 && reason !== "Token expired") {
        stop(`Closed by the server: ${reason || "policy violation"} (1008), e.g. sending too fast. `
            + "Press Join to come back.", "error");
    } else if (code === 1009) {
        stop("Closed by the server: a message was too big (1009). Press Join to come back.", "error");
    }
    // Anything else: switchboard.js reconnects (after a 1008 "Token expired", with a fresh token).
}

function why(detail) {
    if (detail.reason === "the token function failed" && tokenError) return tokenError.message;
    if (detail.code === 1008 && detail.reason === "Token expired") return "Your token expired (1008).";
    if (detail.code) return `Disconnected (${detail.code}${detail.reason ? ": " + detail.reason : ""}).`;
    return detail.reason ? `Not connected: ${detail.reason}.` : "Not connected.";
}

function onstate(state, detail) {
    clearInterval(countdown);
    if (socket === null) return; // stopped: stop() said why
    setControls();
    switch (state) {
        case "connecting":
            if (opened) setStatus(`Reconnecting to ${room} (attempt ${detail.attempt})...`, "reconnecting", detail.attempt);
            else setStatus(`Connecting to ${room}...`, "connecting");
            break;
        case "open":
            setStatus(`Live in ${room} as ${user}.`, "connected");
            break;
        case "backing-off": {
            if (!opened) {
                // The first attempt failed: a browser never sees the handshake's status, so 401/403 and an
                // unreachable server look the same here; the token endpoint's refusal is known.
                stop(tokenError ? tokenError.message
                    : "Refused: the server did not accept the connection (401/403: token refused), "
                        + "or it is not reachable.", "error");
                return;
            }
            const retryAt = Date.now() + detail.delay;
            const show = () => setStatus(`${why(detail)} Reconnecting in ${Math.ceil((retryAt - Date.now()) / 1000)} s `
                + `(attempt ${detail.attempt})...`, "reconnecting", detail.attempt);
            show();
            countdown = setInterval(show, 250);
            break;
        }
        case "waiting-for-token":
            setStatus(`${why(detail)} Waiting for sign-in...`, "waiting", detail.attempt);
            break;
        case "gave-up":
            stop(`Gave up: ${detail.reason || "the connection cannot be made"}. Press Join to try again.`, "error");
            break;
    }
}

function send(message) {
    const frame = JSON.stringify(message);
    if (new TextEncoder().encode(frame).length > MAX_TEXT_BYTES) {
        showNotice("Too long to send: a message may have 8 KiB.");
        return false;
    }
    if (socket === null || socket.state !== "open") return false;
    return socket.send(frame);
}

function sendImage(file) {
    if (!file || !file.type.startsWith("image/")) return;
    if (socket === null || socket.state !== "open") return;
    if (file.size > MAX_IMAGE_BYTES) {
        showNotice("Too big to send: an image may have 1 MiB.");
        return;
    }
    socket.send(file);
    showImage(file, "you");
}

$("login").addEventListener("submit", (event) => {
    event.preventDefault();
    join();
});

$("leave").addEventListener("click", () => stop("You left.", "idle"));

$("compose").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("text").value;
    if (text.trim() && send({ type: "say", text })) {
        $("text").value = "";
    }
});

$("text").addEventListener("paste", (event) => {
    const image = [...event.clipboardData.files].find((file) => file.type.startsWith("image/"));
    if (image) {
        event.preventDefault();
        sendImage(image);
    }
});

document.addEventListener("dragover", (event) => {
    event.preventDefault();
    $("compose").classList.add("dropping");
});
document.addEventListener("dragleave", () => $("compose").classList.remove("dropping"));
document.addEventListener("drop", (event) => {
    event.preventDefault();
    $("compose").classList.remove("dropping");
    [...event.dataTransfer.files].forEach(sendImage);
});
