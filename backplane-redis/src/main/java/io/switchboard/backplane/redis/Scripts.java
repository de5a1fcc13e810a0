package io.switchboard.backplane.redis;

/**
 * The Lua scripts that change shared state, each run atomically by Redis, so that a room's members, the set of rooms
 * and a node's index of what it holds never disagree, and a room's history and what every node receives never
 * disagree either. Keys (with prefix {@code P}):
 * <ul>
 *   <li>{@code P:room:<room>}: hash, field {@code node/session}, value endpoint and principal;</li>
 *   <li>{@code P:rooms}: set of rooms with members;</li>
 *   <li>{@code P:count:<key>}: hash, field node, value that node's holders of the key;</li>
 *   <li>{@code P:nodes}: set of node ids; {@code P:node:<id>}: a key with an expiry that the node refreshes;
 *       {@code P:node:<id>:rooms} and {@code P:node:<id>:counts}: what the node holds, to remove it (a room stays in
 *       the first while the node has members in it); {@code P:node:<id>:members}: hash, field room, value how many
 *       of the node's members are in it;</li>
 *   <li>{@code P:history-meta:<room>}: hash of a room that keeps history ({@link io.switchboard.spi.SharedHistory}),
 *       fields {@code epoch} (lower-case base 36), {@code offset} (the latest, 0 before the first broadcast),
 *       {@code size} (the most broadcasts kept) and {@code ttl} (milliseconds); expires once no node has had
 *       members in the room, and nothing opened it or was recorded, for {@code ttl}: the leave of a node's last
 *       member keeps it for at least another {@code ttl}; an open (a member joining) and a record by a node whose
 *       members keep history, and every heartbeat of a node with members in the room ({@link #HISTORY_KEEP}), keep
 *       it for at least the greater of {@code ttl} and the node timeout, so that it outlives the wait for the next
 *       heartbeat; no expiry is ever shortened;</li>
 *   <li>{@code P:history:<room>}: stream of that room's recorded broadcasts, entry IDs {@code 0-<offset>}, fields
 *       {@code at} (Redis's time of recording, milliseconds) and {@code f} (the broadcast as published, position
 *       included, {@link WireFormat}); at most {@code size} entries ({@code MAXLEN}, exact), entries older than
 *       {@code ttl} dropped from its head by the record and read scripts, expires with the hash.</li>
 * </ul>
 * A room's history is bounded in entries and age only, not in bytes: each entry is at most one broadcast, which
 * Switchboard already limits to {@code switchboard.backplane.max-payload}, so a room holds at most {@code size}
 * times that.
 * The purge and the heartbeat's {@link #HISTORY_KEEP} touch keys they compute themselves (the names of
 * {@link Keys}), which a Redis Cluster would refuse: the backplane runs on one Redis
 * (with replicas or Sentinel), not on a sharded cluster.
 */
final class Scripts {

    private Scripts() {}

    /**
     * Keeps a key for at least another {@code ms} milliseconds, never for less than it already has: the history
     * keys are re-armed by records and opens with the room's ttl, and by heartbeats with at least the node timeout,
     * and the shorter must not cut the longer. A key that does not exist stays so.
     */
    private static final String KEEP_FUNCTION = """
            local function keep(key, ms)
              local left = redis.call('PTTL', key)
              if left ~= -2 and left < ms then redis.call('PEXPIRE', key, string.format('%d', ms)) end
            end
            """;

    /**
     * KEYS room hash, rooms set, node's rooms set, node's members hash; ARGV field, value, room. Counts the member
     * in the node's members hash only if it was not in the room yet, so a join written twice counts once.
     */
    static final String JOIN = """
            if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
            end
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('SADD', KEYS[3], ARGV[3])
            return 1
            """;

