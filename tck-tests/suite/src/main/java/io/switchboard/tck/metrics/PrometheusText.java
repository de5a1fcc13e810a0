package io.switchboard.tck.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads samples from the Prometheus text format: {@code name{label="value",...} number}. Enough for the tests:
 * labels are read with their escapes left as they are.
 */
public final class PrometheusText {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples = new ArrayList<>();
    private final String text;

    /**
     * Parses a scrape.
     *
     * @param text the scrape's body
     */
    public PrometheusText(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            double value;
            try {
                value = Double.parseDouble(m.group(4));
            } catch (NumberFormatException e) {
                continue;
            }
            samples.add(new Sample(m.group(1), labels, value));
        }
    }

    /**
     * The value of the one sample with this name whose labels include these.
     *
     * @param name   the sample name, such as {@code switchboard_sessions_opened_total}
     * @param labels labels it must have (others are ignored)
     * @return the value, or {@code null} if no sample matches
     * @throws AssertionError if more than one does
     */
    public Double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (found.size() > 1) {
            throw new AssertionError("More than one sample " + name + labels + ": " + found);
        }
        return found.isEmpty() ? null : found.get(0).value();
    }

    /** Every sample whose name starts with a prefix, for messages. */
    public List<Sample> startingWith(String prefix) {
        return samples.stream().filter(s -> s.name().startsWith(prefix)).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
