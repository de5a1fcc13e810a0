/*
 * Switchboard TCK: reports what a test page observed to the test that opened it (io.switchboard.tck.browser.Browser).
 *
 * The test passes parameters in the URL fragment, which the browser never sends to any server: "report", the URL
 * of the test's receiver, and the test's own (Report.param). After each recorded line the page POSTs all lines so
 * far, so a page that hangs still shows the test how far it got. Report.done() ends the visit.
 * Opened by hand, without a "report" parameter, the page logs its lines to the console instead.
 */
const Report = (() => {
    const params = new URLSearchParams(location.hash.slice(1));
    const target = params.get('report');
    const lines = [];

    // One line per event: backslash, CR and LF escaped, so any text fits on a line (Browser.Receiver unescapes).
    const escape = text => String(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

    function record(kind, text) {
        const line = text === undefined ? kind : kind + ' ' + escape(text);
        lines.push(line);
        if (!target) {
            console.log('report: ' + line);
            return;
        }
        // no-cors with a text body is a "simple request": no preflight to a receiver that knows nothing of CORS.
        fetch(target, {method: 'POST', mode: 'no-cors', body: lines.join('\n')})
            .catch(error => console.error('report: cannot send: ' + error));
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
    };
})();

// A mistake in the page shows in the report instead of as a timeout.
addEventListener('error', event => Report.record('page-error', event.message));
addEventListener('unhandledrejection', event => Report.record('page-error', event.reason));
