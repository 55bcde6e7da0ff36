package io.diffyne.state;

import static io.diffyne.state.JsonProviders.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once. The static {@code jakarta.json.JSON.create…} methods look the provider up
 * through the service loader on every call (reading jar files: 0.5–2 ms each, the top cost in the benchmarks'
 * profiles); code on request paths uses {@link #JSON} instead.
 */
public final class JsonProviders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
