package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A markdown table whose columns are padded to line up in a terminal too. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column titles */
    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; it must have a cell for each column. */
    public MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
            escaped.add(cell.replace("|", "\\|"));
        }
        rows.add(List.copyOf(escaped));
        return this;
    }

    @Override
    public String toString() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(3, header.get(i).length());
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(' ')
                    .append(cell)
                    .append(" ".repeat(Math.max(0, widths[i] - cell.length())))
                    .append(" |");
        }
        out.append('\n');
    }
}
