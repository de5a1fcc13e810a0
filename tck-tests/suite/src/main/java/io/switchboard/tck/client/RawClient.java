package io.switchboard.tck.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket peer at the socket level, for what a well-behaved client never does: drop the TCP connection
 * without a close frame, send a broken handshake.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final int status;
    private final Map<String, String> headers;

    private RawClient(Socket socket, int status, Map<String, String> headers) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
    }

    /**
     * Sends an upgrade request and reads the status line and headers of the answer.
     *
     * @param uri          a {@code ws://} URI
     * @param withKey      whether to send a {@code Sec-WebSocket-Key} (without it the handshake must fail)
     * @return the open socket and the HTTP status the server answered
     */
    public static RawClient handshake(URI uri, boolean withKey) throws IOException {
        return handshake(uri, withKey, Map.of());
    }

    /**
     * Sends an upgrade request with extra headers and reads the status line and headers of the answer.
     *
     * @param uri     a {@code ws://} URI
     * @param withKey whether to send a {@code Sec-WebSocket-Key}
     * @param extra   headers to add, such as {@code Origin}, or to replace, such as {@code Upgrade}
     * @return the open socket and the HTTP status the server answered
     */
    public static RawClient handshake(URI uri, boolean withKey, Map<String, String> extra) throws IOException {
        return handshake(uri, withKey, extra, List.of(), 0);
    }

    /**
     * Sends an upgrade request with extra header lines sent as they are, which may repeat a header, and reads the
     * answer's status line and headers.
     *
     * @param uri   a {@code ws://} URI (its query is sent)
     * @param lines header lines such as {@code Authorization: Bearer x}
     * @return the open socket and the HTTP status the server answered
     */
    public static RawClient handshake(URI uri, List<String> lines) throws IOException {
        return handshake(uri, true, Map.of(), lines, 0);
    }

    /**
     * Completes a handshake from a socket with a small receive buffer, for a peer that stops reading: the
     * server's writes then stall after little data.
     *
     * @param uri            a {@code ws://} URI
     * @param receiveBuffer  the socket's receive buffer size in bytes
     * @return the open, upgraded socket
     */
    public static RawClient upgradeWithReceiveBuffer(URI uri, int receiveBuffer) throws IOException {
        RawClient client = handshake(uri, true, Map.of(), List.of(), receiveBuffer);
        if (client.status() != 101) {
            client.close();
            throw new IOException("Handshake refused: " + client.status());
        }
        return client;
    }

    /**
     * Sends a request head exactly as given — request line, header lines, the blank line — for requests no URI can
     * express (a backslash, a fragment, an absolute-form target, HTTP/1.0, odd header casing), and reads the status
     * line and headers of the answer.
     *
     * @param server a URI naming the server's host and port
     * @param head   the request head, lines ending in CRLF, the blank line included
     * @return the socket and the HTTP status answered, or -1 where the server closed without a status line
     */
    public static RawClient send(URI server, String head) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read(socket);
    }

    /** A fresh {@code Sec-WebSocket-Key} value. */
    public static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    private static RawClient handshake(
            URI uri, boolean withKey, Map<String, String> extra, List<String> lines, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        Map<String, String> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.put("Host", uri.getHost() + ":" + uri.getPort());
        request.put("Upgrade", "websocket");
        request.put("Connection", "Upgrade");
        if (withKey) {
            request.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(nonce));
        }
        request.put("Sec-WebSocket-Version", "13");
        request.putAll(extra);
        OutputStream out = socket.getOutputStream();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder raw = new StringBuilder(headerLines(request));
        lines.forEach(line -> raw.append(line).append("\r\n"));
        out.write(("GET " + target + " HTTP/1.1\r\n" + raw + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read(socket);
    }

    private static RawClient read(Socket socket) throws IOException {
        String head = readHead(socket.getInputStream());
        String[] answer = head.split("\r\n");
        String[] statusLine = answer[0].split(" ", 3);
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < answer.length; i++) {
            int colon = answer[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        answer[i].substring(0, colon).trim(),
                        answer[i].substring(colon + 1).trim());
            }
        }
        return new RawClient(socket, status, headers);
    }

    private static String headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach(
                (name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.toString();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    /** The HTTP status of the handshake answer (101 when upgraded). */
    public int status() {
        return status;
    }

    /** A header of the handshake answer, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * Sends a masked close frame with code 1000, waits for the server's close frame, and closes the socket:
     * a clean close, cheaper than a full client's.
     */
    public void closeCleanly() throws IOException {
        sendClose(1000);
        InputStream in = socket.getInputStream();
        int first = in.read();
        if (first != 0x88) {
            throw new IOException("Expected a close frame, got " + first);
        }
        int length = in.read() & 0x7F;
        in.readNBytes(length);
        socket.close();
    }

    /**
     * Sends a masked close frame with a code and no reason: to start a close, or to answer the server's close frame
     * as browsers do, echoing its code.
     *
     * @param code the close code
     */
    public void sendClose(int code) throws IOException {
        sendFrame(0x88, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /**
     * Sends a whole text message in one masked frame.
     *
     * @param text the message
     */
    public void sendText(String text) throws IOException {
        sendTextFrame(text, true);
    }

    /**
     * Sends the first frame of a text message in one masked frame: with {@code fin} false, the message stays
     * unfinished until continuation frames follow.
     *
     * @param text the frame's text
     * @param fin  whether it is the whole message
     */
    public void sendTextFrame(String text, boolean fin) throws IOException {
        sendFrame(fin ? 0x81 : 0x01, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers a ping.
     *
     * @param payload the ping's application data
     */
    public void sendPong(byte[] payload) throws IOException {
        sendFrame(0x8A, payload);
    }

    private void sendFrame(int first, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(first);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift) & 0xFF);
            }
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
        socket.getOutputStream().flush();
    }

    /**
     * Sends the start of a masked text frame that announces 100 bytes and carries 10: the server waits for the
     * rest, which never comes.
     */
    public void sendHalfFrame() throws IOException {
        byte[] start = new byte[2 + 4 + 10];
        start[0] = (byte) 0x81;
        start[1] = (byte) (0x80 | 100);
        ThreadLocalRandom.current().nextBytes(java.util.Arrays.copyOfRange(start, 2, 16));
        socket.getOutputStream().write(start);
        socket.getOutputStream().flush();
    }

    /** A frame read from the server: its opcode and its payload. */
    public record Frame(int opcode, byte[] payload) {
        /** The payload as UTF-8 text. */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame. */
        public int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        /** The reason of a close frame. */
        public String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads the next frame the server sent (servers do not mask).
     *
     * @param timeout how long to wait for it, in milliseconds
     * @return the frame
     * @throws IOException if the connection ends or the time runs out
     */
    public Frame readFrame(int timeout) throws IOException {
        socket.setSoTimeout(timeout);
        InputStream in = socket.getInputStream();
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
            throw new IOException("Connection ended");
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = ((in.read() & 0xFF) << 8) | (in.read() & 0xFF);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (in.read() & 0xFF);
            }
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new IOException("Connection ended inside a frame");
        }
        return new Frame(first & 0x0F, payload);
    }

    /** Drops the connection at once: a TCP reset, no close frame. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
