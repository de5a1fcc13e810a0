package io.switchboard.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/architecture.md}'s table of impl packages matches the tree: every folder under
 * {@code impl/src/main/java/io/switchboard/impl} that holds a class is a row, every row is such a folder, and every
 * class name a row mentions (a back-quoted {@code CapitalisedWord}, or {@code Outer.Inner}) is a source file of that
 * package. A type of another package is written qualified ({@code io.switchboard.RoomService},
 * {@code impl.config.Settings}) and so is not taken for one of the row's. It does not check that a row names
 * every class of its package, nor that the descriptions are true.
 */
class PackageTableTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java/io/switchboard/impl");
    private static final Pattern ROW = Pattern.compile("^\\| `impl\\.([a-z.]+)` \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern CLASS = Pattern.compile("`([A-Z][A-Za-z0-9]*)(\\.[A-Z][A-Za-z0-9]*)*`");

    /** Package ({@code delivery.tyrus}) → its top-level class names. */
    private static Map<String, Set<String>> tree() throws IOException {
        Map<String, Set<String>> packages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                    .forEach(f -> {
                        String pkg = SOURCES.relativize(f.getParent())
                                .toString()
                                .replace(f.getFileSystem().getSeparator(), ".");
                        String name = f.getFileName().toString();
                        packages.computeIfAbsent(pkg, p -> new TreeSet<>()).add(name.substring(0, name.length() - 5));
                    });
        }
        return packages;
    }

    /** Package → the row's text, from the table under "Packages of `impl`". */
    private static Map<String, String> table() throws IOException {
        String page = Files.readString(MODULE.resolve("../docs/architecture.md"));
        int start = page.indexOf("Packages of `impl`");
        assertThat(start).as("the architecture page's package table").isNotNegative();
        int end = page.indexOf("\n## ", start);
        Map<String, String> rows = new TreeMap<>();
        Matcher m = ROW.matcher(page.substring(start, end < 0 ? page.length() : end));
        while (m.find()) {
            assertThat(rows.put(m.group(1), m.group(2)))
                    .as("rows for impl." + m.group(1))
                    .isNull();
        }
        return rows;
    }

    @Test
    void everyPackageIsARowAndEveryRowAPackage() throws IOException {
        assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(tree().keySet());
    }

    @Test
    void everyClassARowNamesIsInItsPackage() throws IOException {
        Map<String, Set<String>> tree = tree();
        List<String> missing = new ArrayList<>();
        table().forEach((pkg, text) -> {
            Matcher m = CLASS.matcher(text);
            while (m.find()) {
                if (!tree.getOrDefault(pkg, Set.of()).contains(m.group(1))) {
                    missing.add("impl." + pkg + ": " + m.group().replace("`", ""));
                }
            }
        });
        assertThat(missing)
                .as("classes the package table names that are not in that package")
                .isEmpty();
    }
}
