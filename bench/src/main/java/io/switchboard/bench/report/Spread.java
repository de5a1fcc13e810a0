package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The values one measurement took over the interleaved cycles: their median, and the spread as half their range
 * relative to the median ({@code ±%}).
 *
 * @param values the values, in the order measured; NaN for a cycle that gave none
 */
public record Spread(List<Double> values) {

    /** @param values the values, in the order measured */
    public Spread {
        values = List.copyOf(values);
    }

    /** A spread of the given values. */
    public static Spread of(List<Double> values) {
        return new Spread(values);
    }

    private List<Double> valid() {
        List<Double> valid = new ArrayList<>();
        for (double value : values) {
            if (!Double.isNaN(value)) {
                valid.add(value);
            }
        }
        Collections.sort(valid);
        return valid;
    }

    /** The median, NaN if there are no values. */
    public double median() {
        List<Double> sorted = valid();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Half the range over the median, in percent; NaN if there are no values. */
    public double spreadPercent() {
        List<Double> sorted = valid();
        if (sorted.isEmpty() || median() == 0) {
            return Double.NaN;
        }
        return (sorted.get(sorted.size() - 1) - sorted.get(0)) / 2 / Math.abs(median()) * 100;
    }

    /** The median as {@link Numbers#format} writes it, and its spread: {@code 52.3k ±3%}. */
    public String format() {
        double median = median();
        if (Double.isNaN(median)) {
            return "–";
        }
        return Numbers.format(median) + " ±" + Math.round(spreadPercent()) + "%";
    }

    /** The ratio of this median to another's: {@code 1.05×}. */
    public String ratioTo(Spread reference) {
        double ratio = median() / reference.median();
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format("%.2f×", ratio);
    }
}
