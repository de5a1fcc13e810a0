package io.switchboard.redis;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the commands a Redis for tests needs ({@code redis-server}, {@code redis-cli}, {@code openssl}): on the
 * {@code PATH} first, then where Debian puts them, because a test JVM may be started with a {@code PATH} that leaves
 * out {@code /usr/sbin} (or, from an IDE, almost everything).
 */
final class Executables {

    private Executables() {}

    /**
     * The executable of that name.
     *
     * @param name such as {@code redis-server}
     * @return its path, or empty if it is nowhere to be found
     */
    static Optional<Path> find(String name) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(path, Stream.of("/usr/bin", "/usr/sbin"))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
