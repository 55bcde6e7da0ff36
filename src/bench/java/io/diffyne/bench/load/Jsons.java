package io.diffyne.bench.load;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole generator. {@code Json.createX} looks the provider up through the ServiceLoader
 * on every call, which costs more than the small messages it builds and would steal CPU from the server under test.
 */
final class Jsons {

    static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
