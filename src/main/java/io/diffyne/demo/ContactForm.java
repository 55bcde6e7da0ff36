package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Transport;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Validation with Bean Validation: errors show next to their fields, input is kept, success resets the form.
 * Forced to AJAX, as the seed's "use WebSocket selectively" shows: a form submitted now and then gains nothing from
 * the socket, and its requests then pass through ordinary HTTP filters and logs.
 */
@DiffyneComponent(value = "contact-form", transport = Transport.AJAX)
public class ContactForm extends Component {

    @NotBlank(message = "Please enter your name")
    @Size(min = 3, max = 255, message = "Your name needs 3 to 255 characters")
    public String name = "";

    @NotBlank(message = "Email address is required")
    @Email(message = "Please enter a valid email address")
    public String email = "";

    @NotBlank(message = "Message cannot be empty")
    @Size(min = 10, max = 2000, message = "Your message needs at least 10 characters")
    public String message = "";

    public boolean submitted;

    @Invokable
    public void submit() {
        validate();
        submitted = true;
        reset("name", "email", "message");
    }

    @Invokable
    public void another() {
        submitted = false;
    }
}
