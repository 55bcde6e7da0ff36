package io.diffyne.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzzer saw, shared by its lanes: counts of messages and answer kinds per transport, and every answer that
 * breaks a rule, with the input that caused it (shortened) so that it can be reproduced with the printed seed.
 */
final class Findings {

    /** A stack frame, an exception's name, or a Java class of ours (the message names nothing else). */
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (io|java|jdk|sun|org|com|fish)\\.|io\\.diffyne\\."
            + "|server_error|\\.java:\\d+");
    private static final int KEPT = 200;

    record Failure(String lane, long index, String rule, String input, String answer) {
        @Override
        public String toString() {
            return lane + " #" + index + ": " + rule + "\n    input:  " + shorten(input) + "\n    answer: "
                    + shorten(answer);
        }
    }

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final LongAdder failureCount = new LongAdder();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    long count(String prefix, boolean exact) {
        return counts.entrySet().stream().filter(e -> exact ? e.getKey().equals(prefix) : e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    void fail(String lane, long index, String rule, String input, String answer) {
        failureCount.increment();
        count("failure " + rule);
        synchronized (failures) {
            if (failures.size() < KEPT) {
                failures.add(new Failure(lane, index, rule, input, answer));
            }
        }
    }

    /** Checks an answer body for a leaked stack trace, class name or server_error; true when it is clean. */
    boolean checkBody(String lane, long index, String input, String body) {
        Matcher leak = LEAK.matcher(body);
        if (leak.find()) {
            fail(lane, index, "answer contains '" + leak.group() + "'", input, body);
            return false;
        }
        return true;
    }

    long failures() {
        return failureCount.sum();
    }

    List<Failure> kept() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> out.append(String.format("  %-48s %,10d%n", k, v.sum())));
        return out.toString();
    }

    static String shorten(String text) {
        if (text == null) {
            return "(none)";
        }
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 600 ? oneLine
                : oneLine.substring(0, 400) + " …(" + oneLine.length() + " chars)… " + oneLine.substring(oneLine.length() - 150);
    }
}
