package io.switchboard.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * The README's configuration table names exactly the keys the code reads.
 *
 * <p>The code's keys are found in impl's main sources, comments removed, in the three forms the code uses:
 * <ol>
 *   <li>a whole key as a string literal, {@code settings.key("switchboard.fast-path")} or
 *       {@code "mp.jwt.verify.issuer"} (metric names, the constants of {@code metrics.Names} and of
 *       {@code tracing.SpanNames}, and the values in
 *       {@link #NOT_KEYS} are not keys);</li>
 *   <li>an endpoint's key built around its id, {@code "switchboard." + endpointId + ".roles-allowed"};</li>
 *   <li>a per-endpoint setting given to {@code key} of an endpoint's settings ({@code Settings.Endpoint}) held in a
 *       variable named {@code endpoint} or got inline: {@code endpoint.key("heartbeat.interval")},
 *       {@code settings.endpoint(id).key("enabled")}, or {@code endpoint.key(prefix + "messages")} where
 *       {@code prefix} is a local {@code String} built as {@code "rate-limit." + … + "."} (a whole key in that place
 *       is left to the first two forms).</li>
 *   <li>a reconnecting client's setting given to {@code key} of its settings ({@code Settings.Client}) held in a
 *       variable named {@code client}: {@code client.key("backoff.max")} stands for
 *       {@code switchboard.client.<name>.backoff.max}, and {@code client.key("header." + header)} for
 *       {@code switchboard.client.<name>.header.<name>}.</li>
 * </ol>
 * A per-endpoint setting stands for both {@code switchboard.<id>.<setting>} and
 * {@code switchboard.default.<setting>}, and is compared by its suffix, as the README's table writes it; a part built
 * at run time ({@code <scope>}) compares as any placeholder. In the table, {@code .burst-bytes} after a key means that
 * key with its last segment replaced.
 *
 * <p>What it does not catch: a key only ever built from a constant of another class, a key built around an id
 * outside {@code Settings}, or a key the README names in prose but not in the table. To keep the forms the only way
 * in, {@link #onlySettingsReadsMicroProfileConfig} fails when another class than {@code impl.config.Settings} calls
 * MicroProfile Config, and {@link #everySettingIsReadInAFormThisTestSees} fails on a {@code key(…)} call in none of
 * the forms (an endpoint's settings under another name, a key in a variable or assembled from several).
 */
class ConfigurationKeysTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java");

    /** Key-shaped literals that are values, not keys. */
    private static final Set<String> NOT_KEYS =
            Set.of("switchboard.bearer"); // the default subprotocol marker (switchboard.security.token.subprotocol)

    private static final Pattern CODE_OR_COMMENT =
            Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'|//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern WHOLE_KEY = Pattern.compile("\"((?:switchboard|mp\\.jwt)\\.[a-z0-9.-]*[a-z0-9])\"");
    private static final Pattern AROUND_ID =
            Pattern.compile("\"switchboard\\.\"\\s*\\+\\s*[^\";]+?\\+\\s*\"\\.([a-z0-9.-]*[a-z0-9])");
    /** The receiver of a per-endpoint setting: a variable named {@code endpoint}, or {@code settings.endpoint(id)}. */
    private static final String ENDPOINT = "\\bendpoint\\s*(?:\\([^()]*\\))?\\s*\\.\\s*key\\(\\s*";

    private static final Pattern SETTING =
            Pattern.compile(ENDPOINT + "\"(?!switchboard\\.|mp\\.jwt\\.)([a-z][a-z0-9.-]*)\"");
    /** A call of {@code key} with an argument (not a record's {@code key()} accessor). */
    private static final Pattern KEY_CALL = Pattern.compile("\\.\\s*key\\(\\s*(?!\\))");
    /** A per-endpoint setting read in a form {@link #SETTING} or {@link #PREFIX} sees; group 1 is the dot before key. */
    private static final Pattern ENDPOINT_CALL =
            Pattern.compile("\\bendpoint\\s*(?:\\([^()]*\\))?\\s*(\\.)\\s*key\\(\\s*"
                    + "(?:\"[a-z][a-z0-9.-]*\"|(\\w+)\\s*\\+\\s*\"[a-z][a-z0-9.-]*\")\\s*\\)");

    /** A reconnecting client's setting, {@code client.key("backoff.max")} on a {@code Settings.Client} so named. */
    private static final Pattern CLIENT_SETTING =
            Pattern.compile("\\bclient\\s*(\\.)\\s*key\\(\\s*\"([a-z][a-z0-9.-]*)\"(\\s*\\+\\s*\\w+)?\\s*\\)");

    private static final Pattern WHOLE_KEY_CALL =
            Pattern.compile("\\.\\s*key\\(\\s*\"(?:switchboard|mp\\.jwt)\\.[a-z0-9.-]*[a-z0-9]\"\\s*\\)");
    private static final Pattern PREFIX =
            Pattern.compile("String\\s+(\\w+)\\s*=\\s*\"([a-z][a-z0-9.-]*\\.)\"\\s*\\+[^;]*\\+\\s*\"\\.\"\\s*;");
    private static final Pattern README_KEY = Pattern.compile("`((?:switchboard|mp\\.jwt)\\.[^`]+|\\.[a-z][^`]*)`");

    /** A key in the form both sides are compared in: {@code <id>.heartbeat.interval}, {@code mp.jwt.token.header}. */
    private static String normal(String key) {
        String k = key.replaceAll("<[^>]+>", "<*>");
        if (k.startsWith("switchboard.default.")) {
            return "<id>." + k.substring("switchboard.default.".length());
        }
        if (k.startsWith("switchboard.<*>.")) {
            return "<id>." + k.substring("switchboard.<*>.".length());
        }
        return k;
    }

    private static String withoutComments(String source) {
        Matcher m = CODE_OR_COMMENT.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().startsWith("/") ? " " : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static Map<Path, String> mainSources() throws IOException {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                sources.put(SOURCES.relativize(file), withoutComments(Files.readString(file)));
            }
        }
        return sources;
    }

    /** Metric names, and span and attribute names: key-shaped, but not keys. */
    private static Set<String> metricNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String holder : List.of("io.switchboard.impl.metrics.Names", "io.switchboard.impl.tracing.SpanNames")) {
            for (Field field : Class.forName(holder).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                }
            }
        }
        return names;
    }

    /** Every key the code reads, normalised, with where it was found. */
    static Map<String, String> readByCode() throws Exception {
        Set<String> metrics = metricNames();
        Map<String, String> keys = new TreeMap<>();
        mainSources().forEach((file, code) -> {
            Matcher m = WHOLE_KEY.matcher(code);
            while (m.find()) {
                if (!metrics.contains(m.group(1)) && !NOT_KEYS.contains(m.group(1))) {
                    keys.putIfAbsent(normal(m.group(1)), file.toString());
                }
            }
            m = AROUND_ID.matcher(code);
            while (m.find()) {
                keys.putIfAbsent("<id>." + m.group(1), file.toString());
            }
            m = SETTING.matcher(code);
            while (m.find()) {
                keys.putIfAbsent("<id>." + m.group(1), file.toString());
            }
            m = CLIENT_SETTING.matcher(code);
            while (m.find()) {
                keys.putIfAbsent(
                        "switchboard.client.<*>." + m.group(2) + (m.group(3) == null ? "" : "<*>"), file.toString());
            }
            m = PREFIX.matcher(code);
            while (m.find()) {
                Matcher uses = Pattern.compile(ENDPOINT + m.group(1) + "\\s*\\+\\s*\"([a-z][a-z0-9.-]*)\"")
                        .matcher(code);
                while (uses.find()) {
                    keys.putIfAbsent("<id>." + m.group(2) + "<*>." + uses.group(1), file.toString());
                }
            }
        });
        return keys;
    }

    /** Every key the README's configuration table names, normalised. */
    static Set<String> documented() throws IOException {
        String readme = Files.readString(MODULE.resolve("../README.md"));
        int start = readme.indexOf("## Configuration");
        assertThat(start).as("the README's configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> keys = new TreeSet<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String cell = line.substring(1, line.indexOf('|', 1));
            String previous = null;
            Matcher m = README_KEY.matcher(cell);
            while (m.find()) {
                String key = m.group(1);
                if (key.startsWith(".")) {
                    assertThat(previous)
                            .as("a shorthand key with no key before it: " + line)
                            .isNotNull();
                    key = previous.substring(0, previous.lastIndexOf('.')) + key;
                }
                keys.add(normal(key));
                previous = key;
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheCodeReadsIsInTheReadmeTable() throws Exception {
        Set<String> documented = documented();
        List<String> missing = new ArrayList<>();
        readByCode().forEach((key, file) -> {
            if (!documented.contains(key)) {
                missing.add(key + " (" + file + ")");
            }
        });
        assertThat(missing)
                .as("keys read by the code but missing from the README's configuration table")
                .isEmpty();
    }

    @Test
    void everyKeyInTheReadmeTableIsReadByTheCode() throws Exception {
        Set<String> read = readByCode().keySet();
        assertThat(documented()).as("the README's configuration table").isNotEmpty();
        assertThat(documented().stream().filter(key -> !read.contains(key)).toList())
                .as("keys in the README's configuration table that the code does not read")
                .isEmpty();
    }

    @Test
    void onlySettingsReadsMicroProfileConfig() throws IOException {
        List<String> readers = new ArrayList<>();
        mainSources().forEach((file, code) -> {
            if ((code.contains("ConfigProvider") || code.contains("org.eclipse.microprofile.config"))
                    && !file.equals(Path.of("io/switchboard/impl/config/Settings.java"))) {
                readers.add(file.toString());
            }
        });
        assertThat(readers)
                .as("classes reading MicroProfile Config past impl.config.Settings, which this test cannot"
                        + " see into")
                .isEmpty();
    }

    @Test
    void everySettingIsReadInAFormThisTestSees() throws IOException {
        List<String> unseen = new ArrayList<>();
        mainSources().forEach((file, code) -> {
            Set<String> prefixes = new TreeSet<>();
            Matcher m = PREFIX.matcher(code);
            while (m.find()) {
                prefixes.add(m.group(1));
            }
            Set<Integer> seen = new TreeSet<>();
            m = ENDPOINT_CALL.matcher(code);
            while (m.find()) {
                if (m.group(2) == null || prefixes.contains(m.group(2))) {
                    seen.add(m.start(1));
                }
            }
            m = CLIENT_SETTING.matcher(code);
            while (m.find()) {
                seen.add(m.start(1));
            }
            m = KEY_CALL.matcher(code);
            while (m.find()) {
                if (!seen.contains(m.start())
                        && !WHOLE_KEY_CALL
                                .matcher(code)
                                .region(m.start(), code.length())
                                .lookingAt()) {
                    int end = code.indexOf(')', m.end());
                    unseen.add(file + ": "
                            + code.substring(Math.max(0, m.start() - 40), end < 0 ? m.end() : end + 1)
                                    .replaceAll("\\s+", " ")
                                    .trim());
                }
            }
        });
        assertThat(unseen)
                .as("key(…) calls in no form this test reads keys from")
                .isEmpty();
    }
}
