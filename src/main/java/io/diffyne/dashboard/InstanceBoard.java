package io.diffyne.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other instances' figures as this one last heard them over the bus: at most {@link #MAX_INSTANCES}, each kept
 * until {@code timeoutMillis} pass without a new message from it (an instance that stopped or lost the grid drops
 * out). Ages are by this instance's clock (when a message arrived), never the sender's.
 */
final class InstanceBoard {

    static final int MAX_INSTANCES = 64;

    /** One instance as the dashboard lists it. */
    record Listed(InstanceFigures figures, boolean self, long ageMillis) {
    }

    private record Heard(InstanceFigures figures, long atMillis) {
    }

    private final long timeoutMillis;
    private final ConcurrentHashMap<String, Heard> heard = new ConcurrentHashMap<>();

    InstanceBoard(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Keeps {@code figures} as its instance's latest; a new instance beyond the bound is ignored until one drops. */
    void heard(InstanceFigures figures, long nowMillis) {
        if (heard.size() >= MAX_INSTANCES && !heard.containsKey(figures.instance())) {
            prune(nowMillis);
            if (heard.size() >= MAX_INSTANCES) {
                return;
            }
        }
        heard.put(figures.instance(), new Heard(figures, nowMillis));
    }

    /** Forgets the instances not heard from within the timeout. */
    void prune(long nowMillis) {
        heard.values().removeIf(h -> nowMillis - h.atMillis() > timeoutMillis);
    }

    /** {@code self} first (fresh, not from the bus), then every other instance heard within the timeout, by name. */
    List<Listed> live(InstanceFigures self, long nowMillis) {
        List<Listed> others = new ArrayList<>();
        for (Heard h : heard.values()) {
            long age = nowMillis - h.atMillis();
            if (age <= timeoutMillis && !h.figures().instance().equals(self.instance())) {
                others.add(new Listed(h.figures(), false, Math.max(0, age)));
            }
        }
        others.sort(Comparator.comparing(l -> l.figures().instance()));
        List<Listed> all = new ArrayList<>(others.size() + 1);
        all.add(new Listed(self, true, 0));
        all.addAll(others);
        return all;
    }
}
