package io.switchboard.samples.chat;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In demo mode only, tells Switchboard's token verifier about {@link DemoKey}: {@code mp.jwt.verify.publickey} (the
 * public JWK), {@code mp.jwt.verify.issuer}, and a clock skew of 2 seconds. Registered in {@code META-INF/services}; outside demo mode it holds
 * nothing, and the deployment's own {@code mp.jwt.verify.*} settings apply.
 */
public class DemoKeyConfigSource implements ConfigSource {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String ISSUER = "mp.jwt.verify.issuer";
    /**
     * Seconds of leeway on a token's {@code exp}: 2 in demo mode (Switchboard's default is 60), so that a short-lived
     * demo token ({@code ttl}) shows the session closing when its token expires within seconds.
     */
    private static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";

    static final String DEMO_CLOCK_SKEW = "2";

    @Override
    public Set<String> getPropertyNames() {
        return DemoKey.enabled() ? Set.of(PUBLIC_KEY, ISSUER, CLOCK_SKEW) : Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return DemoKey.enabled()
                ? Map.of(PUBLIC_KEY, DemoKey.publicJwk(), ISSUER, DemoKey.ISSUER, CLOCK_SKEW, DEMO_CLOCK_SKEW)
                : Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!DemoKey.enabled()) {
            return null;
        }
        return switch (propertyName) {
            case PUBLIC_KEY -> DemoKey.publicJwk();
            case ISSUER -> DemoKey.ISSUER;
            case CLOCK_SKEW -> DEMO_CLOCK_SKEW;
            default -> null;
        };
    }

    @Override
    public String getName() {
        return "chat sample demo key";
    }

    /** Above {@code microprofile-config.properties} (100), below environment variables and system properties. */
    @Override
    public int getOrdinal() {
        return 200;
    }
}
