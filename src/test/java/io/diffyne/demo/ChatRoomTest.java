package io.diffyne.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.testing.DiffyneTest;
import io.diffyne.testing.TestKit;
import io.diffyne.testing.TestedComponent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The demo chat room, tested with the kit: its {@code @Inject ChatStore} is a fake kept in memory, two browsers share
 * a room through the broadcast, another room hears nothing.
 */
class ChatRoomTest {

    /** The store without its JNDI look-up: messages in memory, and what was stored is kept for the test to read. */
    static final class FakeChatStore extends ChatStore {
        private final MemoryChatLog log = new MemoryChatLog(KEEP);
        final java.util.List<String> added = new java.util.ArrayList<>();

        @Override
        public ChatMessage add(String room, String author, String text) {
            added.add(room + "/" + author + ": " + text);
            return log.add(room, author, text);
        }

        @Override
        public List<ChatMessage> latest(String room) {
            return log.latest(room, KEEP);
        }

        @Override
        public String storage() {
            return "a test fake";
        }
    }

    private final FakeChatStore store = new FakeChatStore();
    private final TestKit kit = DiffyneTest.kit()
            .provide(ChatStore.class, store)                        // what @Inject ChatStore fields receive
            .user("ada");                                           // snapshots are signed for this user

    @Test
    void mountShowsTheRoomTheStorageAndThePreviousMessages() {
        store.add("lobby", "ada", "Hello");
        kit.mount(ChatRoom.class, Map.of("room", "lobby", "author", "  grace  "))
                .assertText(".room", "#lobby").assertSee("Messages are kept in a test fake.")
                .assertText(".messages li b", "ada").assertSet("author", "grace")
                .assertAttribute("input[name=newMessage]", "placeholder", "Message as grace");
    }

    @Test
    void anInvalidRoomBecomesGeneralAndALongAuthorIsCut() {
        kit.mount(ChatRoom.class, Map.of("room", "../etc", "author", "x".repeat(60)))
                .assertSet("room", "general").assertSet("author", "x".repeat(40));
    }

    /** The README's example, as it is there. */
    @Test
    void aMessageIsStoredShownAndBroadcastToTheRoom() {
        TestedComponent<ChatRoom> ada = kit.mount(ChatRoom.class, Map.of("room", "lobby", "author", "Ada"));
        TestedComponent<ChatRoom> bob = kit.newBrowser("bob").mount(ChatRoom.class, Map.of("room", "lobby"));
        ada.set("newMessage", "Hi all")                             // an update request, as diff:model.live sends
                .call("sendMessage")                                // a call request: @Invokable methods only
                .assertOk()
                .assertSet("newMessage", "")                        // the state in the signed snapshot
                .assertText(".messages li b", "Ada")                // CSS selectors on the patched markup
                .assertBroadcast("chat.lobby", "message-sent", Map.of("room", "lobby", "id", 1));
        bob.assertSee("Hi all");                                    // the broadcast reached the other browser
        ada.set("room", "cellar").assertSecurityError();            // @Locked: refused, nothing changed
        ada.call("sendMessage").assertHasError("newMessage", "The new message field is required.");
    }

    @Test
    void anotherRoomHearsNothingAndTheMessageIsStoredOnce() {
        TestedComponent<ChatRoom> ada = kit.mount(ChatRoom.class, Map.of("room", "lobby", "author", "Ada"));
        TestedComponent<ChatRoom> eve = kit.newBrowser("eve").mount(ChatRoom.class, Map.of("room", "cellar"));
        ada.set("newMessage", "  Hi all  ").call("sendMessage").assertCount(".messages li", 1)
                .assertText(".messages li", ada.<List<ChatMessage>>get("messages").get(0).at() + "Ada Hi all");
        assertEquals(List.of("lobby/Ada: Hi all"), store.added);
        eve.assertSee("No messages yet. Say hi!");
    }

    @Test
    void anEmptyOrLongMessageIsRefusedWithTheFieldsError() {
        TestedComponent<ChatRoom> room = kit.mount(ChatRoom.class);
        room.call("sendMessage").assertHasError("newMessage", "The new message field is required.")
                .set("newMessage", "x".repeat(501)).call("sendMessage")
                .assertHasError("newMessage", "The new message may not be greater than 500 characters.")
                .assertText(".error", "The new message may not be greater than 500 characters.");
        assertEquals(List.of(), store.added);
    }

    @Test
    void theRoomAndAuthorAreLockedAndTheRefreshListenerIsServerSide() {
        kit.mount(ChatRoom.class, Map.of("room", "lobby"))
                .set("room", "cellar").assertSecurityError()
                .set("author", "admin").assertSecurityError()
                .dispatchFromBrowser("message-sent", null).assertSecurityError()
                .receiveBroadcast("chat.cellar", "message-sent", Map.of("room", "cellar")).assertSecurityError()
                .assertSet("room", "lobby");
    }
}
