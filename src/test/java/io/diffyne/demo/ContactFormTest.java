package io.diffyne.demo;

import io.diffyne.protocol.ErrorType;
import io.diffyne.testing.DiffyneTest;
import io.diffyne.testing.TestedComponent;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo contact form, tested with the kit: errors next to their fields, input kept, success resets. */
class ContactFormTest {

    private final TestedComponent<ContactForm> form = DiffyneTest.mount(ContactForm.class);

    @Test
    void invalidInputIsAValidationErrorThatRendersTheErrorsAndKeepsTheInput() {
        form.fill(Map.of("name", "Jo", "email", "nope")).call("submit")
                .assertError(ErrorType.VALIDATION_ERROR)
                .assertHasError("name", "Your name needs 3 to 255 characters")
                .assertHasError("email", "Please enter a valid email address")
                .assertHasError("message", "Message cannot be empty")
                .assertHasError("message", "Your message needs at least 10 characters")
                .assertText("[diff:error=email]", "Please enter a valid email address")
                .assertAttribute("input[name=name]", "value", "Jo")
                .assertSet("name", "Jo").assertSet("submitted", false);
    }

    @Test
    void aValidMessageIsSentAndTheFormResets() {
        form.fill(Map.of("name", "Joan", "email", "joan@example.com", "message", "Hello there, Diffyne!"))
                .call("submit").assertOk().assertHasNoErrors()
                .assertSee("Thanks! Your message was sent.").assertMissing("form")
                .assertSet("name", "").assertSet("email", "").assertSet("message", "").assertSet("submitted", true)
                .call("another").assertPresent("form").assertAttribute("input[name=email]", "value", "");
    }

    @Test
    void fixingOneFieldClearsOnlyItsError() {
        form.set("email", "nope").call("submit").assertHasErrors("name", "email", "message")
                .set("email", "ada@example.com").call("submit").assertHasErrors("name", "message")
                .assertHasNoErrors("email").assertText("[diff:error=email]", "");
    }
}
