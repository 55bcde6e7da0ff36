package io.diffyne.cluster;

import io.diffyne.runtime.IssuedVersions;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The newest issued versions in a grid map, claimed by compare-and-set so two actions starting from the same snapshot
 * on two members cannot both win: the second sees the first's claim and is stale. Records expire 12 hours after the
 * last claim and are bounded per member ({@link GridMaps}).
 */
final class HazelcastIssuedVersions implements IssuedVersions {

    private final IMap<String, Long> versions;

    HazelcastIssuedVersions(HazelcastInstance grid) {
        this.versions = grid.getMap(GridMaps.VERSIONS);
    }

    @Override
    public boolean claim(String id, long base) {
        while (true) {
            Long current = versions.get(id);
            if (current != null && current > base) {
                return false;
            }
            boolean won = current == null
                    ? versions.putIfAbsent(id, base + 1) == null
                    : versions.replace(id, current, base + 1);
            if (won) {
                return true;
            }
            // another member changed it between the read and the write: read again
        }
    }

    @Override
    public void release(String id, long base) {
        versions.replace(id, base + 1, base);
    }

    @Override
    public boolean stale(String id, long version) {
        Long current = versions.get(id);
        return current != null && current > version;
    }
}
