/*
 * Switchboard TCK: records what a test page observed, for the test that opened it (io.switchboard.tck.browser.Browser
 * reads Report.lines() through WebDriver until the last line is "done").
 *
 * The test passes its parameters in the URL fragment, which the browser never sends to any server (Report.param).
 * Each recorded line also goes to the console, so a page opened by hand shows what it saw.
 */
const Report = (() => {
    const params = new URLSearchParams(location.hash.slice(1));
    const lines = [];

    function record(kind, text) {
        const line = text === undefined ? kind : kind + ' ' + text;
        lines.push(line);
        console.log('report: ' + line);
    }

    return {
        /** A parameter from the fragment, or fallback if it is absent. */
        param(name, fallback) {
            return params.has(name) ? params.get(name) : fallback;
        },

        /** Records one line: kind, then text if any. */
        record,

        /**
         * Records a socket's events: open, message <text> (or binary <size>), error, close <code> [<reason>].
         * Returns a promise of the close event.
         */
        watch(socket) {
            socket.binaryType = 'arraybuffer';
            socket.addEventListener('open', () => record('open'));
            socket.addEventListener('message', event => typeof event.data === 'string'
                ? record('message', event.data)
                : record('binary', event.data.byteLength));
            socket.addEventListener('error', () => record('error'));
            return new Promise(resolve => socket.addEventListener('close', event => {
                record('close', event.code + (event.reason ? ' ' + event.reason : ''));
                resolve(event);
            }));
        },

        /** Ends the report: the test stops waiting and closes the browser. */
        done() {
            record('done');
        },

        /** Every line recorded so far, in order, as recorded (a copy). */
        lines() {
            return lines.slice();
        },
    };
})();

// A mistake in the page shows in the report instead of as a timeout.
addEventListener('error', event => Report.record('page-error', event.message));
addEventListener('unhandledrejection', event => Report.record('page-error', event.reason));
