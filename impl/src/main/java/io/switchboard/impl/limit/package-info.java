/**
 * Rate and connection limits: {@link io.switchboard.impl.limit.Bucket} is a lock-free token bucket (GCRA: one
 * {@code long} and one compare-and-set per check, no allocation), {@link io.switchboard.impl.limit.SessionLimiter}
 * checks a session's messages against its own and its shared buckets, {@link io.switchboard.impl.limit.Tallies}
 * keeps the shared buckets and the session counts, and {@link io.switchboard.impl.limit.HandshakeGate} refuses
 * handshakes over a connection limit before the upgrade.
 */
package io.switchboard.impl.limit;