    /**
     * KEYS room hash, rooms set, node's rooms set, node's members hash, the room's history hash and stream; ARGV
     * field, room. When the node's last member leaves the room, the room leaves the node's rooms set, and the
     * room's history (if it keeps one) is kept for at least another ttl from now: it lasts its ttl once the room
     * has no members, as in a node's memory.
     */
    static final String LEAVE = KEEP_FUNCTION + """
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 and redis.call('HINCRBY', KEYS[4], ARGV[2], -1) <= 0 then
              redis.call('HDEL', KEYS[4], ARGV[2])
              redis.call('SREM', KEYS[3], ARGV[2])
              local ttl = redis.call('HGET', KEYS[5], 'ttl')
              if ttl then
                keep(KEYS[5], tonumber(ttl))
                keep(KEYS[6], tonumber(ttl))
              end
            end
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
            redis.call('DEL', prefix .. ':node:' .. node .. ':members')
            local countsKey = prefix .. ':node:' .. node .. ':counts'
            for _, key in ipairs(redis.call('SMEMBERS', countsKey)) do
              redis.call('HDEL', prefix .. ':count:' .. key, node)
            end
            redis.call('DEL', countsKey)
            redis.call('SREM', prefix .. ':nodes', node)
            return removed
            """;

    /**
     * What the history scripts share: Redis's time in milliseconds, an entry's field, and the trim of a stream's
     * entries recorded before a time. {@code at} grows along a stream (one Redis's clock), so only its head is
     * looked at, and what is kept stays without gaps even where the clock went back.
     */
    private static final String HISTORY_FUNCTIONS = KEEP_FUNCTION + """
            local function now()
              local time = redis.call('TIME')
              return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            end
            local function field(fields, name)
              for i = 1, #fields, 2 do
                if fields[i] == name then return fields[i + 1] end
              end
              return nil
            end
            local function trim(stream, cutoff)
              local last = nil
              while true do
                local head = redis.call('XRANGE', stream, last and ('(' .. last) or '-', '+', 'COUNT', 1)
                if #head == 0 then break end
                local at = tonumber(field(head[1][2], 'at'))
                if at ~= nil and at >= cutoff then break end
                last = head[1][1]
              end
              if last then
                local seq = tonumber(string.sub(last, 3))
                redis.call('XTRIM', stream, 'MINID', '0-' .. string.format('%d', seq + 1))
              end
            end
            """;

    /**
     * KEYS history hash, history stream; ARGV a new epoch, size, ttl (ms), the node timeout (ms). Makes the room's history with that epoch
     * and offset 0 unless it has one (a stream left without its hash, by eviction, is deleted first: its IDs would
     * refuse the new epoch's), sets its bounds, trims the stream to the size and keeps both keys for at least the
     * greater of the ttl and the node timeout (a member of this node's is joining). Returns epoch and latest offset.
     */
    static final String HISTORY_OPEN = KEEP_FUNCTION + """
            local epoch = redis.call('HGET', KEYS[1], 'epoch')
            if not epoch then
              epoch = ARGV[1]
              redis.call('DEL', KEYS[2])
              redis.call('HSET', KEYS[1], 'epoch', epoch, 'offset', '0')
            end
            redis.call('HSET', KEYS[1], 'size', ARGV[2], 'ttl', ARGV[3])
            redis.call('XTRIM', KEYS[2], 'MAXLEN', ARGV[2])
            local held = math.max(tonumber(ARGV[3]), tonumber(ARGV[4]))
            keep(KEYS[1], held)
            keep(KEYS[2], held)
            return {epoch, redis.call('HGET', KEYS[1], 'offset')}
            """;

