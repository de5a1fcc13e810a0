package io.switchboard.impl.endpoint;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One session's decoders, used by the bridge itself: the container hands the bridge the raw text or bytes, so that
 * rate and size limits run before any decoding. Decoders are created and initialised per session, as the container
 * would, and chosen as it would: the first declared one that produces the wanted type and will decode the message.
 */
final class Decoding {

    private static final Logger LOG = Logger.getLogger(Decoding.class.getName());

    private record Typed(Class<?> type, Decoder decoder) {}

    private final List<Typed> decoders;

    private Decoding(List<Typed> decoders) {
        this.decoders = decoders;
    }

    static Decoding create(EndpointConfig config) {
        List<Typed> created = new ArrayList<>();
        for (Class<? extends Decoder> type : config.getDecoders()) {
            Decoder decoder;
            try {
                decoder = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Switchboard: cannot create decoder " + type.getName(), e);
            }
            decoder.init(config);
            created.add(new Typed(DecoderTypes.producedType(type), decoder));
        }
        return new Decoding(created);
    }

    /**
     * Decodes a whole message for a method parameter.
     *
     * @param wanted the parameter's type
     * @param raw    the message: a {@code String} or a {@code ByteBuffer}
     * @return the decoded object
     * @throws DecodeException if the chosen decoder fails, or none will decode the message
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object decode(Class<?> wanted, Object raw) throws DecodeException {
        for (Typed typed : decoders) {
            if (!wanted.isAssignableFrom(typed.type())) {
                continue;
            }
            Decoder decoder = typed.decoder();
            try {
                if (raw instanceof String text) {
                    if (decoder instanceof Decoder.Text textDecoder && textDecoder.willDecode(text)) {
                        return textDecoder.decode(text);
                    }
                    if (decoder instanceof Decoder.TextStream stream) {
                        return stream.decode(new StringReader(text));
                    }
                } else if (raw instanceof ByteBuffer bytes) {
                    if (decoder instanceof Decoder.Binary binary && binary.willDecode(bytes.duplicate())) {
                        return binary.decode(bytes);
                    }
                    if (decoder instanceof Decoder.BinaryStream stream) {
                        byte[] copy = new byte[bytes.remaining()];
                        bytes.duplicate().get(copy);
                        return stream.decode(new ByteArrayInputStream(copy));
                    }
                }
            } catch (IOException e) {
                throw raw instanceof String text
                        ? new DecodeException(text, "Decoding failed", e)
                        : new DecodeException((ByteBuffer) raw, "Decoding failed", e);
            }
        }
        String reason = "No decoder of the endpoint decodes this message into " + wanted.getName();
        throw raw instanceof String text
                ? new DecodeException(text, reason)
                : new DecodeException((ByteBuffer) raw, reason);
    }

    void destroy() {
        for (Typed typed : decoders) {
            try {
                typed.decoder().destroy();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "Switchboard: destroying decoder " + typed.decoder() + " failed");
            }
        }
    }
}
