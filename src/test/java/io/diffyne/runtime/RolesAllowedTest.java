package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.runtime.fixtures.Vault;
import io.diffyne.runtime.meta.ComponentDefinitionException;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.PlainComponentFactory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@code @RolesAllowed} on an action is checked by the runtime, whatever the transport: a caller without one of the
 * roles gets {@code security_error} (403) and the component never runs; a caller with one runs it. Components read
 * the caller's name and declared roles through {@code caller()}.
 */
class RolesAllowedTest {

    private final DefaultDiffyneRuntime runtime = new DefaultDiffyneRuntime(ComponentRegistry.of(Vault.class),
            new PlainComponentFactory(), DiffyneSettings.load(name -> Optional.ofNullable(RuntimeHarness.KEY.get(name))),
            null, m -> { });

    private static ClientContext as(String user, Channel channel, String... roles) {
        return new ClientContext("client-1", user, channel, null, Set.of(roles));
    }

    private RuntimeHarness.Client mounted(ClientContext who) {
        return new RuntimeHarness.Client(runtime.mount("test-vault", Map.of(), who).html());
    }

    @Test
    void theRuntimeKnowsEveryRoleItsComponentsAskAbout() {
        assertEquals(Set.of("admin", "owner", "auditor"), runtime.declaredRoles());
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedOnEitherTransportAndTheActionDoesNotRun() {
        for (Channel channel : Channel.values()) {
            for (ClientContext who : new ClientContext[] {as(null, channel), as("bob", channel, "auditor")}) {
                RuntimeHarness.Client client = mounted(who);
                ActionResult result = runtime.handle(io.diffyne.protocol.RequestReader.read(jakarta.json.Json
                        .createObjectBuilder().add("type", "call").add("requestId", "r-" + channel + who.principal())
                        .add("method", "open").add("snapshot", client.snapshot).build()), who);
                assertEquals(io.diffyne.protocol.ErrorType.SECURITY_ERROR, result.error(), result.json());
                assertEquals(403, result.httpStatus());
                assertTrue(result.json().contains(who.principal() == null ? "not allowed for anonymous callers"
                        : "not allowed for this user"), result.json());
                // nothing ran and nothing was issued: the same snapshot still serves an allowed action
                JsonObject look = client.send(runtime, who, "{\"type\":\"call\",\"requestId\":\"l-" + channel
                        + who.principal() + "\",\"method\":\"look\"}");
                assertEquals(true, look.getBoolean("s"), look.toString());
                assertEquals(0, client.state().getInt("opened"));
            }
        }
    }

    @Test
    void aCallerWithOneOfTheRolesRunsTheAction() {
        ClientContext owner = as("carol", Channel.WEBSOCKET, "owner");
        RuntimeHarness.Client client = mounted(owner);
        JsonObject response = client.send(runtime, owner, "{\"type\":\"call\",\"requestId\":\"o1\",\"method\":\"open\"}");
        assertEquals(true, response.getBoolean("s"), response.toString());
        assertEquals(1, client.state().getInt("opened"));
    }

    @Test
    void anEmptyRolesAllowedRefusesEveryone() {
        ClientContext admin = as("ada", Channel.AJAX, "admin", "owner", "auditor");
        RuntimeHarness.Client client = mounted(admin);
        JsonObject response = client.send(runtime, admin, "{\"type\":\"call\",\"requestId\":\"n1\",\"method\":\"never\"}");
        assertEquals("security_error", response.getString("type"), response.toString());
    }

    @Test
    void theComponentSeesTheCallersNameAndDeclaredRoles() {
        ClientContext auditor = as("dan", Channel.AJAX, "auditor");
        RuntimeHarness.Client client = mounted(auditor);
        client.send(runtime, auditor, "{\"type\":\"call\",\"requestId\":\"s1\",\"method\":\"look\"}");
        assertEquals("dan (auditor)", client.state().getString("seenBy"));

        ClientContext anonymous = new ClientContext("client-2", null, Channel.AJAX, null, Set.of("admin"));
        RuntimeHarness.Client other = mounted(anonymous);
        other.send(runtime, anonymous, "{\"type\":\"call\",\"requestId\":\"s2\",\"method\":\"look\"}");
        assertEquals("anonymous", other.state().getString("seenBy"), "an anonymous caller holds no role");
    }

    @Test
    void heldKeepsOnlyTheDeclaredRolesTheContainerConfirms() {
        assertEquals(Set.of("admin"), ClientContext.held(Set.of("admin", "owner"), Set.of("admin", "other")::contains));
    }

    @io.diffyne.component.DiffyneComponent("guarded-class")
    @RolesAllowed("admin")
    public static class GuardedClass extends io.diffyne.component.Component {
        public int n;
    }

    @io.diffyne.component.DiffyneComponent("guarded-listener")
    public static class GuardedListener extends io.diffyne.component.Component {
        public int n;

        @io.diffyne.component.On("ping")
        @RolesAllowed("admin")
        public void ping() {
            n++;
        }
    }

    @Test
    void rolesWhereTheRuntimeWouldNotCheckThemAreDefinitionErrors() {
        var onClass = assertThrows(ComponentDefinitionException.class, () -> ComponentRegistry.of(GuardedClass.class));
        assertTrue(onClass.getMessage().contains("put @RolesAllowed on each @Invokable method"), onClass.getMessage());
        var onListener = assertThrows(ComponentDefinitionException.class,
                () -> ComponentRegistry.of(GuardedListener.class));
        assertTrue(onListener.getMessage().contains("GuardedListener.ping is annotated @RolesAllowed but is not"
                + " @Invokable"), onListener.getMessage());
    }
}
