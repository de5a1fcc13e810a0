package io.switchboard.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a certificate it signed for 127.0.0.1 and localhost, made with the {@code openssl} command (no
 * crypto of our own), for a Redis that listens with TLS.
 */
final class Certificates {

    static final String CA_CERT = "ca.crt";
    static final String SERVER_CERT = "redis.crt";
    static final String SERVER_KEY = "redis.key";

    private Certificates() {}

    static void write(Path directory) throws IOException {
        Files.writeString(
                directory.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n", StandardCharsets.UTF_8);
        openssl(
                directory,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                CA_CERT,
                "-days",
                "2",
                "-subj",
                "/CN=switchboard-test-ca");
        openssl(
                directory,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                SERVER_KEY,
                "-out",
                "redis.csr",
                "-subj",
                "/CN=127.0.0.1");
        openssl(
                directory,
                "x509",
                "-req",
                "-in",
                "redis.csr",
                "-CA",
                CA_CERT,
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                SERVER_CERT,
                "-days",
                "2",
                "-extfile",
                "san.cnf");
    }

    private static void openssl(Path directory, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("openssl.log").toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", arguments) + " failed: "
                        + Files.readString(directory.resolve("openssl.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
