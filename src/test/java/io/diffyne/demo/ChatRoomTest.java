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
    private final TestKit kit = DiffyneTest.kit().provide(ChatStore.class, store).overWebSocket();

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

    @Test
    void aMessageIsStoredShownAndBroadcastToTheRoom() {
        TestedComponent<ChatRoom> ada = kit.user("ada").mount(ChatRoom.class, Map.of("room", "lobby", "author", "Ada"));
        TestedComponent<ChatRoom> bob = kit.newBrowser("bob").mount(ChatRoom.class, Map.of("room", "lobby"));
        TestedComponent<ChatRoom> other = kit.newBrowser("eve").mount(ChatRoom.class, Map.of("room", "cellar"));
        ada.set("newMessage", "  Hi all  ").call("sendMessage").assertOk()
                .assertBroadcast("chat.lobby", "message-sent", Map.of("room", "lobby"))
                .assertSet("newMessage", "").assertText(".messages li b", "Ada").assertText(".messages li", ada
                        .<List<ChatMessage>>get("messages").get(0).at() + "Ada Hi all"); // the tree keeps no blank text
        assertEquals(List.of("lobby/Ada: Hi all"), store.added);
        bob.assertOk().assertCount(".messages li", 1).assertSee("Hi all").assertText("li b", "Ada");
        other.assertSee("No messages yet. Say hi!");
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
