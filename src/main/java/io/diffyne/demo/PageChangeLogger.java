package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.On;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Listens to the post list's events and keeps the last five, newest first. */
@DiffyneComponent("page-change-logger")
public class PageChangeLogger extends Component {

    static final int KEEP = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One line of the log. JSON: {@code {"change":2,"text":"Page 3","time":"12:00:01"}} */
    public record Entry(String time, String text, int change) {
    }

    public List<Entry> logs = new ArrayList<>();
    public int totalChanges;

    @On("pageChanging")
    public void pageChanged(Map<String, Object> data) {
        Object page = data == null ? null : data.get("newPage");
        totalChanges++;
        log("Page " + page, totalChanges);
    }

    @On("post-deleted")
    public void dataDeleted(Map<String, Object> data) {
        log("Data was deleted", 0);
    }

    @Invokable
    public void clearLogs() {
        reset("logs", "totalChanges");
    }

    private void log(String text, int change) {
        logs.add(0, new Entry(LocalTime.now().format(TIME), text, change));
        while (logs.size() > KEEP) {
            logs.remove(logs.size() - 1);
        }
    }
}
