package io.diffyne.docs;

import io.diffyne.config.DiffyneSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages the main sources can print, read from the Java text: every statement's string literals joined as the
 * {@code +} concatenation joins them, a setting-name constant of {@link DiffyneSettings} replaced by its value and
 * any other expression by {@link #GAP}; with the level and logger of the {@code LOG} call the statement makes, if it
 * makes one. A message is found by a pattern in which {@code …} stands for any part, as the README quotes it.
 */
final class SourceMessages {

    /** Stands for an expression's value inside a template. */
    static final char GAP = '\u0000';

    /** One statement's message, where it is, and how it is logged (level and logger null if it is not). */
    record Message(String template, String file, String level, String logger) {
        String printable() {
            return template.replace(GAP, '…');
        }
    }

    private static final Pattern CONSTANT_BETWEEN = Pattern.compile("\\s*\\+\\s*(?:DiffyneSettings\\.)?([A-Z][A-Z0-9_]*)\\s*\\+\\s*");
    private static final Pattern CONSTANT_BEFORE = Pattern.compile("(?:DiffyneSettings\\.)?\\b([A-Z][A-Z0-9_]*)\\s*\\+\\s*$");
    private static final Pattern CONSTANT_AFTER = Pattern.compile("^\\s*\\+\\s*(?:DiffyneSettings\\.)?([A-Z][A-Z0-9_]*)\\b(?!\\s*[.(])");
    private static final Pattern LOG_CALL = Pattern.compile(
            "(?:\\b(\\w+)\\.)?\\bLOG\\s*\\.\\s*(?:(info|warning|severe|fine|finer|finest|config)\\s*\\(|log\\s*\\(\\s*Level\\.(\\w+))");
    private static final Pattern GET_LOGGER = Pattern.compile("Logger\\.getLogger\\(\\s*\"([^\"]+)\"\\s*\\)");

    private final List<Message> messages;

    private SourceMessages(List<Message> messages) {
        this.messages = messages;
    }

    /** Reads every {@code .java} file under {@code root}. */
    static SourceMessages of(Path root) {
        Map<String, String> settings = settingNames();
        Map<String, String> texts = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                texts.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> loggers = new HashMap<>();
        texts.forEach((file, text) -> {
            Matcher m = GET_LOGGER.matcher(text);
            if (m.find()) {
                loggers.put(simpleName(file), m.group(1));
            }
        });
        List<Message> messages = new ArrayList<>();
        texts.forEach((file, text) -> {
            for (List<Object> statement : statements(tokens(text))) {
                String template = template(statement, settings);
                if (template.isEmpty()) {
                    continue;
                }
                StringBuilder code = new StringBuilder();
                statement.stream().filter(String.class::isInstance).forEach(code::append);
                Matcher call = LOG_CALL.matcher(code);
                String level = null;
                String logger = null;
                if (call.find()) {
                    level = (call.group(2) != null ? call.group(2) : call.group(3)).toUpperCase(java.util.Locale.ROOT);
                    logger = loggers.get(call.group(1) != null ? call.group(1) : simpleName(file));
                }
                messages.add(new Message(template, file, level, logger));
            }
        });
        return new SourceMessages(List.copyOf(messages));
    }

    /** The messages {@code quote} matches, {@code …} in it standing for any text. */
    List<Message> matching(String quote) {
        Pattern pattern = pattern(quote);
        return messages.stream().filter(m -> pattern.matcher(m.template()).find()).toList();
    }

    List<Message> all() {
        return messages;
    }

    static Pattern pattern(String quote) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = quote.split("…", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            if (!pieces[i].isEmpty()) {
                regex.append(Pattern.quote(pieces[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String simpleName(String file) {
        String name = Path.of(file).getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    private static Map<String, String> settingNames() {
        Map<String, String> names = new HashMap<>();
        for (Field field : DiffyneSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /**
     * The text as code (String) and string literals (a {@link Literal}), comments and text blocks dropped (a text
     * block counts as an expression), char literals kept as code.
     */
    private static List<Object> tokens(String text) {
        List<Object> tokens = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append(" textBlock ");
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n && text.charAt(j) != c) {
                    if (text.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                        char e = text.charAt(j);
                        value.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        value.append(text.charAt(j));
                    }
                    j++;
                }
                i = j + 1;
                if (c == '"') {
                    tokens.add(code.toString());
                    code.setLength(0);
                    tokens.add(new Literal(value.toString()));
                } else {
                    code.append("'c'");
                }
            } else {
                code.append(c);
                i++;
            }
        }
        tokens.add(code.toString());
        return tokens;
    }

    private record Literal(String value) {
    }

    /** Splits the tokens into statements at {@code ;}, <code>{</code> and <code>}</code> in code. */
    private static List<List<Object>> statements(List<Object> tokens) {
        List<List<Object>> statements = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object token : tokens) {
            if (token instanceof Literal) {
                current.add(token);
                continue;
            }
            String code = (String) token;
            int start = 0;
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == ';' || c == '{' || c == '}') {
                    current.add(code.substring(start, i));
                    statements.add(current);
                    current = new ArrayList<>();
                    start = i + 1;
                }
            }
            current.add(code.substring(start));
        }
        statements.add(current);
        return statements;
    }

    /** The statement's literals joined: {@code +} joins, a setting constant is its value, anything else a gap. */
    private static String template(List<Object> statement, Map<String, String> settings) {
        StringBuilder template = new StringBuilder();
        int first = -1;
        int last = -1;
        for (int i = 0; i < statement.size(); i++) {
            if (statement.get(i) instanceof Literal) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return "";
        }
        Matcher before = CONSTANT_BEFORE.matcher((String) statement.get(first - 1));
        if (before.find() && settings.containsKey(before.group(1))) {
            template.append(settings.get(before.group(1)));
        }
        for (int i = first; i <= last; i++) {
            Object token = statement.get(i);
            if (token instanceof Literal literal) {
                template.append(literal.value());
                continue;
            }
            String gap = (String) token;
            if (gap.isBlank() && i > first && i < last) {
                // two literals side by side: not Java, but harmless
                continue;
            }
            if (gap.strip().equals("+")) {
                continue;
            }
            Matcher constant = CONSTANT_BETWEEN.matcher(gap);
            if (constant.matches() && settings.containsKey(constant.group(1))) {
                template.append(settings.get(constant.group(1)));
            } else {
                template.append(GAP);
            }
        }
        if (last + 1 < statement.size()) {
            Matcher after = CONSTANT_AFTER.matcher((String) statement.get(last + 1));
            if (after.find() && settings.containsKey(after.group(1))) {
                template.append(settings.get(after.group(1)));
            }
        }
        return template.toString();
    }
}
