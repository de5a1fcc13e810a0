// The ticker page: one WebSocket to ws/prices, a chart of the last 300 ticks on a canvas, and reconnection with
// exponential backoff and full jitter after any drop. Plain browser JavaScript; loads nothing from anywhere else.
(function () {
    "use strict";

    var HISTORY = 300;               // ticks on the chart: 30 seconds at 10 a second
    var NARROWEST = 100;             // until that many have arrived, the chart spans 10 seconds
    var FIRST_DELAY_MS = 500;        // the first reconnection waits up to this long ...
    var MAX_DELAY_MS = 15000;        // ... each next one up to twice as long, never more than this

    var statusEl = document.getElementById("status");
    var priceEl = document.getElementById("price");
    var ticksEl = document.getElementById("ticks");
    var seqEl = document.getElementById("seq");
    var reconnectsEl = document.getElementById("reconnects");
    var canvas = document.getElementById("chart");
    var ctx = canvas.getContext("2d");

    var prices = [];
    var received = 0;
    var reconnects = 0;
    var failures = 0;                // drops since the last tick that arrived
    var socket = null;

    // ws://host/<context root>/ws/prices, from wherever this page is served.
    function socketUrl() {
        var scheme = location.protocol === "https:" ? "wss:" : "ws:";
        var folder = location.pathname.replace(/[^/]*$/, "");
        return scheme + "//" + location.host + folder + "ws/prices";
    }

    function setStatus(state, text) {
        statusEl.dataset.state = state;
        statusEl.textContent = text;
    }

    function connect() {
        setStatus("connecting", "connecting");
        socket = new WebSocket(socketUrl());
        socket.onopen = function () {
            setStatus("live", "live");
        };
        socket.onmessage = function (event) {
            var tick = JSON.parse(event.data);
            failures = 0;
            received += 1;
            show(tick);
        };
        socket.onclose = function (event) {
            scheduleReconnect(event.code);
        };
    }

    // Full jitter: a random wait between 0 and the current cap, so that many pages dropped at once by a restart do
    // not all come back in the same instant.
    function scheduleReconnect(code) {
        var cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * Math.pow(2, failures));
        var delay = Math.round(Math.random() * cap);
        failures += 1;
        setStatus("reconnecting", "closed (" + code + "), retrying in " + (delay / 1000).toFixed(1) + " s");
        setTimeout(function () {
            reconnects += 1;
            reconnectsEl.textContent = String(reconnects);
            connect();
        }, delay);
    }

    function show(tick) {
        var previous = prices.length ? prices[prices.length - 1] : tick.price;
        prices.push(tick.price);
        if (prices.length > HISTORY) {
            prices.shift();
        }
        priceEl.textContent = tick.price.toFixed(2);
        priceEl.className = tick.price > previous ? "up" : tick.price < previous ? "down" : "";
        ticksEl.textContent = String(received);
        seqEl.textContent = String(tick.seq);
        draw();
    }

    function draw() {
        var w = canvas.width, h = canvas.height, pad = 30;
        ctx.clearRect(0, 0, w, h);
        var low = Math.min.apply(null, prices), high = Math.max.apply(null, prices);
        if (high - low < 0.5) {
            var mid = (high + low) / 2;
            low = mid - 0.25;
            high = mid + 0.25;
        }
        var span = Math.max(prices.length, NARROWEST);
        var x = function (i) { return pad + (w - 2 * pad) * i / (span - 1); };
        var y = function (p) { return h - pad - (h - 2 * pad) * (p - low) / (high - low); };

        ctx.strokeStyle = "#2a3244";
        ctx.fillStyle = "#8a94a8";
        ctx.font = "12px sans-serif";
        ctx.lineWidth = 1;
        for (var g = 0; g <= 4; g++) {
            var level = low + (high - low) * g / 4;
            ctx.beginPath();
            ctx.moveTo(pad, y(level));
            ctx.lineTo(w - pad, y(level));
            ctx.stroke();
            ctx.fillText(level.toFixed(2), 2, y(level) - 3);
        }

        var rising = prices[prices.length - 1] >= prices[0];
        var offset = span - prices.length;
        ctx.beginPath();
        prices.forEach(function (p, i) {
            if (i === 0) {
                ctx.moveTo(x(offset + i), y(p));
            } else {
                ctx.lineTo(x(offset + i), y(p));
            }
        });
        ctx.strokeStyle = rising ? "#3ccf8e" : "#ff6b6b";
        ctx.lineWidth = 2;
        ctx.stroke();
        // The area under the line, faintly.
        ctx.lineTo(x(span - 1), h - pad);
        ctx.lineTo(x(offset), h - pad);
        ctx.closePath();
        ctx.fillStyle = rising ? "rgba(60, 207, 142, 0.12)" : "rgba(255, 107, 107, 0.12)";
        ctx.fill();
    }

    // A drop on demand, to watch the reconnection: the page closes its own connection, as a network would.
    document.getElementById("drop").addEventListener("click", function () {
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.close(4000, "dropped on demand");
        }
    });

    connect();
})();
