package io.switchboard.backplane.redis;

/**
 * The names of the backplane's keys and channels, all under one prefix (see {@link Scripts} for what each holds).
 * The purge and history-keeping scripts compute some of these names themselves: a change here changes them too.
 *
 * @param prefix the prefix, {@code switchboard.backplane.redis.prefix}
 * @param self   this node's id
 */
record Keys(String prefix, String self) {

    String broadcastChannel() {
        return prefix + ":broadcast";
    }

    String presenceChannel() {
        return prefix + ":presence";
    }

    String room(String room) {
        return prefix + ":room:" + room;
    }

    /** A room's history: the stream of its recorded broadcasts. */
    String history(String room) {
        return prefix + ":history:" + room;
    }

    /**
     * A room's history: the hash of its epoch, latest offset and bounds. Not {@code history(room) + ":meta"}, which
     * is the stream of the room named {@code <room>:meta}.
     */
    String historyMeta(String room) {
        return prefix + ":history-meta:" + room;
    }

    String rooms() {
        return prefix + ":rooms";
    }

    String count(String key) {
        return prefix + ":count:" + key;
    }

    String nodes() {
        return prefix + ":nodes";
    }

    String node() {
        return node(self);
    }

    String node(String id) {
        return prefix + ":node:" + id;
    }

    String nodeRooms() {
        return node() + ":rooms";
    }

    /** How many of this node's members each room has (kept by the join and leave scripts). */
    String nodeMembers() {
        return node() + ":members";
    }

    String nodeCounts() {
        return node() + ":counts";
    }
}
