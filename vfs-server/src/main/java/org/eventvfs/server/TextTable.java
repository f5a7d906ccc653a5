package org.eventvfs.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns under a header, for output read by people. Rows may come in pages: the header
 * goes before the first, and a column only widens, so a long listing prints as it is read.
 */
final class TextTable {
    private final List<String> header;
    private final int[] widths;
    private boolean headerPrinted;

    TextTable(List<String> header) {
        this.header = header;
        this.widths = new int[header.size()];
    }

    /** The lines of {@code rows}, after the header if these are the first. */
    List<String> lines(List<List<String>> rows) {
        List<List<String>> page = new ArrayList<>();
        if (!headerPrinted) {
            page.add(header);
            headerPrinted = true;
        }
        page.addAll(rows);
        page.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        return page.stream().map(this::format).toList();
    }

    private String format(List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            line.append(String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
        }
        return line.toString().stripTrailing();
    }
}
