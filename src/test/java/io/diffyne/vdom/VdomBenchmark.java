package io.diffyne.vdom;

import io.diffyne.diff.Differ;
import io.diffyne.diff.Patch;
import io.diffyne.protocol.PatchWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * Developer tool, not a test: times parse, diff and patch JSON for a 100-item keyed todo list (the figure the
 * engine's per-request cost is judged by). Run with the test classpath:
 * {@code java -cp target/test-classes:target/classes:<jsoup jar> io.diffyne.vdom.VdomBenchmark}.
 */
public final class VdomBenchmark {

    private VdomBenchmark() {
    }

    public static void main(String[] args) {
        String before = todoList(100, -1, false);
        String oneChanged = todoList(100, 42, false);
        String appended = todoList(101, -1, false);
        String reversed = todoList(100, -1, true);
        System.out.printf("input: %d chars of HTML%n", before.length());
        VElement from = HtmlParser.parse(before);
        VElement changed = HtmlParser.parse(oneChanged);
        VElement grown = HtmlParser.parse(appended);
        VElement flipped = HtmlParser.parse(reversed);

        List<Patch> patches = Differ.diff(from, changed);
        for (int round = 1; round <= 3; round++) {
            System.out.println("round " + round + " (thread CPU time per operation, so other load barely counts)");
            time("parse 100-item list", () -> HtmlParser.parse(before));
            time("toHtml 100-item list", from::toHtml);
            time("diff, one item toggled", () -> Differ.diff(from, changed));
            time("diff, one item appended", () -> Differ.diff(from, grown));
            time("diff, list reversed", () -> Differ.diff(from, flipped));
            time("patch JSON, one item toggled", () -> PatchWriter.toJson(patches));
            time("parse + diff + JSON (one request)",
                    () -> PatchWriter.toJson(Differ.diff(from, HtmlParser.parse(oneChanged))));
        }
        System.out.println("one item toggled: " + PatchWriter.toJson(patches));
        System.out.println("one item appended: " + PatchWriter.toJson(Differ.diff(from, grown)).length() + " bytes");
        System.out.println("reversed: " + PatchWriter.toJson(Differ.diff(from, flipped)).length() + " bytes");
    }

    public static String todoList(int count, int done, boolean reverse) {
        StringBuilder html = new StringBuilder("<div class=\"todos\">\n  <h2>Todos</h2>\n  <ul>\n");
        for (int n = 0; n < count; n++) {
            int i = reverse ? count - 1 - n : n;
            boolean isDone = i == done;
            html.append("    <li diff:key=\"").append(i).append("\" class=\"").append(isDone ? "todo done" : "todo")
                    .append("\">\n      <input type=\"checkbox\" diff:change=\"toggle(").append(i).append(")\"")
                    .append(isDone ? " checked" : "").append(">\n      <span>Buy item ").append(i)
                    .append(" &amp; more</span>\n      <button diff:click=\"remove(").append(i)
                    .append(")\">✕</button>\n    </li>\n");
        }
        return html.append("  </ul>\n  <p>").append(count).append(" items</p>\n</div>\n").toString();
    }

    private static void time(String label, Supplier<?> work) {
        for (int i = 0; i < 3000; i++) {
            work.get();
        }
        int runs = 5000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            work.get();
        }
        System.out.printf("  %-36s %8.1f µs%n", label, (threads.getCurrentThreadCpuTime() - start) / 1000.0 / runs);
    }
}
