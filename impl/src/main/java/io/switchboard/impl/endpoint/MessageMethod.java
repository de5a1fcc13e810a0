package io.switchboard.impl.endpoint;

import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One {@code @OnMessage} method, and the {@link MessageHandler} it becomes on each session. The handler is
 * added with the explicit-type form of {@code Session.addMessageHandler}, so the container decodes with the
 * endpoint's own decoders exactly as it would for the annotated endpoint.
 */
final class MessageMethod {

    /** The frame type a method consumes; an endpoint has at most one method of each. */
    enum Frame {
        TEXT,
        BINARY,
        PONG
    }

    /** Receives the messages of every handler of one session. */
    interface Receiver {
        void onMessage(MessageMethod method, Object message, boolean last);
    }

    private final Callback callback;
    private final Frame frame;
    private final Class<?> handlerType;
    private final boolean partial;
    private final long maxMessageSize;
    /** The parameter type the bridge decodes the raw message into, or {@code null}. */
    private Class<?> decodedType;

    private MessageMethod(Callback callback, Frame frame, Class<?> handlerType, boolean partial, long maxMessageSize) {
        this.callback = callback;
        this.frame = frame;
        this.handlerType = handlerType;
        this.partial = partial;
        this.maxMessageSize = maxMessageSize;
    }

    Callback callback() {
        return callback;
    }

    Frame frame() {
        return frame;
    }

    long maxMessageSize() {
        return maxMessageSize;
    }

    /** Whether the method takes a message in parts. */
    boolean partial() {
        return partial;
    }

    /** The type the bridge decodes messages into, or {@code null} when the method takes them raw. */
    Class<?> decodedType() {
        return decodedType;
    }

    static MessageMethod read(Method method, List<Class<? extends Decoder>> decoders) throws DeploymentException {
        Parameter[] parameters = method.getParameters();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (Callback.commonSource(parameters[i]) == null) {
                free.add(i);
            }
        }
        long max = method.getAnnotation(OnMessage.class).maxMessageSize();
        if (free.size() == 2) {
            int a = free.get(0);
            int b = free.get(1);
            int message = parameters[a].getType() == boolean.class ? b : a;
            int last = message == a ? b : a;
            Class<?> type = parameters[message].getType();
            if (parameters[last].getType() != boolean.class
                    || !(type == String.class || type == ByteBuffer.class || type == byte[].class)) {
                throw new DeploymentException("Switchboard: " + Callback.describe(method)
                        + " has two message parameters that are not a partial message and its boolean");
            }
            Frame frame = type == String.class ? Frame.TEXT : Frame.BINARY;
            return new MessageMethod(Callback.onMessage(method, message, last, null), frame, type, true, max);
        }
        if (free.size() != 1) {
            throw new DeploymentException(
                    "Switchboard: " + Callback.describe(method) + " must take one message parameter");
        }
        int index = free.get(0);
        Class<?> type = parameters[index].getType();
        if (type == String.class || type == Reader.class) {
            return new MessageMethod(Callback.onMessage(method, index, -1, null), Frame.TEXT, type, false, max);
        }
        if (type == ByteBuffer.class || type == byte[].class || type == InputStream.class) {
            return new MessageMethod(Callback.onMessage(method, index, -1, null), Frame.BINARY, type, false, max);
        }
        if (type == PongMessage.class) {
            return new MessageMethod(Callback.onMessage(method, index, -1, null), Frame.PONG, type, false, max);
        }
        Frame decoded = DecoderTypes.frameFor(type, decoders);
        if (decoded != null) {
            // The container delivers the raw message; the bridge decodes it after the limits (see Decoding).
            MessageMethod decoding = new MessageMethod(
                    Callback.onMessage(method, index, -1, null),
                    decoded,
                    decoded == Frame.TEXT ? String.class : ByteBuffer.class,
                    false,
                    max);
            decoding.decodedType = type;
            return decoding;
        }
        if (Conversions.isConvertible(type)) {
            Function<Object, Object> convert = text -> Conversions.fromString((String) text, type);
            return new MessageMethod(
                    Callback.onMessage(method, index, -1, convert), Frame.TEXT, String.class, false, max);
        }
        throw new DeploymentException("Switchboard: " + Callback.describe(method) + " takes " + type.getName()
                + ", for which the endpoint declares no decoder");
    }

    /** Adds this method's handler to a session, routing its messages to {@code receiver}. */
    @SuppressWarnings("unchecked")
    <T> void addTo(Session session, Receiver receiver) {
        Class<T> type = (Class<T>) handlerType;
        if (partial) {
            session.addMessageHandler(
                    type, (MessageHandler.Partial<T>) (part, last) -> receiver.onMessage(this, part, last));
        } else {
            session.addMessageHandler(
                    type, (MessageHandler.Whole<T>) message -> receiver.onMessage(this, message, true));
        }
    }
}
