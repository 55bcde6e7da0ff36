package io.diffyne.dashboard;

import java.util.Locale;

/** Figures as people read them: durations from microseconds, sizes from bytes, rates with one decimal. */
final class Format {

    private Format() {
    }

    static String micros(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_048_576.0);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    static String duration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7_200) {
            return seconds / 60 + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3_600.0);
    }
}
