package io.switchboard.impl.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token Switchboard verified, as MicroProfile JWT presents one: the name is {@code upn}, else
 * {@code preferred_username}, else {@code sub}; roles are {@code groups}; the standard claims have the Java types
 * {@link Claims} names (times in epoch seconds, {@code aud} and {@code groups} as sets) and any other claim is a
 * JSON-P value. It is the session's principal.
 */
public final class VerifiedToken implements JsonWebToken {

    private final String raw;
    private final Map<String, Object> claims;
    private final String name;
    private final Set<String> groups;

    VerifiedToken(String raw, JWTClaimsSet claims) throws TokenRejected {
        this.raw = raw;
        this.claims = Collections.unmodifiableMap(new HashMap<>(claims.toJSONObject()));
        this.name = nameOf(claims);
        this.groups = groupsOf(this.claims.get(Claims.groups.name()));
    }

    /** The name MP-JWT gives a token's subject, or {@code null} if it has none. */
    static String nameOf(JWTClaimsSet claims) {
        for (Claims claim : new Claims[] {Claims.upn, Claims.preferred_username, Claims.sub}) {
            if (claims.getClaim(claim.name()) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Set<String> groupsOf(Object value) throws TokenRejected {
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String single) {
            return Set.of(single);
        }
        if (value instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance)) {
            Set<String> groups = new LinkedHashSet<>();
            list.forEach(group -> groups.add((String) group));
            return Collections.unmodifiableSet(groups);
        }
        throw new TokenRejected("groups is not a list of strings");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return Collections.unmodifiableSet(names);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) raw;
        }
        if (Claims.groups.name().equals(claimName)) {
            return claims.containsKey(claimName) ? (T) groups : null;
        }
        Object value = claims.get(claimName);
        if (value == null) {
            return null;
        }
        Class<?> type = standardType(claimName);
        if (type == Long.class && value instanceof Number number) {
            return (T) Long.valueOf(number.longValue());
        }
        if (type == Long.class && value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if (type == String.class && value instanceof String) {
            return (T) value;
        }
        if (type == Set.class) {
            return (T)
                    (value instanceof Collection<?> list
                            ? Set.copyOf(list.stream().map(String::valueOf).toList())
                            : Set.of(String.valueOf(value)));
        }
        if (type == Boolean.class && value instanceof Boolean) {
            return (T) value;
        }
        return (T) json(value);
    }

    private static Class<?> standardType(String claimName) {
        try {
            return Claims.valueOf(claimName).getType();
        } catch (IllegalArgumentException notStandard) {
            return null;
        }
    }

    private static JsonValue json(Object value) {
        return Json.createObjectBuilder(Map.of("v", value)).build().get("v");
    }

    /** The expiry ({@code exp}), in epoch seconds. */
    long expiresAt() {
        return getExpirationTime();
    }

    /** Never the token: principals end up in logs. */
    @Override
    public String toString() {
        return "VerifiedToken[" + name + "]";
    }
}
