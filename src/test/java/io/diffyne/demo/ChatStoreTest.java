package io.diffyne.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A broadcast's receivers on one instance share one read of the room: {@link ChatStore#latestWith} reads again only
 * when the read it holds does not show the message announced.
 */
class ChatStoreTest {

    /** The store over an in-memory log, counting its reads. */
    static final class CountingStore extends ChatStore {
        private final MemoryChatLog log = new MemoryChatLog(KEEP);
        final List<String> reads = new ArrayList<>();

        @Override
        public ChatMessage add(String room, String author, String text) {
            return log.add(room, author, text);
        }

        @Override
        public List<ChatMessage> latest(String room) {
            reads.add(room);
            return log.latest(room, KEEP);
        }
    }

    private final CountingStore store = new CountingStore();

    @Test
    void everyReceiverOfOneMessageSharesOneRead() {
        ChatMessage first = store.add("lobby", "ada", "hello");
        List<ChatMessage> seen = null;
        for (int receiver = 0; receiver < 1000; receiver++) {
            List<ChatMessage> mine = store.latestWith("lobby", first.id());
            assertEquals(List.of(first), mine);
            if (seen != null) {
                assertNotSame(seen, mine, "each receiver its own list: a component may change the one it holds");
            }
            seen = mine;
        }
        assertEquals(List.of("lobby"), store.reads);
        seen.clear(); // its own copy: the next receiver still gets the message
        assertEquals(List.of(first), store.latestWith("lobby", first.id()));
    }

    @Test
    void aMessageTheHeldReadDoesNotShowIsReadAgain() {
        ChatMessage first = store.add("lobby", "ada", "hello");
        store.latestWith("lobby", first.id());
        ChatMessage second = store.add("lobby", "bob", "hi");
        assertEquals(List.of(first, second), store.latestWith("lobby", second.id()));
        assertEquals(List.of(first, second), store.latestWith("lobby", first.id()), "the newer read shows both");
        assertEquals(List.of("lobby", "lobby"), store.reads);
    }

    @Test
    void roomsAreHeldApart() {
        ChatMessage lobby = store.add("lobby", "ada", "hello");
        ChatMessage cellar = store.add("cellar", "eve", "psst");
        assertEquals(List.of(lobby), store.latestWith("lobby", lobby.id()));
        assertEquals(List.of(cellar), store.latestWith("cellar", cellar.id()));
        assertEquals(List.of(lobby), store.latestWith("lobby", lobby.id()));
        assertEquals(List.of("lobby", "cellar"), store.reads);
    }

    @Test
    void onlyTheMostRecentlyReadRoomsAreHeld() {
        List<ChatMessage> sent = new ArrayList<>();
        for (int room = 0; room <= ChatStore.READ_ROOMS; room++) {
            sent.add(store.add("room-" + room, "ada", "hello"));
            store.latestWith("room-" + room, sent.get(room).id());
        }
        store.reads.clear();
        store.latestWith("room-" + ChatStore.READ_ROOMS, sent.get(ChatStore.READ_ROOMS).id());
        assertEquals(List.of(), store.reads, "the latest room is held");
        store.latestWith("room-0", sent.get(0).id());
        assertEquals(List.of("room-0"), store.reads, "the oldest was let go: read again");
    }
}
