package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;
import io.diffyne.component.On;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page-wide confirmation dialog opened by an event. What it confirms ({@code eventName}, {@code eventData}) is
 * locked: a client cannot turn "delete post 5" into something else.
 */
@DiffyneComponent("confirmation-modal")
public class ConfirmationModal extends Component {

    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public boolean open;
    @Locked public String title = "";
    @Locked public String message = "";
    @Locked public String confirmText = "Confirm";
    @Locked public String cancelText = "Cancel";
    @Locked public String eventName = "";
    @Locked public Map<String, Object> eventData = Map.of();

    @On("open-confirmation-modal")
    public void show(Map<String, Object> data) {
        if (data == null || !(data.get("eventName") instanceof String name) || !EVENT.matcher(name).matches()) {
            return;
        }
        title = text(data.get("title"), "Are you sure?");
        message = text(data.get("message"), "");
        confirmText = text(data.get("confirmText"), "Confirm");
        cancelText = text(data.get("cancelText"), "Cancel");
        eventName = name;
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = data.get("eventData") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        eventData = payload;
        open = true;
    }

    @Invokable
    public void close() {
        open = false;
    }

    @Invokable
    public void confirm() {
        if (open && !eventName.isEmpty()) {
            dispatch(eventName, eventData);
        }
        open = false;
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? (s.length() > 300 ? s.substring(0, 300) : s) : fallback;
    }
}