    /**
     * KEYS history hash, history stream; ARGV broadcast channel, the broadcast encoded without a position, the
     * expected epoch and offset (both empty for none), a size, a ttl (ms), a new epoch and how long the sending node's
     * members hold the history at least (the node timeout, 0 without such members). One atomic step:
     * <ul>
     *   <li>the room keeps no history and the size is above 0 (the sending node has members that keep history): the
     *       history starts with the new epoch, offset 0 and those bounds, as {@link #HISTORY_OPEN} would;</li>
     *   <li>the room keeps no history: without an expected position, publishes the broadcast as it is and returns
     *       {@code plain}; with one, publishes nothing and returns {@code no-history};</li>
     *   <li>an expected position that is not the room's next one: changes nothing, publishes nothing; returns
     *       {@code next}, epoch, offset of the position the broadcast should have been built for;</li>
     *   <li>else: the next offset, the {@link WireFormat} position trailer appended to the broadcast, the entry
     *       added (the stream trimmed to {@code size} and by age first), both keys kept for at least another ttl, the
     *       broadcast published with its position; returns {@code recorded}, epoch, offset.</li>
     * </ul>
     * The entry is added before the offset is written: a failing {@code XADD} (scripts are not rolled back) leaves
     * nothing changed.
     */
    static final String HISTORY_RECORD = HISTORY_FUNCTIONS + """
            local meta = redis.call('HMGET', KEYS[1], 'epoch', 'offset', 'size', 'ttl')
            if not meta[1] and tonumber(ARGV[5]) > 0 then
              redis.call('DEL', KEYS[2])
              redis.call('HSET', KEYS[1], 'epoch', ARGV[7], 'offset', '0', 'size', ARGV[5], 'ttl', ARGV[6])
              meta = {ARGV[7], '0', ARGV[5], ARGV[6]}
            end
            if not meta[1] then
              if ARGV[3] ~= '' then return {'no-history'} end
              redis.call('PUBLISH', ARGV[1], ARGV[2])
              return {'plain'}
            end
            local epoch = meta[1]
            local offset = string.format('%d', tonumber(meta[2]) + 1)
            if ARGV[3] ~= '' and (ARGV[3] ~= epoch or ARGV[4] ~= offset) then
              return {'next', epoch, offset}
            end
            local time = now()
            trim(KEYS[2], time - tonumber(meta[4]))
            local position = epoch .. ':' .. offset
            local frame = ARGV[2] .. string.char(#position) .. position
            redis.call('XADD', KEYS[2], 'MAXLEN', meta[3], '0-' .. offset,
              'at', string.format('%d', time), 'f', frame)
            redis.call('HSET', KEYS[1], 'offset', offset)
            local held = math.max(tonumber(meta[4]), tonumber(ARGV[8]))
            keep(KEYS[1], held)
            keep(KEYS[2], held)
            redis.call('PUBLISH', ARGV[1], frame)
            return {'recorded', epoch, offset}
            """;

    /**
     * KEYS history hash, history stream; ARGV the epoch of the position read after, and the first entry ID wanted
     * ({@code 0-<offset + 1>}). Trims the stream by age, then returns nothing if the room keeps no history, else its
     * epoch, latest offset, the offset of the oldest entry kept (the latest plus one if none is) and, only if the
     * epochs match, the {@code f} of every entry from the ID wanted on, oldest first.
     */
    static final String HISTORY_READ = HISTORY_FUNCTIONS + """
            local meta = redis.call('HMGET', KEYS[1], 'epoch', 'offset', 'ttl')
            if not meta[1] then return {} end
            trim(KEYS[2], now() - tonumber(meta[3]))
            local head = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)
            local first
            if #head == 0 then
              first = string.format('%d', tonumber(meta[2]) + 1)
            else
              first = string.sub(head[1][1], 3)
            end
            local reply = {meta[1], meta[2], first}
            if ARGV[1] == meta[1] then
              for _, entry in ipairs(redis.call('XRANGE', KEYS[2], ARGV[2], '+')) do
                table.insert(reply, field(entry[2], 'f'))
              end
            end
            return reply
            """;

    /**
     * KEYS the node's rooms set; ARGV prefix, the least time to keep for (the node timeout, ms), a cursor, a count.
     * Run by every heartbeat, from cursor 0 until the cursor it returns is 0 again, each run bounded to about
     * {@code count} rooms so that a node in many rooms never holds Redis for long: for each room of one
     * {@code SSCAN} step whose history hash exists, keeps that hash and the room's stream for at least the greater
     * of the room's ttl and the node timeout, so that a room keeps its history while any node has members in it,
     * however rarely anything is broadcast, and a heartbeat that comes late does not lose it. Returns the next
     * cursor and how many rooms' histories it kept.
     */
    static final String HISTORY_KEEP = KEEP_FUNCTION + """
            local step = redis.call('SSCAN', KEYS[1], ARGV[3], 'COUNT', ARGV[4])
            local least = tonumber(ARGV[2])
            local kept = 0
            for _, room in ipairs(step[2]) do
              local meta = ARGV[1] .. ':history-meta:' .. room
              local ttl = redis.call('HGET', meta, 'ttl')
              if ttl then
                local ms = math.max(tonumber(ttl), least)
                keep(meta, ms)
                keep(ARGV[1] .. ':history:' .. room, ms)
                kept = kept + 1
              end
            end
            return {step[1], kept}
            """;
}
