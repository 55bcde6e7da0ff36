package io.diffyne.fuzz;

import java.net.URI;

/** What every lane is given: its name, the server, the seeds, its random seed, its share, the run's deadline. */
record Lane(String name, URI base, Seeds seeds, long seed, int maxMessageSize, Findings findings, long messages,
        long deadlineNanos) {
}
