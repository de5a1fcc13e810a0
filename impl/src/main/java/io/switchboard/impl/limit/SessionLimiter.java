package io.switchboard.impl.limit;

/**
 * One session's rate limits: its own buckets, and the buckets it shares with the other sessions of its principal
 * and of its address. {@link #admit} runs for every inbound message before anything else; it allocates nothing.
 */
public final class SessionLimiter {

    /** For endpoints without rate limits. */
    public static final SessionLimiter NONE = new SessionLimiter(null, null, null, null, null, null);

    private final RateLimitSettings ownSettings;
    private final RateLimitSettings.Buckets own;
    private final RateLimitSettings principalSettings;
    private final RateLimitSettings.Buckets principal;
    private final RateLimitSettings addressSettings;
    private final RateLimitSettings.Buckets address;

    SessionLimiter(
            RateLimitSettings ownSettings,
            RateLimitSettings.Buckets own,
            RateLimitSettings principalSettings,
            RateLimitSettings.Buckets principal,
            RateLimitSettings addressSettings,
            RateLimitSettings.Buckets address) {
        this.ownSettings = ownSettings;
        this.own = own;
        this.principalSettings = principalSettings;
        this.principal = principal;
        this.addressSettings = addressSettings;
        this.address = address;
    }

    /**
     * Checks a message, or a part of one, against every bucket of the session.
     *
     * @param newMessage whether this starts a message (it then takes a message token)
     * @param size       its size in bytes, or -1 when not known (streamed)
     * @return {@code null} when admitted, else the limit that refused it
     */
    public RateLimitSettings admit(boolean newMessage, long size) {
        if (own == null && principal == null && address == null) {
            return null;
        }
        return admit(newMessage, size, System.nanoTime());
    }

    /** {@link #admit(boolean, long)} at a given {@link System#nanoTime()}: the seam for tests on a fake clock. */
    RateLimitSettings admit(boolean newMessage, long size, long now) {
        if (own != null && !own.admit(newMessage, size, now)) {
            return ownSettings;
        }
        if (principal != null && !principal.admit(newMessage, size, now)) {
            return principalSettings;
        }
        if (address != null && !address.admit(newMessage, size, now)) {
            return addressSettings;
        }
        return null;
    }
}
