// The relay page: one WebSocket to ws/relay/SWB, which carries the ticks the relay received from the ticker and the
// state of the relay's link to it. The page reconnects itself with backoff and full jitter should the relay drop it.
// Plain browser JavaScript; loads nothing from anywhere else.
(function () {
    "use strict";

    var FIRST_DELAY_MS = 500;
    var MAX_DELAY_MS = 15000;
    var HISTORY = 12;                // link changes listed

    var linkEl = document.getElementById("link");
    var pageEl = document.getElementById("page");
    var priceEl = document.getElementById("price");
    var ticksEl = document.getElementById("ticks");
    var seqEl = document.getElementById("seq");
    var dropsEl = document.getElementById("drops");
    var historyEl = document.getElementById("history");

    var ticks = 0;
    var drops = 0;
    var linkState = null;
    var failures = 0;
    var lastPrice = null;

    // ws://host/<context root>/ws/relay/SWB, from wherever this page is served.
    function socketUrl() {
        var scheme = location.protocol === "https:" ? "wss:" : "ws:";
        var folder = location.pathname.replace(/[^/]*$/, "");
        return scheme + "//" + location.host + folder + "ws/relay/SWB";
    }

    function setPage(state, text) {
        pageEl.dataset.state = state;
        pageEl.textContent = text;
    }

    function connect() {
        setPage("connecting", "connecting");
        var socket = new WebSocket(socketUrl());
        socket.onopen = function () {
            failures = 0;
            setPage("live", "live");
        };
        socket.onmessage = function (event) {
            var message = JSON.parse(event.data);
            if (message.relay) {
                showLink(message);
            } else {
                showTick(message);
            }
        };
        socket.onclose = function (event) {
            var cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * Math.pow(2, failures));
            var delay = Math.round(Math.random() * cap);
            failures += 1;
            setPage("reconnecting", "closed (" + event.code + "), retrying in " + (delay / 1000).toFixed(1) + " s");
            setTimeout(connect, delay);
        };
    }

    function showLink(status) {
        if (linkState === "OPEN" && status.relay !== "OPEN") {
            drops += 1;
            dropsEl.textContent = String(drops);
        }
        linkState = status.relay;
        var text = status.relay.toLowerCase().replace("_", " ");
        if (status.relay !== "OPEN") {
            text += ", attempt " + status.attempt;
        }
        if (status.retryInMs !== undefined) {
            text += ", next in " + (status.retryInMs / 1000).toFixed(1) + " s";
        }
        linkEl.dataset.state = status.relay;
        linkEl.textContent = text;

        var item = document.createElement("li");
        item.textContent = new Date().toLocaleTimeString() + "  " + text
            + (status.code ? "  (code " + status.code + ")" : "");
        historyEl.insertBefore(item, historyEl.firstChild);
        while (historyEl.children.length > HISTORY) {
            historyEl.removeChild(historyEl.lastChild);
        }
    }

    function showTick(tick) {
        ticks += 1;
        priceEl.textContent = tick.price.toFixed(2);
        priceEl.className = lastPrice === null || tick.price === lastPrice ? "" : tick.price > lastPrice ? "up" : "down";
        lastPrice = tick.price;
        ticksEl.textContent = String(ticks);
        seqEl.textContent = String(tick.seq);
    }

    connect();
})();
