package io.diffyne.state;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** apply(diff(a, b), a) is canonically b, for any states; small alphabets make a and b overlap. */
class StateDeltaProperties {

    /** Json.createX looks the provider up on every call (a service-loader scan): far too slow for generators. */
    private static final JsonProvider P = JsonProvider.provider();

    // edge cases of a recursive arbitrary are a combinatorial explosion (tens of seconds): random cases only
    @Property(tries = 600, edgeCases = EdgeCasesMode.NONE)
    void applyOfDiffGivesTheTarget(@ForAll("states") JsonObject a, @ForAll("states") JsonObject b) {
        check(a, b);
    }

    @Property(tries = 600)
    void arrayEditsRoundTrip(@ForAll("intLists") List<Integer> a, @ForAll("intLists") List<Integer> b) {
        check(listState(a), listState(b));
    }

    /**
     * A window over a sequence that moved by {@code dropped} (its oldest out, as many or fewer new ones in): the
     * delta round-trips, and for a move within {@link ArrayShift#REACH} never takes more ops than the elements that
     * left and came (a move beyond it is compared by position, which may take a few more).
     */
    @Property(tries = 400)
    void aMovedWindowRoundTripsInNoMoreOpsThanWhatLeftAndCame(@ForAll("windows") List<Integer> sizes) {
        int length = sizes.get(0);
        int dropped = Math.min(sizes.get(1), length);
        int taken = sizes.get(2);
        List<Integer> from = java.util.stream.IntStream.range(0, length).boxed().toList();
        List<Integer> to = java.util.stream.IntStream.range(dropped, length + taken).boxed().toList();
        check(listState(from), listState(to));
        if (dropped > ArrayShift.REACH) {
            return;
        }
        // plus the replace of "n" when the length changed
        int lengthOp = from.size() == to.size() ? 0 : 1;
        org.junit.jupiter.api.Assertions.assertTrue(
                StateDelta.diff(listState(from), listState(to)).size() <= dropped + taken + lengthOp,
                () -> from + " -> " + to + ": " + StateDelta.diff(listState(from), listState(to)));
    }

    @Provide
    Arbitrary<List<Integer>> windows() {
        return Arbitraries.integers().between(0, 80).list().ofSize(3);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void diffOfEqualStatesIsEmpty(@ForAll("states") JsonObject a) {
        assertEquals(0, StateDelta.diff(a, a).size());
    }

    private static void check(JsonObject a, JsonObject b) {
        var delta = StateDelta.diff(a, b);
        assertEquals(CanonicalJson.write(b), CanonicalJson.write(StateDelta.apply(a, delta)),
                () -> "a=" + CanonicalJson.write(a) + " delta=" + CanonicalJson.write(delta));
        // and the delta survives the wire: written as text, parsed back, still applies
        assertEquals(CanonicalJson.write(b), CanonicalJson.write(
                StateDelta.apply(a, CanonicalJson.parse(CanonicalJson.write(delta)).asJsonArray())));
    }

    private static JsonObject listState(List<Integer> list) {
        JsonArrayBuilder b = P.createArrayBuilder();
        list.forEach(b::add);
        return P.createObjectBuilder().add("l", b).add("n", list.size()).build();
    }

    @Provide
    Arbitrary<List<Integer>> intLists() {
        return Arbitraries.integers().between(0, 4).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<JsonObject> states() {
        return objectsOf(Arbitraries.recursive(StateDeltaProperties::scalars, StateDeltaProperties::containers, 0, 3));
    }

    private static Arbitrary<JsonValue> containers(Arbitrary<JsonValue> inner) {
        Arbitrary<JsonValue> arrays = inner.list().ofMaxSize(5).map(values -> {
            JsonArrayBuilder b = P.createArrayBuilder();
            values.forEach(b::add);
            return b.build();
        });
        return Arbitraries.oneOf(inner, arrays, objectsOf(inner).map(o -> (JsonValue) o));
    }

    private static Arbitrary<JsonObject> objectsOf(Arbitrary<JsonValue> values) {
        return Arbitraries.maps(keys(), values).ofMaxSize(5).map(StateDeltaProperties::object);
    }

    private static JsonObject object(Map<String, JsonValue> map) {
        JsonObjectBuilder b = P.createObjectBuilder();
        map.forEach(b::add);
        return b.build();
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.strings().withChars('a', 'b', '~', '/', '0', '1').ofMaxLength(3);
    }

    private static Arbitrary<JsonValue> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3).map(i -> (JsonValue) P.createValue(i)),
                Arbitraries.bigDecimals().between(new BigDecimal("-2"), new BigDecimal("2")).ofScale(2)
                        .map(d -> (JsonValue) P.createValue(d)),
                Arbitraries.strings().withChars('x', 'y', '"', '\\', '\n', 'é').ofMaxLength(3)
                        .map(s -> (JsonValue) P.createValue(s)),
                Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL));
    }
}
