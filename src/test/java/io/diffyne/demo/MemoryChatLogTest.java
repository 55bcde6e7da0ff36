package io.diffyne.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class MemoryChatLogTest {

    private static List<String> texts(List<ChatMessage> messages) {
        return messages.stream().map(m -> m.id() + ":" + m.author() + ":" + m.text()).toList();
    }

    @Test
    void roomsAreSeparateAndOldestComeFirst() {
        MemoryChatLog log = new MemoryChatLog(50);
        log.add("general", "Ada", "hi");
        log.add("random", "Eve", "elsewhere");
        log.add("general", "Bob", "hello");
        assertEquals(List.of("1:Ada:hi", "3:Bob:hello"), texts(log.latest("general", 50)));
        assertEquals(List.of("2:Eve:elsewhere"), texts(log.latest("random", 50)));
        assertEquals(List.of(), log.latest("empty", 50));
    }

    @Test
    void keepsAtMostItsBoundAndAnswersTheNewestWithinTheLimit() {
        MemoryChatLog log = new MemoryChatLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add("r", "A", "m" + i);
        }
        assertEquals(List.of("3:A:m3", "4:A:m4", "5:A:m5"), texts(log.latest("r", 10)));
        assertEquals(List.of("4:A:m4", "5:A:m5"), texts(log.latest("r", 2)));
    }

    @Test
    void timeIsShownAsHoursMinutesSeconds() {
        ChatMessage message = new MemoryChatLog(1).add("r", "A", "x");
        assertEquals(8, message.at().length());
        assertEquals(':', message.at().charAt(2));
        assertEquals(':', message.at().charAt(5));
        assertEquals("memory", new MemoryChatLog(1).description());
    }
}
