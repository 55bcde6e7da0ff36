package io.diffyne.component;

import io.diffyne.component.spi.ComponentAccess;
import io.diffyne.component.spi.StandardComponentContext;
import jakarta.validation.Validation;
import org.hibernate.validator.HibernateValidator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.Locale;
import java.util.function.Supplier;

/** Attaches contexts to components the way the runtime does, for tests. */
final class TestContexts {

    private static Validator validator;

    private TestContexts() {
    }

    static synchronized Validator validator() {
        if (validator == null) {
            // messages in English, whatever the machine's locale
            ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                    .defaultLocale(Locale.ENGLISH).buildValidatorFactory();
            validator = factory.getValidator();
        }
        return validator;
    }

    static StandardComponentContext attach(Component c, boolean mounting) {
        return attach(c, mounting, null);
    }

    static StandardComponentContext attach(Component c, boolean mounting, Supplier<? extends Component> defaults) {
        StandardComponentContext ctx = StandardComponentContext.builder("q3Xv9Tz0bA1c", "test")
                .mounting(mounting).validator(validator()).defaults(defaults).build();
        ComponentAccess.attach(c, ctx);
        return ctx;
    }
}
