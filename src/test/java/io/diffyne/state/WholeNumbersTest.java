package io.diffyne.state;

import static io.diffyne.state.JsonProviders.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class WholeNumbersTest {

    private static JsonNumber n(String json) {
        return (JsonNumber) CanonicalJson.parse(json);
    }

    @Test
    void valuesCompareAsBeforeWhateverTheirSpelling() {
        assertTrue(WholeNumbers.same(JSON.createValue(3L), n("3.0")));
        assertTrue(WholeNumbers.same(JSON.createValue(100L), n("1E+2")));
        assertTrue(WholeNumbers.same(JSON.createValue(-7), JSON.createValue(-7L)));
        assertFalse(WholeNumbers.same(JSON.createValue(3L), n("3.5")));
        assertFalse(WholeNumbers.same(JSON.createValue(Long.MAX_VALUE),
                JSON.createValue(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))));
        assertEquals(new BigDecimal("12345678901234567890"),
                WholeNumbers.decimal(JSON.createValue(new BigInteger("12345678901234567890"))));
        assertEquals(0, WholeNumbers.decimal(JSON.createValue(42L)).compareTo(BigDecimal.valueOf(42)));
    }

    @Test
    void theCanonicalFormIsUnchanged() {
        assertEquals("100", CanonicalJson.number(n("1E+2")));
        assertEquals("0", CanonicalJson.number(n("-0")));
        assertEquals("0.1", CanonicalJson.number(n("0.10")));
        assertEquals("-42", CanonicalJson.number(JSON.createValue(-42L)));
        assertEquals("9223372036854775808",
                CanonicalJson.number(JSON.createValue(new BigInteger("9223372036854775808"))));
    }

    @Test
    void anIntegerThatWasSignedComparedAndReadKeepsNoBigDecimal() throws ReflectiveOperationException {
        JsonNumber count = JSON.createValue(7L);
        CanonicalJson.number(count);
        WholeNumbers.same(count, JSON.createValue(8L));
        WholeNumbers.decimal(count);
        // Parsson keeps a BigDecimal field it fills on first request: it must still be empty
        for (Class<?> c = count.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == BigDecimal.class && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    assertNull(f.get(count), f.getName());
                }
            }
        }
    }
}
