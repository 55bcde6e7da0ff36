package io.diffyne.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The demo's own readiness check, {@code demo-chat-storage}: an application's check next to Diffyne's in the
 * platform's {@code /health/ready}, which Diffyne's health must never hide. Up once the chat store is open, with
 * where it keeps the messages ({@code database} or {@code memory}).
 */
@Readiness
@ApplicationScoped
public class ChatStorageCheck implements HealthCheck {

    static final String NAME = "demo-chat-storage";

    @Inject
    ChatStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).up().withData("storage", store.storageKind()).build();
    }
}
