package io.diffyne.state;

import io.diffyne.component.State;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateSerializerTest {

    enum Status { OPEN, DONE }

    record Item(String name, int qty, LocalDate due) {
    }

    public static class Address {
        private String city = "Paris";
        private int zip = 75001;

        public String getCity() {
            return city;
        }

        public int getZip() {
            return zip;
        }
    }

    public static class Everything {
        public int count = 3;
        public Integer missing;
        public String text = "a\"b";
        public double ratio = 0.1;
        public float small = 0.1f;
        public long big = 9007199254740993L;
        public boolean on = true;
        public char letter = 'x';
        public BigDecimal price = new BigDecimal("12.50");
        public Status status = Status.DONE;
        public Instant at = Instant.parse("2024-05-31T12:30:00Z");
        public Duration wait = Duration.ofMinutes(90);
        public List<Item> items = new ArrayList<>(List.of(new Item("milk", 2, LocalDate.of(2024, 6, 1)),
                new Item("egg", 12, null)));
        public Map<Status, Integer> counts = new LinkedHashMap<>(Map.of(Status.OPEN, 1));
        public int[] ints = {1, 2};
        public Optional<String> maybe = Optional.empty();
        public Address address = new Address();
        @State private String secret = "s";
        public transient String scratch = "not state";
    }

    @Test
    void writesEveryStateFieldInCanonicalForm() {
        assertEquals("{\"address\":{\"city\":\"Paris\",\"zip\":75001},\"at\":\"2024-05-31T12:30:00Z\",\"big\":9007199254740993,"
                        + "\"count\":3,\"counts\":{\"OPEN\":1},\"ints\":[1,2],\"items\":[{\"due\":\"2024-06-01\",\"name\":\"milk\","
                        + "\"qty\":2},{\"due\":null,\"name\":\"egg\",\"qty\":12}],\"letter\":\"x\",\"maybe\":null,"
                        + "\"missing\":null,\"on\":true,\"price\":12.5,\"ratio\":0.1,\"secret\":\"s\",\"small\":0.1,"
                        + "\"status\":\"DONE\",\"text\":\"a\\\"b\",\"wait\":\"PT1H30M\"}",
                CanonicalJson.write(StateSerializer.serialize(new Everything())));
    }

    @Test
    void serializedStateHydratesBackToEqualValues() {
        Everything source = new Everything();
        source.count = 9;
        source.missing = 4;
        source.maybe = Optional.of("here");
        Everything target = new Everything();
        target.items.clear();
        StateHydrator.hydrate(target, StateSerializer.serialize(source));
        assertEquals(CanonicalJson.write(StateSerializer.serialize(source)),
                CanonicalJson.write(StateSerializer.serialize(target)));
        assertEquals(source.items, target.items);
        assertEquals(Optional.of("here"), target.maybe);
    }

    @Test
    void nonFiniteNumbersAreRefusedNamingTheField() {
        Everything e = new Everything();
        e.ratio = Double.NaN;
        StateException ex = assertThrows(StateException.class, () -> StateSerializer.serialize(e));
        assertEquals("State field 'ratio' of " + Everything.class.getName()
                + " cannot be serialized: NaN and infinite numbers have no JSON form", ex.getMessage());
    }

    @Test
    void cyclesAreRefused() {
        List<Object> self = new ArrayList<>();
        self.add(self);
        StateException ex = assertThrows(StateException.class, () -> StateSerializer.toJson(self));
        assertEquals("value nested deeper than 64 (a cycle?)", ex.getMessage());
    }

    @Test
    void toJsonForLooseValues() {
        assertEquals("[null,\"a\",1,{\"k\":[true]}]", CanonicalJson.write(StateSerializer.toJson(
                java.util.Arrays.asList(null, "a", 1L, Map.of("k", List.of(true))))));
    }
}
