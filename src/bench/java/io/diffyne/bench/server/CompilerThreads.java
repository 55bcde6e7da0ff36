package io.diffyne.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this JVM's JIT compiler threads have used so far, read from Linux's {@code /proc/self/task}: the JVM
 * hides its compiler threads from {@code ThreadMXBean}, and {@code CompilationMXBean} adds a compilation's time only
 * when it ends, so a C2 compilation of a second looked quiet for that second. A thread that ended takes its time with
 * it: callers compare increments over short intervals, where that does not matter.
 */
final class CompilerThreads {

    /** Linux's {@code USER_HZ}: {@code /proc} counts CPU time in ticks of 10 ms. */
    private static final long MS_PER_TICK = 10;
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerThreads() {
    }

    /** Milliseconds of CPU the compiler threads now running have used, or -1 where {@code /proc} cannot say. */
    static long cpuMillis() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                ticks += compilerTicks(task);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * MS_PER_TICK;
    }

    private static long compilerTicks(Path task) {
        String stat;
        try {
            stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return 0; // the thread ended while the directory was read
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        // after the name: state (field 3) … utime (14) stime (15)
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
