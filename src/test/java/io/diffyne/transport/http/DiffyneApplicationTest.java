package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.DiffyneEndpoint;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The guest rules, over every class the framework jar holds (the compiled classes less the demo, the test kit and the
 * benchmarks): nothing a host's scanning Jakarta REST application would pick up as a provider, and every resource
 * published by Diffyne's application and kept to it.
 */
class DiffyneApplicationTest {

    private static List<Class<?>> frameworkClasses() throws IOException, URISyntaxException {
        java.nio.file.Path root = java.nio.file.Path.of(DiffyneApplication.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/diffyne"))) {
            return files.map(root::relativize).map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .filter(name -> !name.matches("io/diffyne/(demo|testing|bench)/.*"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(DiffyneApplicationTest::load)
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DiffyneApplicationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noFrameworkClassIsAProviderByAnnotation() throws Exception {
        List<Class<?>> scanned = frameworkClasses();
        assertTrue(scanned.size() > 100, "the framework's classes were found: " + scanned.size());
        assertEquals(List.of(), scanned.stream().filter(c -> c.isAnnotationPresent(Provider.class)).toList(),
                "a host application with an empty class list would pick these up");
    }

    @Test
    void everyResourceIsListedAndKeptToDiffynesApplication() throws Exception {
        Set<Class<?>> resources = frameworkClasses().stream().filter(c -> c.isAnnotationPresent(Path.class))
                .collect(Collectors.toSet());
        assertEquals(9, resources.size(), resources.toString());
        for (Class<?> resource : resources) {
            assertTrue(DiffyneApplication.CLASSES.contains(resource), resource + " is not in getClasses()");
            assertTrue(resource.isAnnotationPresent(DiffyneEndpoint.class), resource + " lacks @DiffyneEndpoint");
        }
    }

    @Test
    void theApplicationListsItsFiltersAndMapperAndNothingElse() {
        Set<Class<?>> providers = DiffyneApplication.CLASSES.stream().filter(c -> !c.isAnnotationPresent(Path.class))
                .collect(Collectors.toSet());
        assertEquals(Set.of(OriginGuard.class, RateLimitFilter.class, FailureMapper.class), providers);
        assertTrue(ContainerRequestFilter.class.isAssignableFrom(OriginGuard.class)
                && ContainerResponseFilter.class.isAssignableFrom(OriginGuard.class)
                && ContainerRequestFilter.class.isAssignableFrom(RateLimitFilter.class)
                && ExceptionMapper.class.isAssignableFrom(FailureMapper.class));
        assertEquals(DiffyneEndpoint.PATH, DiffyneApplication.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class)
                .value());
    }
}
