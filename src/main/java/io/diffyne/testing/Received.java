package io.diffyne.testing;

import io.diffyne.runtime.BroadcastMessage;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * One response a component received, with the broadcasts its action fired (they travel on the bus, never in the
 * response).
 */
record Received(JsonObject response, List<BroadcastMessage> broadcasts) {
}
