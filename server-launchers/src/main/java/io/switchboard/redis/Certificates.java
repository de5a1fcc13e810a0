package io.switchboard.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a server certificate it signed for 127.0.0.1 and localhost, made with the {@code openssl}
 * command so that this project holds no crypto code of its own. P-256 keys: quick to make, and every TLS stack a
 * test uses (OpenSSL in Redis and {@code redis-cli}, the JDK's under Lettuce) takes them.
 */
final class Certificates {

    /** The CA's certificate (PEM), which a client trusts. */
    static final String CA_CERT = "ca.crt";
    /** The server's certificate (PEM). */
    static final String SERVER_CERT = "redis.crt";
    /** The server's private key (PEM, unencrypted). */
    static final String SERVER_KEY = "redis.key";

    private static final String CA_KEY = "ca.key";
    private static final String REQUEST = "redis.csr";
    private static final String EXTENSIONS = "redis.ext";
    private static final String LOG = "openssl.log";

    private Certificates() {}

    /**
     * Writes the CA certificate, the server certificate and the server key into a directory.
     *
     * @param directory the Redis's own directory
     * @throws IOException if {@code openssl} is missing or fails; the message holds what it printed
     */
    static void write(Path directory) throws IOException {
        Path openssl = Executables.find("openssl")
                .orElseThrow(() -> new IOException(
                        "TLS needs the openssl command to make its certificates (apt-get install openssl)"));
        // A client such as the JDK checks the name it dialled against the subject alternative names, and takes
        // a server certificate only for server authentication.
        Files.writeString(
                directory.resolve(EXTENSIONS),
                String.join(
                        "\n",
                        "basicConstraints = critical, CA:FALSE",
                        "keyUsage = critical, digitalSignature",
                        "extendedKeyUsage = serverAuth",
                        "subjectAltName = IP:127.0.0.1, DNS:localhost",
                        ""),
                StandardCharsets.UTF_8);
        run(
                openssl,
                directory,
                "req",
                "-x509",
                "-new",
                "-nodes",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-keyout",
                CA_KEY,
                "-out",
                CA_CERT,
                "-days",
                "2",
                "-subj",
                "/CN=Switchboard test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        run(
                openssl,
                directory,
                "req",
                "-new",
                "-nodes",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-keyout",
                SERVER_KEY,
                "-out",
                REQUEST,
                "-subj",
                "/CN=127.0.0.1");
        run(
                openssl,
                directory,
                "x509",
                "-req",
                "-in",
                REQUEST,
                "-CA",
                CA_CERT,
                "-CAkey",
                CA_KEY,
                "-CAcreateserial",
                "-out",
                SERVER_CERT,
                "-days",
                "2",
                "-extfile",
                EXTENSIONS);
        // Nothing signs with this CA again: its key, and what only the signing needed, go now.
        for (String done : List.of(CA_KEY, REQUEST, EXTENSIONS, "ca.srl", LOG)) {
            Files.deleteIfExists(directory.resolve(done));
        }
    }

    private static void run(Path openssl, Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(List.of(arguments));
        Path log = directory.resolve(LOG);
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl " + arguments[0] + " did not end within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while openssl made the test certificates", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed with code " + process.exitValue()
                    + ": " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
