package io.switchboard.impl.endpoint;

import jakarta.websocket.Decoder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** Finds which of an endpoint's decoders produce a type, and from which frame type. */
final class DecoderTypes {

    private DecoderTypes() {}

    /**
     * The frame type a decoded message parameter is read from: that of the first declared decoder whose
     * target type can be passed as {@code type}; {@code null} when no decoder produces it.
     */
    static MessageMethod.Frame frameFor(Class<?> type, List<Class<? extends Decoder>> decoders) {
        for (Class<? extends Decoder> decoder : decoders) {
            MessageMethod.Frame frame = frameOf(decoder, type);
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /** The type a decoder class produces: the type argument of the {@code Decoder} interface it implements. */
    static Class<?> producedType(Class<?> decoder) {
        for (Class<?> c = decoder; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() instanceof Class<?> raw
                        && Decoder.class.isAssignableFrom(raw)
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> produced) {
                    return produced;
                }
            }
        }
        return Object.class;
    }

    private static MessageMethod.Frame frameOf(Class<?> decoder, Class<?> wanted) {
        for (Class<?> c = decoder; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() instanceof Class<?> raw
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> produced
                        && wanted.isAssignableFrom(produced)) {
                    if (raw == Decoder.Text.class || raw == Decoder.TextStream.class) {
                        return MessageMethod.Frame.TEXT;
                    }
                    if (raw == Decoder.Binary.class || raw == Decoder.BinaryStream.class) {
                        return MessageMethod.Frame.BINARY;
                    }
                }
            }
        }
        return null;
    }
}
