package io.switchboard.backplane.redis;

/**
 * The Lua scripts that change shared state, each run atomically by Redis, so that a room's members, the set of rooms
 * and a node's index of what it holds never disagree. Keys (with prefix {@code P}):
 * <ul>
 *   <li>{@code P:room:<room>}: hash, field {@code node/session}, value endpoint and principal;</li>
 *   <li>{@code P:rooms}: set of rooms with members;</li>
 *   <li>{@code P:count:<key>}: hash, field node, value that node's holders of the key;</li>
 *   <li>{@code P:nodes}: set of node ids; {@code P:node:<id>}: a key with an expiry that the node refreshes;
 *       {@code P:node:<id>:rooms} and {@code P:node:<id>:counts}: what the node holds, to remove it.</li>
 * </ul>
 * The purge reads keys it computes itself, which a Redis Cluster would refuse: the backplane runs on one Redis
 * (with replicas or Sentinel), not on a sharded cluster.
 */
final class Scripts {

    private Scripts() {}

    /** KEYS room hash, rooms set, node's rooms set; ARGV field, value, room. */
    static final String JOIN = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('SADD', KEYS[3], ARGV[3])
            return 1
            """;

    /** KEYS room hash, rooms set; ARGV field, room. */
    static final String LEAVE = """
            redis.call('HDEL', KEYS[1], ARGV[1])
            if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
            return 1
            """;

    /**
     * KEYS count hash, node's counts set; ARGV node, key, this node's holders now (0 removes its part). Returns the
     * count over every node.
     */
    static final String COUNT = """
            if tonumber(ARGV[3]) > 0 then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
              redis.call('SADD', KEYS[2], ARGV[2])
            else
              redis.call('HDEL', KEYS[1], ARGV[1])
            end
            local total = 0
            for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
            return total
            """;

    /**
     * ARGV prefix, node. Removes everything the node holds and the node itself; returns the removed members as
     * room, field, value triples.
     */
    static final String PURGE = """
            local prefix, node = ARGV[1], ARGV[2]
            local mine = node .. '/'
            local removed = {}
            local roomsKey = prefix .. ':node:' .. node .. ':rooms'
            for _, room in ipairs(redis.call('SMEMBERS', roomsKey)) do
              local hash = prefix .. ':room:' .. room
              local entries = redis.call('HGETALL', hash)
              for i = 1, #entries, 2 do
                if string.sub(entries[i], 1, #mine) == mine then
                  table.insert(removed, room)
                  table.insert(removed, entries[i])
                  table.insert(removed, entries[i + 1])
                  redis.call('HDEL', hash, entries[i])
                end
              end
              if redis.call('HLEN', hash) == 0 then redis.call('SREM', prefix .. ':rooms', room) end
            end
            redis.call('DEL', roomsKey)
            local countsKey = prefix .. ':node:' .. node .. ':counts'
            for _, key in ipairs(redis.call('SMEMBERS', countsKey)) do
              redis.call('HDEL', prefix .. ':count:' .. key, node)
            end
            redis.call('DEL', countsKey)
            redis.call('SREM', prefix .. ':nodes', node)
            return removed
            """;
}
