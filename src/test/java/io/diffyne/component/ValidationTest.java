package io.diffyne.component;

import io.diffyne.component.spi.ComponentAccess;
import io.diffyne.component.spi.StandardComponentContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationTest {

    static class Contact extends Component {
        @NotBlank @Size(min = 3, max = 40) public String name = "";
        @NotBlank @Email public String email = "";
        @Min(18) public int age = 30;
        public boolean sent;

        void submit() {
            validate();
            sent = true;
        }

        void check(String... fields) {
            validate(fields);
        }

        void fail(String field, String message) {
            addError(field, message);
        }

        void forget(String... fields) {
            resetValidation(fields);
        }
    }

    private static Map<String, List<String>> map(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> v = (List<String>) pairs[i + 1];
            m.put((String) pairs[i], v);
        }
        return m;
    }

    @Test
    void validateReportsEveryFieldInDeclarationOrderAndKeepsInput() {
        Contact c = new Contact();
        c.name = "";
        c.email = "not-an-email";
        c.age = 12;
        TestContexts.attach(c, false);
        ValidationFailedException e = assertThrows(ValidationFailedException.class, c::submit);
        Map<String, List<String>> expected = map(
                "name", List.of("must not be blank", "size must be between 3 and 40"),
                "email", List.of("must be a well-formed email address"),
                "age", List.of("must be greater than or equal to 18"));
        assertEquals(expected, e.errors());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(e.errors().keySet()));
        assertEquals(expected, c.errors());
        assertEquals("Validation failed", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
        assertFalse(c.sent);
        assertEquals("not-an-email", c.email);
    }

    @Test
    void validateSucceedsAndClearsEarlierErrors() {
        Contact c = new Contact();
        TestContexts.attach(c, false);
        c.fail("name", "taken");
        c.name = "Ada Lovelace";
        c.email = "ada@example.org";
        c.submit();
        assertTrue(c.sent);
        assertEquals(Map.of(), c.errors());
    }

    @Test
    void validateOneFieldChecksOnlyThatFieldAndKeepsOtherErrors() {
        Contact c = new Contact();
        c.email = "bad";
        TestContexts.attach(c, false);
        c.fail("name", "already used");
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> c.check("email"));
        assertEquals(map("name", List.of("already used"), "email", List.of("must be a well-formed email address")),
                e.errors());
        c.email = "ada@example.org";
        c.check("email");
        assertEquals(map("name", List.of("already used")), c.errors());
    }

    @Test
    void validateOfSeveralFieldsReplacesOnlyTheirErrors() {
        Contact c = new Contact();
        c.name = "Al";
        c.age = 3;
        TestContexts.attach(c, false);
        c.fail("email", "bounced");
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> c.check("age", "name"));
        assertEquals(map("email", List.of("bounced"),
                "name", List.of("size must be between 3 and 40"),
                "age", List.of("must be greater than or equal to 18")), e.errors());
    }

    @Test
    void validateOfAnUnknownFieldIsAProgrammingError() {
        Contact c = new Contact();
        TestContexts.attach(c, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.check("phone"));
        assertEquals("validate(\"phone\"): Contact has no field 'phone'", e.getMessage());
    }

    @Test
    void addErrorAndResetValidation() {
        Contact c = new Contact();
        TestContexts.attach(c, false);
        c.fail("name", "first");
        c.fail("name", "second");
        c.fail("email", "third");
        assertEquals(map("name", List.of("first", "second"), "email", List.of("third")), c.errors());
        c.forget("name");
        assertEquals(map("email", List.of("third")), c.errors());
        c.fail("age", "x");
        c.forget();
        assertEquals(Map.of(), c.errors());
        assertThrows(UnsupportedOperationException.class, () -> c.errors().put("a", List.of()));
    }

    @Test
    void withoutAValidatorValidationSaysWhatIsMissing() {
        Contact c = new Contact();
        ComponentAccess.attach(c, StandardComponentContext.builder("id", "contact").build());
        IllegalStateException e = assertThrows(IllegalStateException.class, c::submit);
        assertEquals("validate() in Contact: no Bean Validation provider is available; deploy to a Jakarta EE server"
                + " or add Hibernate Validator to the application", e.getMessage());
    }

    @Test
    void applicationCodeCanThrowItsOwnValidationFailure() {
        ValidationFailedException e = ValidationFailedException.of("email", "is already registered");
        assertEquals(Map.of("email", List.of("is already registered")), e.errors());
    }
}
