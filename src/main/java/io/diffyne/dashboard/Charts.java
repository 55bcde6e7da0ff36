package io.diffyne.dashboard;

import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Sample;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Small line charts drawn by the server: an SVG path over a {@value #WIDTH}×{@value #HEIGHT} view box, one point per
 * 10-second sample, the newest at the right edge, the 15-minute window's width fixed so the line scrolls left. Scaled
 * to the window's own maximum (a chart shows a shape; the tile beside it shows the number).
 */
final class Charts {

    static final int WIDTH = 300;
    static final int HEIGHT = 36;

    private Charts() {
    }

    /** The path's {@code d}; empty when there are fewer than two samples. */
    static String path(List<Sample> history, ToDoubleFunction<Sample> figure) {
        int n = history.size();
        if (n < 2) {
            return "";
        }
        double max = 0;
        for (Sample s : history) {
            max = Math.max(max, figure.applyAsDouble(s));
        }
        double step = (double) WIDTH / (Metrics.HISTORY - 1);
        int offset = Metrics.HISTORY - n;
        StringBuilder d = new StringBuilder(n * 12);
        for (int i = 0; i < n; i++) {
            double value = figure.applyAsDouble(history.get(i));
            double y = max <= 0 ? HEIGHT - 1 : (HEIGHT - 1) - value / max * (HEIGHT - 2);
            d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f,%.1f", (offset + i) * step, y));
        }
        return d.toString();
    }
}
