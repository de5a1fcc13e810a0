// The chat page: plain JavaScript, no build step, nothing loaded from elsewhere.
// User data only ever reaches the page through textContent (never innerHTML), so no one can inject markup.
"use strict";

const MAX_TEXT_BYTES = 8 * 1024;      // the endpoint closes a larger text frame with 1009
const MAX_IMAGE_BYTES = 1024 * 1024;  // ... and a larger binary frame
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30000;

const $ = (id) => document.getElementById(id);
const base = new URL(".", location.href);   // http://host/chat/
let socket = null;
let attempt = 0;          // reconnection attempts since the last successful open
let retryTimer = null;
let leaving = false;      // the user pressed Leave: do not reconnect
const present = new Set();
let connections = 0;      // sessions opened since the page loaded, in #status's data-connections
// Demo only: ?ttl=10 asks for tokens that expire after 10 s, to watch the server close the session (1008 "Token
// expired") and the page come back with a fresh token.
const tokenTtl = new URLSearchParams(location.search).get("ttl");

function setStatus(text, state) {
    $("status").textContent = text;
    $("status").dataset.state = state;
}

function setJoined(joined) {
    $("text").disabled = $("send").disabled = !joined;
    $("leave").disabled = !joined && retryTimer === null;
    $("join").disabled = joined;
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

function showSaid(message) {
    const item = addItem("said");
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
    list.replaceChildren(...[...present].sort().map((user) => {
        const item = document.createElement("li");
        item.textContent = user;
        return item;
    }));
}

function onServerMessage(message) {
    switch (message.type) {
        case "history":
            $("messages").replaceChildren();
            message.messages.forEach(showSaid);
            showNotice(`You are in ${message.room}.`);
            send({ type: "who" });
            break;
        case "joined":
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
            message.users.forEach((user) => present.add(user));
            showMembers();
            break;
        case "said":
            showSaid(message);
            scrollDown();
            break;
        case "error":
            showNotice(`The server did not understand: ${message.message}`);
            break;
    }
}

async function fetchToken(user) {
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
    return body.token;
}

async function connect() {
    retryTimer = null;
    const user = $("name").value.trim();
    const room = $("room").value.trim();
    let token;
    try {
        token = await fetchToken(user);
        if (leaving) return;
    } catch (error) {
        if (leaving) return;
        if (attempt > 0) return scheduleReconnect(error.message);
        setStatus(error.message, "error");
        setJoined(false);
        return;
    }
    const url = new URL("ws/" + encodeURIComponent(room), base);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    // Browsers cannot set headers on a WebSocket: the token travels as a subprotocol, after Switchboard's marker.
    const ws = new WebSocket(url, ["switchboard.bearer", token]);
    ws.binaryType = "blob";
    let opened = false;
    socket = ws;
    setStatus(attempt > 0 ? `Reconnecting to ${room} (attempt ${attempt})...` : `Connecting to ${room}...`,
        attempt > 0 ? "reconnecting" : "connecting");

    ws.onopen = () => {
        opened = true;
        attempt = 0;
        connections++;
        $("status").dataset.connections = String(connections);
        setStatus(`Connected to ${room} as ${user}.`, "connected");
        setJoined(true);
        $("text").focus();
    };
    ws.onmessage = (event) => {
        if (typeof event.data === "string") {
            onServerMessage(JSON.parse(event.data));
        } else {
            showImage(event.data, "someone");
        }
    };
    ws.onclose = (event) => {
        if (socket !== ws) return;
        socket = null;
        setJoined(false);
        present.clear();
        showMembers();
        if (leaving) {
            setStatus("You left.", "idle");
        } else if (!opened && attempt === 0) {
            // A browser never sees the handshake's status: 401/403 and an unreachable server look the same here.
            setStatus("Refused: the server did not accept the connection (401/403: token refused), "
                + "or it is not reachable.", "error");
        } else if (event.code === 1008 && event.reason === "Token expired") {
            // The server ends a session when its token expires: come back with a fresh one.
            scheduleReconnect("Your token expired (1008).");
        } else if (event.code === 1008) {
            setStatus(`Closed by the server: ${event.reason || "policy violation"} (1008), `
                + "e.g. sending too fast. Press Join to come back.", "error");
        } else if (event.code === 1009) {
            setStatus("Closed by the server: a message was too big (1009). Press Join to come back.", "error");
        } else {
            scheduleReconnect(`Disconnected (${event.code}${event.reason ? ": " + event.reason : ""}).`);
        }
    };
}

// Exponential backoff with full jitter: a random wait between 0 and min(cap, base * 2^attempt).
function scheduleReconnect(why) {
    const delay = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
    attempt++;
    setStatus(`${why} Reconnecting in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})...`, "reconnecting");
    retryTimer = setTimeout(connect, delay);
    setJoined(false);
}

function send(message) {
    const frame = JSON.stringify(message);
    if (new TextEncoder().encode(frame).length > MAX_TEXT_BYTES) {
        showNotice("Too long to send: a message may have 8 KiB.");
        return false;
    }
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(frame);
    return true;
}

function sendImage(file) {
    if (!file || !file.type.startsWith("image/")) return;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (file.size > MAX_IMAGE_BYTES) {
        showNotice("Too big to send: an image may have 1 MiB.");
        return;
    }
    socket.send(file);
    showImage(file, "you");
}

$("login").addEventListener("submit", (event) => {
    event.preventDefault();
    leaving = false;
    attempt = 0;
    clearTimeout(retryTimer);
    $("join").disabled = true;
    connect();
});

$("leave").addEventListener("click", () => {
    leaving = true;
    clearTimeout(retryTimer);
    retryTimer = null;
    if (socket) socket.close(1000, "left");
    else setStatus("You left.", "idle");
    setJoined(false);
});

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
