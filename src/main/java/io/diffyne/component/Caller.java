package io.diffyne.component;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who the current request acts for: the container-authenticated user's name and the roles they hold, as
 * {@link Component#caller()} returns it. Roles are those the application declares — in
 * {@code @RolesAllowed} on {@code @Invokable} methods and in {@code @DeclareRoles} on component classes — that the user
 * held when the request arrived (over WebSocket: at the upgrade; over AJAX and on a page: on that request); a role
 * declared nowhere is never held. An anonymous caller has no name and no roles.
 */
public final class Caller {

    private static final Caller ANONYMOUS = new Caller(null, Set.of());

    private final String name;
    private final Set<String> roles;

    private Caller(String name, Set<String> roles) {
        this.name = name;
        this.roles = roles;
    }

    /** Nobody signed in. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** {@code name} holding {@code roles}; anonymous (and role-less) when {@code name} is null. */
    public static Caller of(String name, Set<String> roles) {
        return name == null ? ANONYMOUS : new Caller(name, Set.copyOf(Objects.requireNonNull(roles, "roles")));
    }

    /** The user's name ({@code Principal.getName()}), empty when anonymous. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Whether a user is signed in. */
    public boolean authenticated() {
        return name != null;
    }

    /** Whether the user holds {@code role} (always false when anonymous, or for a role the application never declared). */
    public boolean isInRole(String role) {
        return role != null && roles.contains(role);
    }

    /** The declared roles the user holds. */
    public Set<String> roles() {
        return roles;
    }

    @Override
    public String toString() {
        return name == null ? "Caller[anonymous]" : "Caller[" + name + ", roles=" + roles + "]";
    }
}
