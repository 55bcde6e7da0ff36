package io.diffyne.state;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

/** The shared JSON-P provider and JSON-B instance: looking them up per call costs a service-loader scan. */
final class JsonSupport {

    static final JsonProvider PROVIDER = JsonProviders.JSON;

    private JsonSupport() {
    }

    static Jsonb jsonb() {
        return JsonbHolder.JSONB;
    }

    /** Created on first use only: many paths (canonical JSON, signing, deltas) never need JSON-B. */
    private static final class JsonbHolder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
