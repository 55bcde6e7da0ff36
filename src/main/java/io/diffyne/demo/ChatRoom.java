package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;
import io.diffyne.component.On;
import io.diffyne.component.Transport;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The seed's real-time chat: a message sent in a room appears in every browser in that room, on every instance, and
 * in no other room.
 */
@DiffyneComponent(value = "chat-room", transport = Transport.WEBSOCKET)
public class ChatRoom extends Component {

    private static final Pattern ROOM = Pattern.compile("[a-z0-9-]{1,32}");

    @Locked
    public String room = "general";

    @Locked
    public String author = "guest";

    public List<ChatMessage> messages = new ArrayList<>();

    @NotBlank(message = "The new message field is required.")
    @Size(max = 500, message = "The new message may not be greater than 500 characters.")
    public String newMessage = "";

    @Inject
    ChatStore store;

    @Override
    protected void mount(Map<String, Object> params) {
        if (!ROOM.matcher(room).matches()) {
            room = "general";
        }
        author = author == null || author.isBlank() ? "guest" : author.strip();
        if (author.length() > 40) {
            author = author.substring(0, 40);
        }
        messages = store.latest(room);
    }

    @Invokable
    public void sendMessage() {
        validate("newMessage");
        ChatMessage sent = store.add(room, author, newMessage.strip());
        newMessage = "";
        messages = store.latestWith(room, sent.id());
        broadcast(channel(), "message-sent", Map.of("room", room, "id", sent.id()));
    }

    /** The room's latest messages, read once on this instance for all its receivers of the message announced. */
    @On("message-sent")
    public void refresh(Map<String, Object> sent) {
        messages = sent != null && sent.get("id") instanceof Number id ? store.latestWith(room, id.longValue())
                : store.latest(room);
    }

    /** Where the messages are kept: "database (JPA)" or "memory". */
    @Computed
    public String getStorage() {
        return store.storage();
    }

    @Override
    protected Set<String> channels() {
        return Set.of(channel());
    }

    private String channel() {
        return "chat." + room;
    }
}
