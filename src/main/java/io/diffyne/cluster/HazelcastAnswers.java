package io.diffyne.cluster;

import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.ActionAnswers;
import io.diffyne.runtime.ActionResult;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers to repeated requestIds in a grid map, so a retry that lands on another member gets the first answer. The
 * first request puts a pending mark (which expires on its own if its member dies mid-action); a repeat that finds the
 * mark waits for the answer, polling, and runs itself if the first gave no answer (a refusal, a failure) or took
 * longer than {@link #WAIT_MILLIS}. Answers live two minutes, bounded in heap per member ({@link GridMaps}).
 * Values are strings: {@code P<token>} pending, {@code A<error or empty>\n<json>} an answer.
 */
final class HazelcastAnswers implements ActionAnswers {

    static final long WAIT_MILLIS = 30_000;
    private static final long PENDING_TTL_SECONDS = 60;
    private static final long POLL_MILLIS = 20;

    private final IMap<String, String> answers;
    private final LongSupplier clock;

    HazelcastAnswers(HazelcastInstance grid) {
        this(grid, System::nanoTime);
    }

    HazelcastAnswers(HazelcastInstance grid, LongSupplier clock) {
        this.answers = grid.getMap(GridMaps.ANSWERS);
        this.clock = clock;
    }

    @Override
    public ActionResult once(String key, Supplier<ActionResult> action, Predicate<ActionResult> answer) {
        if (key == null) {
            return action.get();
        }
        String mark = "P" + UUID.randomUUID();
        String first = answers.putIfAbsent(key, mark, PENDING_TTL_SECONDS, TimeUnit.SECONDS);
        if (first != null) {
            String earlier = await(key, first);
            if (earlier == null) {
                return once(key, action, answer); // the first gave no answer: this one runs (and marks) instead
            }
            return earlier.startsWith("A") ? decode(earlier) : action.get(); // still pending after the wait: run
        }
        try {
            ActionResult result = action.get();
            if (answer.test(result)) {
                answers.set(key, encode(result));
            } else {
                answers.remove(key, mark);
            }
            return result;
        } catch (RuntimeException | Error e) {
            answers.remove(key, mark);
            throw e;
        }
    }

    /**
     * The first request's answer; null when it gave none (refused, failed, its member died); a pending mark still
     * when it took longer than {@link #WAIT_MILLIS}.
     */
    private String await(String key, String seen) {
        long deadline = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String value = seen;
        while (value != null && value.startsWith("P")) {
            if (clock.getAsLong() > deadline) {
                return value;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a duplicate request", e);
            }
            value = answers.get(key);
        }
        return value;
    }

    static String encode(ActionResult result) {
        return "A" + (result.error() == null ? "" : result.error().name()) + "\n" + result.json();
    }

    static ActionResult decode(String value) {
        int newline = value.indexOf('\n');
        String error = value.substring(1, newline);
        return new ActionResult(error.isEmpty() ? null : ErrorType.valueOf(error), value.substring(newline + 1));
    }
}
