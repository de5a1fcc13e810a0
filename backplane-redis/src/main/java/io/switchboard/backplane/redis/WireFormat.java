package io.switchboard.backplane.redis;

import io.switchboard.ClusterMember;
import io.switchboard.RoomPosition;
import io.switchboard.spi.ClusterBroadcast;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How broadcasts and presence changes travel through Redis: a version byte, then the fields with
 * {@link DataOutputStream}'s encoding (modified UTF-8 for names, a length before the payload). One array per
 * broadcast, built once on the publishing node whatever the number of nodes and recipients.
 *
 * <p>A broadcast with a position in its room's shared history ends with a trailer after the payload: one byte, the
 * length of the position's text form ({@code <epoch>:<offset>}, ASCII, at most 51 bytes), then that text. The
 * {@link Scripts#HISTORY_RECORD record script} appends it in Redis, as only Redis knows the offset; a broadcast that
 * ends with its payload has no position. Version 2 brought the trailer: version 1 nodes, which would take a
 * positioned broadcast for a plain one, ignore version 2 messages (and log them), and the other way round.
 */
final class WireFormat {

    /** The first byte of every message; a node ignores (and logs) another version. */
    static final byte VERSION = 2;

    /** The longest text form of a position: 32 characters of epoch, a colon, 18 digits. */
    private static final int MAX_POSITION = 51;

    private WireFormat() {}

    /** A presence change another node announced. */
    record PresenceChange(boolean joined, ClusterMember member, String room) {}

    static byte[] encode(ClusterBroadcast broadcast) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(broadcast.payload().length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(broadcast.origin());
            out.writeByte(broadcast.audience().ordinal());
            out.writeUTF(broadcast.target());
            out.writeBoolean(broadcast.text());
            out.writeInt(broadcast.payload().length);
            out.write(broadcast.payload());
            if (broadcast.position() != null) {
                byte[] position = broadcast.position().toString().getBytes(StandardCharsets.US_ASCII);
                out.writeByte(position.length);
                out.write(position);
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a broadcast, with its position where it has the trailer.
     *
     * @throws IllegalArgumentException if the bytes are not a broadcast of this version, or its trailer is not a
     *                                  position
     */
    static ClusterBroadcast decodeBroadcast(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            checkVersion(in.readByte());
            String origin = in.readUTF();
            int audience = in.readUnsignedByte();
            String target = in.readUTF();
            boolean text = in.readBoolean();
            int length = in.readInt();
            if (audience >= ClusterBroadcast.Audience.values().length || length < 0 || length > in.available()) {
                throw new IllegalArgumentException("not a Switchboard broadcast");
            }
            byte[] payload = in.readNBytes(length);
            RoomPosition position = in.available() == 0 ? null : readPosition(in);
            return new ClusterBroadcast(
                    origin, ClusterBroadcast.Audience.values()[audience], target, text, payload, position);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Switchboard broadcast: " + e, e);
        }
    }

    /** The trailer: its length byte must cover exactly the rest of the message. */
    private static RoomPosition readPosition(DataInputStream in) throws IOException {
        int length = in.readUnsignedByte();
        if (length == 0 || length > MAX_POSITION || length != in.available()) {
            throw new IllegalArgumentException("not a Switchboard broadcast: bytes after the payload");
        }
        try {
            return RoomPosition.parse(new String(in.readNBytes(length), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Switchboard broadcast: " + e.getMessage(), e);
        }
    }

    static byte[] encode(PresenceChange change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeBoolean(change.joined());
            out.writeUTF(change.room());
            writeMember(out, change.member());
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a presence change.
     *
     * @throws IllegalArgumentException if the bytes are not a presence change of this version
     */
    static PresenceChange decodePresence(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            checkVersion(in.readByte());
            boolean joined = in.readBoolean();
            String room = in.readUTF();
            return new PresenceChange(joined, readMember(in), room);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Switchboard presence change: " + e, e);
        }
    }

    private static void writeMember(DataOutputStream out, ClusterMember member) throws IOException {
        out.writeUTF(member.node());
        out.writeUTF(member.sessionId());
        out.writeUTF(member.endpointId());
        out.writeBoolean(member.principal() != null);
        if (member.principal() != null) {
            out.writeUTF(member.principal());
        }
    }

    private static ClusterMember readMember(DataInputStream in) throws IOException {
        String node = in.readUTF();
        String session = in.readUTF();
        String endpoint = in.readUTF();
        String principal = in.readBoolean() ? in.readUTF() : null;
        return new ClusterMember(node, session, endpoint, principal);
    }

    /** A member as a room hash's field ({@code node/session}) and value. */
    static String field(ClusterMember member) {
        return member.node() + "/" + member.sessionId();
    }

    /** A member's value in a room hash: the endpoint id, then {@code +principal} or {@code -}. */
    static String value(ClusterMember member) {
        return member.endpointId() + " " + (member.principal() == null ? "-" : "+" + member.principal());
    }

    /**
     * A member from a room hash's field and value.
     *
     * @throws IllegalArgumentException if they are not as {@link #field} and {@link #value} write them
     */
    static ClusterMember member(String field, String value) {
        int slash = field.indexOf('/');
        int space = value.indexOf(' ');
        if (slash < 0 || space < 0 || space + 1 >= value.length()) {
            throw new IllegalArgumentException("not a member entry: " + field);
        }
        String principal = value.charAt(space + 1) == '+' ? value.substring(space + 2) : null;
        return new ClusterMember(
                field.substring(0, slash), field.substring(slash + 1), value.substring(0, space), principal);
    }

    private static void checkVersion(byte version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("wire format version " + version + ", this node reads " + VERSION);
        }
    }
}
