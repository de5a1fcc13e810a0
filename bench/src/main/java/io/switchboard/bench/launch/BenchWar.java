package io.switchboard.bench.launch;

import io.switchboard.RoomService;
import io.switchboard.bench.server.SubscriberEndpoint;
import io.switchboard.bench.server.SubscriberNoMetricsEndpoint;
import io.switchboard.bench.server.SubscriberUngatheredEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Assembles the bench WAR from what this JVM runs: the {@code io.switchboard.bench.server} classes in
 * {@code WEB-INF/classes} (no {@code beans.xml}, as a user's WAR), the Switchboard API and implementation in
 * {@code WEB-INF/lib}, {@code WEB-INF/classes/META-INF/microprofile-config.properties} with
 * {@link SubscriberNoMetricsEndpoint#METRICS_OFF} (that endpoint's metrics off) and
 * {@link SubscriberUngatheredEndpoint#GATHER_OFF} (that endpoint's gathered writes off), and an {@code index.html} to
 * wait for.
 */
public final class BenchWar {

    private static final String SERVER_PACKAGE =
            SubscriberEndpoint.class.getPackageName().replace('.', '/') + "/";

    /**
     * What switchboard-impl needs in the WAR on WildFly, which, unlike Payara Micro, lends none of them to a
     * deployment that does not turn MP-JWT on (as the samples' WARs carry them): Nimbus JOSE+JWT, the MicroProfile JWT
     * API, and switchboard-client.
     */
    public static final List<Class<?>> WILDFLY_LIBRARIES = List.of(
            com.nimbusds.jose.JWSAlgorithm.class,
            org.eclipse.microprofile.jwt.JsonWebToken.class,
            io.switchboard.client.runtime.ReconnectingClient.class);

    private BenchWar() {}

    /**
     * @param war           the file to write
     * @param implMarker    a class of switchboard-impl, to find its jar (or classes directory)
     * @return the file written
     */
    public static Path build(Path war, Class<?> implMarker) throws IOException {
        return build(war, implMarker, List.of());
    }

    /**
     * The WAR with further libraries in {@code WEB-INF/lib}: what the implementation needs where the server does not
     * lend it to applications (WildFly: {@link #WILDFLY_LIBRARIES}).
     *
     * @param war        the file to write
     * @param implMarker a class of switchboard-impl, to find its jar (or classes directory)
     * @param libraries  a class of each further library, to find its jar
     * @return the file written
     */
    public static Path build(Path war, Class<?> implMarker, List<Class<?>> libraries) throws IOException {
        Files.createDirectories(war.toAbsolutePath().getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(war))) {
            put(
                    out,
                    "index.html",
                    "<!doctype html><title>Switchboard bench</title>bench".getBytes(StandardCharsets.UTF_8));
            put(
                    out,
                    "WEB-INF/classes/META-INF/microprofile-config.properties",
                    ("# the metrics-cost measurement's reference endpoint records no metrics\n"
                                    + SubscriberNoMetricsEndpoint.METRICS_OFF + "\n"
                                    + "# the gathered-writes measurement's reference endpoint writes one message per call\n"
                                    + SubscriberUngatheredEndpoint.GATHER_OFF + "\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            Path benchClasses = location(SubscriberEndpoint.class);
            if (Files.isDirectory(benchClasses)) {
                Path dir = benchClasses.resolve(SERVER_PACKAGE);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class"))
                            .sorted()
                            .toList()) {
                        put(out, "WEB-INF/classes/" + SERVER_PACKAGE + file.getFileName(), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(benchClasses.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        String name = entry.getName();
                        if (name.startsWith(SERVER_PACKAGE)
                                && name.endsWith(".class")
                                && name.indexOf('/', SERVER_PACKAGE.length()) < 0) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                put(out, "WEB-INF/classes/" + name, in.readAllBytes());
                            }
                        }
                    }
                }
            }
            List<Class<?>> markers = new java.util.ArrayList<>(List.of(RoomService.class, implMarker));
            markers.addAll(libraries);
            for (Class<?> marker : markers) {
                Path source = location(marker);
                String name = "WEB-INF/lib/"
                        + (Files.isDirectory(source)
                                ? marker.getPackageName().replace('.', '-') + ".jar"
                                : source.getFileName().toString());
                out.putNextEntry(new ZipEntry(name));
                if (Files.isDirectory(source)) {
                    jarDirectory(source, out);
                } else {
                    Files.copy(source, out);
                }
                out.closeEntry();
            }
        }
        return war;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** Writes a classes directory as a jar into the stream, without closing it. */
    private static void jarDirectory(Path dir, OutputStream target) throws IOException {
        JarOutputStream jar = new JarOutputStream(new NonClosing(target));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        jar.finish();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the WAR's stream open when the nested jar's stream is finished. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
