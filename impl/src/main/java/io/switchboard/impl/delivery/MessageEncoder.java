package io.switchboard.impl.delivery;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what an application sends into a {@link Payload}: text and binary as they are, other objects through
 * the encoders the endpoint declares. Boxed primitives without an encoder go as their text, as the container does
 * for values returned from {@code @OnMessage}.
 * <p>
 * One set of encoders per endpoint, not per session as Tyrus and Undertow keep theirs: a broadcast encodes its
 * message once per endpoint, for every recipient, and a per-session encoder would mean one encoding per recipient.
 * The Jakarta WebSocket 2.1 API allows it: {@code Encoder.init} receives "the endpoint configuration object of the
 * endpoint this encoder is intended for when it is about to be brought into service", and {@code destroy} is called
 * "when the encoder is about to be removed from service". So the encoders are initialised with the endpoint's
 * config (not a session's) before their first use, and destroyed once, when the endpoint ends with the application.
 */
public final class MessageEncoder {

    private static final Logger LOG = Logger.getLogger(MessageEncoder.class.getName());

    /** Encodes only what needs no encoder: for sessions whose endpoint declares none. */
    public static final MessageEncoder PLAIN = new MessageEncoder(List.of());

    private final List<Typed> encoders;
    /** Set once, when the endpoint has ended; read under each encoder's lock, so no encoding outlives its encoder. */
    private volatile boolean destroyed;

    private record Typed(Class<?> type, Encoder encoder) {}

    private MessageEncoder(List<Typed> encoders) {
        this.encoders = encoders;
    }

    /**
     * Creates and initialises an endpoint's encoders.
     *
     * @param types  the encoder classes, in declaration order
     * @param config passed to each encoder's {@code init}
     * @return the encoder
     * @throws IllegalStateException if an encoder cannot be created
     */
    public static MessageEncoder of(List<Class<? extends Encoder>> types, EndpointConfig config) {
        if (types.isEmpty()) {
            return PLAIN;
        }
        List<Typed> created = new ArrayList<>();
        for (Class<? extends Encoder> type : types) {
            Encoder encoder;
            try {
                encoder = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Switchboard: cannot create encoder " + type.getName(), e);
            }
            encoder.init(config);
            created.add(new Typed(encodedType(type), encoder));
        }
        return new MessageEncoder(List.copyOf(created));
    }

    /**
     * Whether a message is sent as it is, whatever the endpoint's encoders.
     *
     * @param message the message
     * @return whether it is a {@code String}, {@code ByteBuffer} or {@code byte[]}
     */
    public static boolean needsNoEncoder(Object message) {
        return message instanceof String || message instanceof ByteBuffer || message instanceof byte[];
    }

    /**
     * A message as it is sent once for many endpoints (to other nodes, into a room's history): text and binary as
     * they are, an object as the first recipient's endpoint encodes it.
     *
     * @param message    the message
     * @param recipients its recipients
     * @return the payload, or {@code null} for an object no first recipient (there is none, or its encoders fail)
     *     encodes
     */
    public static Payload asSent(Object message, Iterable<? extends Recipient> recipients) {
        try {
            if (needsNoEncoder(message)) {
                return PLAIN.encode(message);
            }
            java.util.Iterator<? extends Recipient> first = recipients.iterator();
            return first.hasNext() ? first.next().encoder().encode(message) : null;
        } catch (EncodeException e) {
            return null;
        }
    }

    /**
     * Encodes a message.
     *
     * @param message a {@code String}, {@code ByteBuffer}, {@code byte[]}, or an object an encoder takes
     * @return the payload
     * @throws EncodeException if no encoder takes the message, or the encoder failed
     */
    public Payload encode(Object message) throws EncodeException {
        if (message instanceof String text) {
            return Payload.text(text);
        }
        if (message instanceof ByteBuffer bytes) {
            return Payload.binary(bytes);
        }
        if (message instanceof byte[] bytes) {
            return Payload.binary(ByteBuffer.wrap(bytes));
        }
        for (Typed typed : encoders) {
            if (typed.type().isInstance(message)) {
                return encodeWith(typed.encoder(), message);
            }
        }
        if (message instanceof Number || message instanceof Boolean || message instanceof Character) {
            return Payload.text(message.toString());
        }
        throw new EncodeException(
                message, "No encoder for " + message.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Payload encodeWith(Encoder encoder, Object message) throws EncodeException {
        // Encoders are written for one session at a time: shared here, they are called one at a time.
        synchronized (encoder) {
            if (destroyed) {
                throw new EncodeException(message, "The endpoint has ended; its encoders are destroyed");
            }
            try {
                if (encoder instanceof Encoder.Text text) {
                    return Payload.text(text.encode(message));
                }
                if (encoder instanceof Encoder.Binary binary) {
                    return Payload.binary(binary.encode(message));
                }
                if (encoder instanceof Encoder.TextStream stream) {
                    StringWriter writer = new StringWriter();
                    stream.encode(message, writer);
                    return Payload.text(writer.toString());
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ((Encoder.BinaryStream) encoder).encode(message, out);
                return Payload.binary(ByteBuffer.wrap(out.toByteArray()));
            } catch (IOException e) {
                throw new EncodeException(message, "Encoding failed", e);
            } catch (UncheckedIOException | ClassCastException e) {
                throw new EncodeException(message, "Encoding failed", e);
            }
        }
    }

    /** Destroys every encoder, once (later calls do nothing); the endpoint is going away. */
    public void destroy() {
        if (destroyed || encoders.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
        }
        for (Typed typed : encoders) {
            // Under the encoder's lock: an encoding under way on another thread finishes before its encoder goes.
            synchronized (typed.encoder()) {
                destroyQuietly(typed);
            }
        }
    }

    private static void destroyQuietly(Typed typed) {
        try {
            typed.encoder().destroy();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Switchboard: destroying encoder " + typed.encoder() + " failed");
        }
    }

    private static Class<?> encodedType(Class<?> encoder) {
        for (Class<?> c = encoder; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() instanceof Class<?> raw
                        && Encoder.class.isAssignableFrom(raw)
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> encoded) {
                    return encoded;
                }
            }
        }
        return Object.class;
    }
}
