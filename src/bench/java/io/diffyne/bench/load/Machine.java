package io.diffyne.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: CPU model, cores, memory, OS, JDK. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cpu", firstValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        out.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        out.put("memory", firstValue("/proc/meminfo", "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB RAM")
                .orElse("unknown RAM"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        out.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return out;
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
