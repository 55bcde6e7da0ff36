package io.diffyne.component.spi;

import io.diffyne.component.Caller;
import io.diffyne.component.Component;
import jakarta.validation.Validator;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The ready-made {@link ComponentContext}: plain values plus a fresh {@link Effects}.
 * <pre>{@code
 * var ctx = StandardComponentContext.builder(id, type.name())
 *         .mounting(true).validator(validator).query(pageQuery).defaults(type::newPlainInstance).build();
 * }</pre>
 */
public final class StandardComponentContext implements ComponentContext {

    private final String componentId;
    private final String componentName;
    private final boolean mounting;
    private final boolean webSocketConnected;
    private final Validator validator;
    private final Map<String, String> query;
    private final Supplier<? extends Component> defaults;
    private final Caller caller;
    private final Effects effects = new Effects();

    private StandardComponentContext(Builder b) {
        this.componentId = b.componentId;
        this.componentName = b.componentName;
        this.mounting = b.mounting;
        this.webSocketConnected = b.webSocketConnected;
        this.validator = b.validator;
        this.query = Map.copyOf(b.query);
        this.defaults = b.defaults;
        this.caller = b.caller;
    }

    public static Builder builder(String componentId, String componentName) {
        return new Builder(componentId, componentName);
    }

    @Override
    public String componentId() {
        return componentId;
    }

    @Override
    public String componentName() {
        return componentName;
    }

    @Override
    public boolean mounting() {
        return mounting;
    }

    @Override
    public boolean webSocketConnected() {
        return webSocketConnected;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Validator validator() {
        return validator;
    }

    @Override
    public Map<String, String> query() {
        return query;
    }

    @Override
    public Effects effects() {
        return effects;
    }

    @Override
    public Component newDefaultInstance() {
        if (defaults == null) {
            throw new IllegalStateException("No defaults supplier in the context of component '" + componentName
                    + "': the runtime must pass ComponentType::newPlainInstance to StandardComponentContext.defaults");
        }
        return defaults.get();
    }

    /** Builder; every setting but the id and name is optional. */
    public static final class Builder {
        private final String componentId;
        private final String componentName;
        private boolean mounting;
        private boolean webSocketConnected;
        private Validator validator;
        private Map<String, String> query = Map.of();
        private Supplier<? extends Component> defaults;
        private Caller caller = Caller.anonymous();

        private Builder(String componentId, String componentName) {
            this.componentId = Objects.requireNonNull(componentId, "componentId");
            this.componentName = Objects.requireNonNull(componentName, "componentName");
        }

        public Builder mounting(boolean mounting) {
            this.mounting = mounting;
            return this;
        }

        public Builder webSocketConnected(boolean connected) {
            this.webSocketConnected = connected;
            return this;
        }

        public Builder validator(Validator validator) {
            this.validator = validator;
            return this;
        }

        public Builder query(Map<String, String> query) {
            this.query = Objects.requireNonNull(query, "query");
            return this;
        }

        public Builder defaults(Supplier<? extends Component> defaults) {
            this.defaults = defaults;
            return this;
        }

        public Builder caller(Caller caller) {
            this.caller = Objects.requireNonNull(caller, "caller");
            return this;
        }

        public StandardComponentContext build() {
            return new StandardComponentContext(this);
        }
    }
}
