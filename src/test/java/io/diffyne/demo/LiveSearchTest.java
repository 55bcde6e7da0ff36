package io.diffyne.demo;

import io.diffyne.testing.DiffyneTest;
import io.diffyne.testing.TestKit;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo live search, tested with the kit and the real directory provided for its {@code @Inject}. */
class LiveSearchTest {

    private final TestKit kit = DiffyneTest.kit().provide(PeopleDirectory.class, new PeopleDirectory());

    @Test
    void typingSearchesAndMirrorsTheQueryInTheUrl() {
        kit.mount(LiveSearch.class).assertCount("li", 10)
                .set("search", "hopper").assertCount("li", 2).assertText("li strong", "Grace Hopper")
                .set("search", "GRACE").assertCount("li", 1)
                .assertPresent("button[title=Clear]")
                .set("search", "zzz").assertSee("No people found matching \"zzz\"")
                .call("clearSearch").assertCount("li", 10).assertSet("search", "");
    }

    @Test
    void theQueryParameterSeedsTheSearch() {
        kit.mount(LiveSearch.class, Map.of("search", "turing")).assertText("li small", "alan.turing@example.com");
    }
}
