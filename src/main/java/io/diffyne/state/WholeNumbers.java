package io.diffyne.state;

import jakarta.json.JsonNumber;

import java.math.BigDecimal;

/**
 * Integral JSON numbers read as {@code long}s, without asking the number for its {@code BigDecimal}: Parsson (the
 * provider in Payara) makes that on first request and keeps it in the number, so signing, comparing or hydrating a
 * state left 40 B more in each of its numbers for as long as the state was held (a connection holds its component's
 * state: BENCHMARKS.md, Memory). Numbers with a fraction, or beyond a {@code long}, still go through
 * {@code BigDecimal}.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /** Whether {@code n} is an integer that fits a {@code long} (then {@link JsonNumber#longValueExact()} is it). */
    static boolean fitsLong(JsonNumber n) {
        if (!n.isIntegral()) {
            return false;
        }
        try {
            n.longValueExact();
            return true;
        } catch (ArithmeticException beyond) {
            return false;
        }
    }

    /** The value of {@code n}; for an integer that fits a {@code long}, a new {@code BigDecimal} the number does not keep. */
    static BigDecimal decimal(JsonNumber n) {
        return fitsLong(n) ? BigDecimal.valueOf(n.longValueExact()) : n.bigDecimalValue();
    }

    /** Whether {@code a} and {@code b} have the same value ({@code 1 == 1.0}). */
    static boolean same(JsonNumber a, JsonNumber b) {
        if (a.isIntegral() && b.isIntegral()) {
            try {
                return a.longValueExact() == b.longValueExact();
            } catch (ArithmeticException beyond) {
                // one is beyond a long: compared as decimals below
            }
        }
        return a.bigDecimalValue().compareTo(b.bigDecimalValue()) == 0;
    }
}
