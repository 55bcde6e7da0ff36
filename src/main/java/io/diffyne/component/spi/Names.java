package io.diffyne.component.spi;

import java.util.regex.Pattern;

/**
 * The one definition of which component, template, event and channel names are acceptable. Names travel in markup
 * and requests and become class-path resource paths, so the rules are strict: no {@code ..}, no leading {@code /},
 * no whitespace, bounded length.
 */
public final class Names {

    /** Longest accepted name of any kind. */
    public static final int MAX_LENGTH = 100;

    private static final String SEGMENT = "[a-z0-9]+(?:[-.][a-z0-9]+)*";
    private static final Pattern COMPONENT = Pattern.compile(SEGMENT + "(?:/" + SEGMENT + ")*");
    private static final String TEMPLATE_SEGMENT = "[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*";
    private static final Pattern TEMPLATE = Pattern.compile(TEMPLATE_SEGMENT + "(?:/" + TEMPLATE_SEGMENT + ")*");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]*");

    private Names() {
    }

    /** {@code counter}, {@code user-form}, {@code admin/users.list}: lower-case letters and digits, joined by - . / */
    public static boolean isComponentName(String name) {
        return name != null && name.length() <= MAX_LENGTH && COMPONENT.matcher(name).matches();
    }

    /** Like a component name, also allowing upper case and '_' ({@code forms/User_Form}). */
    public static boolean isTemplateName(String name) {
        return name != null && name.length() <= MAX_LENGTH && TEMPLATE.matcher(name).matches();
    }

    /** Event and browser-event names: {@code message-sent}, {@code pageChanging}, {@code cart:updated}. */
    public static boolean isEventName(String name) {
        return name != null && name.length() <= MAX_LENGTH && EVENT.matcher(name).matches();
    }

    /** Broadcast channels follow the event-name rule: {@code chat.general}, {@code room/42}. */
    public static boolean isChannelName(String name) {
        return isEventName(name);
    }

    /** A name fit to quote in an error message: at most 64 characters, control characters replaced by '?'. */
    public static String quote(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        String cut = untrusted.length() > 64 ? untrusted.substring(0, 64) + "…" : untrusted;
        StringBuilder out = new StringBuilder(cut.length() + 2).append('\'');
        cut.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.append('\'').toString();
    }
}
