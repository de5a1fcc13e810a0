package io.switchboard.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of an api package ({@code io.switchboard}, {@code io.switchboard.spi}) is named in that package's
 * {@code package-info.java} overview, so a reader of the Javadoc's package page finds it there. A type counts as named
 * when its simple name appears as a whole word in the overview (a {@code {@link}}, a {@code {@code}} or prose). The
 * public types are the top-level source files declared {@code public}; nested types are left to their enclosing type's
 * Javadoc. It does not check that what the overview says of a type is true.
 */
class ApiOverviewTest {

    private static final Path API =
            Path.of("").toAbsolutePath().resolve("../api/src/main/java").normalize();
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s",
            Pattern.MULTILINE);

    @Test
    void everyPublicApiTypeIsNamedInItsPackageOverview() throws IOException {
        List<String> unnamed = new ArrayList<>();
        for (String pkg : List.of("io/switchboard", "io/switchboard/spi", "io/switchboard/client")) {
            Path folder = API.resolve(pkg);
            String overview = Files.readString(folder.resolve("package-info.java"));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files.filter(
                        f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))::iterator) {
                    String name = file.getFileName().toString().replace(".java", "");
                    if (PUBLIC_TYPE.matcher(Files.readString(file)).find()
                            && !Pattern.compile("\\b" + name + "\\b")
                                    .matcher(overview)
                                    .find()) {
                        unnamed.add(pkg.replace('/', '.') + "." + name);
                    }
                }
            }
        }
        assertThat(unnamed)
                .as("public api types missing from their package-info.java")
                .isEmpty();
    }
}
