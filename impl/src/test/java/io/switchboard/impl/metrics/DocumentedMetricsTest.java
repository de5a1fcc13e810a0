package io.switchboard.impl.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README lists every metric Switchboard records, and the Grafana dashboard queries only those. */
class DocumentedMetricsTest {

    private static final Pattern PROMETHEUS_NAME = Pattern.compile("switchboard_[a-z_]+");

    private static Set<String> recorded() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : Names.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add(((String) field.get(null)).replace('.', '_'));
            }
        }
        return names;
    }

    private static Set<String> mentioned(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = PROMETHEUS_NAME.matcher(Files.readString(file));
        while (m.find()) {
            names.add(m.group()
                    .replaceAll("(_seconds)?(_total|_sum|_count|_max)?$", "")
                    .replaceAll("_$", ""));
        }
        return names;
    }

    @Test
    void readmeAndDashboardNameExactlyTheRecordedMetrics() throws Exception {
        Set<String> recorded = recorded();
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(mentioned(root.resolve("README.md"))).containsAll(recorded);
        assertThat(recorded).containsAll(mentioned(root.resolve("docs/grafana-dashboard.json")));
    }
}
