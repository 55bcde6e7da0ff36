package io.diffyne.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The demo's own readiness check, {@code demo-chat-storage}: an application's check next to Diffyne's in the
 * platform's {@code /health/ready}, which Diffyne's health must never hide. Up once the chat store is open, with
 * where it keeps the messages ({@code storage}: {@code database} or {@code memory}) and, in a database, which kind
 * ({@code database}: {@code postgresql}, {@code h2}).
 */
@Readiness
@ApplicationScoped
public class ChatStorageCheck implements HealthCheck {

    static final String NAME = "demo-chat-storage";

    @Inject
    ChatStore store;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up().withData("storage", store.storageKind());
        store.databaseKind().ifPresent(kind -> response.withData("database", kind));
        return response.build();
    }
}
