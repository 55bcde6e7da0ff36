package io.diffyne.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The grid's structures Diffyne uses and their bounds, the same on every member. Each is bounded per member (entries
 * or heap) and in age, so a grid never grows without end: what eviction forgets degrades as it does on one instance
 * (a replay that is not whole makes the client re-render; a forgotten version record accepts any version; a
 * forgotten answer runs the retry).
 */
final class GridMaps {

    static final String CHANNELS = "diffyne.channels";
    static final String REPLAY_LOG = "diffyne.replay";
    static final String TOPIC = "diffyne.broadcasts";
    static final String VERSIONS = "diffyne.versions";
    static final String ANSWERS = "diffyne.answers";

    /** Broadcasts kept per channel for replay, as the local bus keeps. */
    static final int REPLAY = 256;

    private static final Logger LOG = Logger.getLogger("diffyne.cluster");

    private GridMaps() {
    }

    static List<MapConfig> configs() {
        return List.of(
                // channel heads: at most 10,000 per member, the least recently used forgotten first (a new epoch then)
                map(CHANNELS, MaxSizePolicy.PER_NODE, 10_000, 0, TimeUnit.DAYS.toSeconds(1)),
                // retained broadcasts: 64 MB of heap per member, a day at most
                map(REPLAY_LOG, MaxSizePolicy.USED_HEAP_SIZE, 64, TimeUnit.DAYS.toSeconds(1), 0),
                // newest versions: 100,000 per member, 12 hours after the last claim (as LocalIssuedVersions)
                map(VERSIONS, MaxSizePolicy.PER_NODE, 100_000, TimeUnit.HOURS.toSeconds(12), 0),
                // answers: 32 MB of heap per member, two minutes (as IdempotencyCache)
                map(ANSWERS, MaxSizePolicy.USED_HEAP_SIZE, 32, 120, 0));
    }

    /** For a member this application starts. */
    static Config addTo(Config config) {
        configs().forEach(config::addMapConfig);
        return config;
    }

    /** For a running grid (Payara's): added as dynamic configuration before the maps are first used. */
    static void addTo(HazelcastInstance grid) {
        for (MapConfig map : configs()) {
            try {
                grid.getConfig().addMapConfig(map);
            } catch (InvalidConfigurationException e) {
                // another deployment (an older version) configured it differently: its bounds stay in force
                LOG.log(Level.WARNING, "The grid already holds another configuration for map '" + map.getName()
                        + "'; keeping it: " + e.getMessage());
            }
        }
    }

    private static MapConfig map(String name, MaxSizePolicy policy, int size, long ttlSeconds, long maxIdleSeconds) {
        return new MapConfig(name)
                .setTimeToLiveSeconds((int) ttlSeconds)
                .setMaxIdleSeconds((int) maxIdleSeconds)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(policy)
                        .setSize(size));
    }
}
