package io.switchboard.impl.endpoint;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Streams that count what the endpoint reads and stop at the size limit: containers do not apply their buffer
 * sizes to streamed messages (Tyrus reads an {@code InputStream} message of any size), so the bridge hands the
 * endpoint a stream that gives up once the message is too big, after the session was told to close with 1009.
 */
final class LimitedStreams {

    private LimitedStreams() {}

    /**
     * The container's own stream failed under the endpoint's read: the connection is closing or gone. Tyrus wakes a
     * blocked {@code Reader} with "session has been closed" before its session stops reporting itself open (when its
     * own buffer limit for the message is passed, for one), so this, not the session's state, tells a failed read
     * from a failure of the endpoint's code.
     */
    static final class ReadFailed extends IOException {
        ReadFailed(IOException cause) {
            super("Reading the message failed: " + cause.getMessage(), cause);
        }
    }

    /** Whether an error is, or was caused by, a {@link ReadFailed}. */
    static boolean isReadFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadFailed) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message is streamed: an {@code InputStream} or a {@code Reader}, which {@link #limit} wraps. */
    static boolean streamed(Object message) {
        return message instanceof InputStream || message instanceof Reader;
    }

    /**
     * Wraps a streamed message; other messages are returned as they are.
     *
     * @param message  the message the container delivered
     * @param max      the limit in bytes (UTF-8 for text); {@link Long#MAX_VALUE} for none
     * @param tooBig   closes the session when the limit is passed
     * @return the message to hand the endpoint
     */
    static Object limit(Object message, long max, Runnable tooBig) {
        if (message instanceof InputStream in) {
            return new LimitedInputStream(in, max, tooBig);
        }
        if (message instanceof Reader reader) {
            return new LimitedReader(reader, max, tooBig);
        }
        return message;
    }

    private static final class Budget {
        private final long max;
        private final Runnable tooBig;
        private long used;

        Budget(long max, Runnable tooBig) {
            this.max = max;
            this.tooBig = tooBig;
        }

        void spend(long bytes) throws IOException {
            used += bytes;
            if (used > max) {
                tooBig.run();
                throw new IOException("Message too big; the limit is " + max + " bytes");
            }
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final Budget budget;

        LimitedInputStream(InputStream in, long max, Runnable tooBig) {
            super(in);
            this.budget = new Budget(max, tooBig);
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            if (b >= 0) {
                budget.spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            if (read > 0) {
                budget.spend(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped;
            try {
                skipped = super.skip(n);
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            budget.spend(skipped);
            return skipped;
        }
    }

    /** A char's UTF-8 bytes, at most 3 (a surrogate pair counts 6, erring towards the limit). */
    private static int utf8Bytes(char c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    private static final class LimitedReader extends FilterReader {
        private final Budget budget;

        LimitedReader(Reader in, long max, Runnable tooBig) {
            super(in);
            this.budget = new Budget(max, tooBig);
        }

        @Override
        public int read() throws IOException {
            int c;
            try {
                c = super.read();
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            if (c >= 0) {
                budget.spend(utf8Bytes((char) c));
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            long bytes = 0;
            for (int i = offset; i < offset + Math.max(read, 0); i++) {
                bytes += utf8Bytes(buffer[i]);
            }
            if (bytes > 0) {
                budget.spend(bytes);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped;
            try {
                skipped = super.skip(n);
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            budget.spend(skipped);
            return skipped;
        }
    }
}
