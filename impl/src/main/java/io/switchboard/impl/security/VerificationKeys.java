package io.switchboard.impl.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys tokens are verified with, as MP-JWT configures them: {@code mp.jwt.verify.publickey} (PEM,
 * JWK or JWKS text, or the same Base64-encoded) or {@code mp.jwt.verify.publickey.location} (a file path,
 * {@code file:} or {@code classpath:} location, a resource of the application, or an {@code http(s)} URL of a
 * JWKS, fetched and cached by Nimbus). Only public parts of keys are ever used.
 */
final class VerificationKeys {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private static final Logger LOG = Logger.getLogger(VerificationKeys.class.getName());
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String INSECURE_KEY = "switchboard.security.keys.allow-insecure-location";

    private final JWKSource<SecurityContext> source;

    private VerificationKeys(JWKSource<SecurityContext> source) {
        this.source = source;
    }

    /**
     * Loads the configured keys. Text and local files are read now, so a bad key fails the deployment; a URL is
     * read when the first token arrives.
     *
     * @param settings the settings
     * @param loader   the application's class loader, for resource locations
     * @return the keys
     * @throws IllegalArgumentException if no key is configured or it cannot be read
     */
    static VerificationKeys load(JwtSettings settings, ClassLoader loader) {
        if (settings.publicKey().isPresent()) {
            return fixed(parse(settings.publicKey().get(), "mp.jwt.verify.publickey"));
        }
        String location = settings.publicKeyLocation()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Switchboard: no token key: set mp.jwt.verify.publickey or mp.jwt.verify.publickey.location"));
        String key = "mp.jwt.verify.publickey.location";
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                URL url = URI.create(location).toURL();
                if (location.startsWith("http://") && !settings.allowInsecureKeyLocation() && !loopback(url)) {
                    LOG.warning(() -> "Switchboard: " + key + " = '" + withoutUserInfo(location) + "' is fetched over"
                            + " plain http: whoever can change the response can sign tokens this application accepts."
                            + " Use https, or set " + INSECURE_KEY + "=true to accept it");
                }
                return remote(url, settings.keyRefetchInterval());
            }
            return fixed(parse(read(location, loader), key));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Switchboard: bad configuration: " + key + " = '" + location + "' cannot be read: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * A remote key set through Nimbus: fetched on first use, cached (and refreshed ahead of expiry) as Nimbus does,
     * and fetched again when a token names a {@code kid} it does not hold, at most once per {@code interval}. Nimbus's
     * own rate limit is off because {@link RefetchLimit} is stricter.
     */
    private static VerificationKeys remote(URL url, Duration interval) {
        JWKSetSource<SecurityContext> fetch = new URLBasedJWKSetSource<>(
                url,
                new DefaultResourceRetriever(
                        JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                        JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT,
                        JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT));
        return new VerificationKeys(JWKSourceBuilder.create(new RefetchLimit<>(fetch, interval))
                .rateLimited(false)
                .build());
    }

    /** Loopback by name or literal address only: resolving a name here would itself go to the network. */
    static boolean loopback(URL url) {
        String host = url.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String withoutUserInfo(String location) {
        return location.replaceFirst("^(https?://)[^/@]*@", "$1");
    }

    private static VerificationKeys fixed(JWKSet keys) {
        JWKSet publicKeys = keys.toPublicJWKSet();
        return new VerificationKeys((selector, context) -> selector.select(publicKeys));
    }

    private static String read(String location, ClassLoader loader) throws IOException {
        if (location.startsWith("file:")) {
            return Files.readString(Path.of(URI.create(location)));
        }
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        if (!location.startsWith("classpath:") && Files.isRegularFile(Path.of(location))) {
            return Files.readString(Path.of(location));
        }
        URL url = loader.getResource(resource.startsWith("/") ? resource.substring(1) : resource);
        if (url == null) {
            throw new IOException("no such file or resource");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Parses PEM, JWK or JWKS text, or the same Base64-encoded. */
    static JWKSet parse(String text, String key) {
        String trimmed = text.trim();
        try {
            if (trimmed.startsWith("-----BEGIN")) {
                return pem(trimmed);
            }
            if (trimmed.startsWith("{")) {
                return json(trimmed);
            }
            byte[] decoded = decodeBase64(trimmed);
            String decodedText = new String(decoded, StandardCharsets.UTF_8).trim();
            return decodedText.startsWith("{") ? json(decodedText) : new JWKSet(jwk(publicKey(decoded)));
        } catch (java.text.ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Switchboard: bad configuration: " + key
                            + " is not a PEM public key or certificate, a JWK or a JWKS (" + e.getMessage() + ")",
                    e);
        }
    }

    private static JWKSet json(String text) throws java.text.ParseException {
        return text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
    }

    private static JWKSet pem(String text) throws GeneralSecurityException {
        List<JWK> keys = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            switch (matcher.group(1)) {
                case "PUBLIC KEY" -> keys.add(jwk(publicKey(der)));
                case "CERTIFICATE" ->
                    keys.add(jwk(CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der))
                            .getPublicKey()));
                default ->
                    throw new IllegalArgumentException(
                            "a PEM block of type " + matcher.group(1) + " (expected PUBLIC KEY or CERTIFICATE)");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no complete PEM block");
        }
        return new JWKSet(keys);
    }

    private static byte[] decodeBase64(String text) {
        String compact = text.replaceAll("\\s", "");
        return compact.contains("-") || compact.contains("_")
                ? Base64.getUrlDecoder().decode(compact)
                : Base64.getDecoder().decode(compact);
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    private static JWK jwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw new IllegalArgumentException("a " + key.getAlgorithm() + " key (expected RSA or EC)");
    }

    /**
     * The keys that may have signed a token with this header: of the algorithm's type (and curve), meant for
     * signatures, and with the header's {@code kid} when it carries one. Selecting by {@code kid} is what lets a
     * remote key set be fetched again when the {@code kid} is unknown (Nimbus refetches when a selection comes back
     * empty), so keys the identity provider rotated in are found before the cache expires. A key without a
     * {@code kid} (a PEM key) stands for any {@code kid}, as MP-JWT allows, unless another key has that {@code kid}.
     *
     * @param header the token's header
     * @return the candidates, possibly none
     * @throws KeySourceException if a remote key set cannot be fetched
     */
    List<JWK> candidates(JWSHeader header) throws KeySourceException {
        JWSAlgorithm algorithm = header.getAlgorithm();
        JWKMatcher.Builder matcher = new JWKMatcher.Builder()
                .keyType(KeyType.forAlgorithm(algorithm))
                .keyUses(KeyUse.SIGNATURE, null);
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            matcher.curves(Curve.forJWSAlgorithm(algorithm));
        }
        String kid = header.getKeyID();
        if (kid == null) {
            return source.get(new JWKSelector(matcher.build()), null);
        }
        List<JWK> same = source.get(new JWKSelector(matcher.keyID(kid).build()), null);
        if (!same.isEmpty()) {
            return same;
        }
        // A set holding only null matches keys without a kid. Should none be there either, Nimbus asks again, and
        // RefetchLimit answers from the fetch just made.
        Set<String> noKid = new HashSet<>();
        noKid.add(null);
        return source.get(new JWKSelector(matcher.keyIDs(noKid).build()), null);
    }
}
