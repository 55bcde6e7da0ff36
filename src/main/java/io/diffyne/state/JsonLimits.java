package io.diffyne.state;

/**
 * Bounds for parsing JSON from the network. Defaults: depth 64, strings of 1 MiB characters, input of 4 MiB
 * characters, numbers of 1,100 characters (a number's scale is separately capped at ±1000).
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxInputLength, int maxNumberLength) {

    public static final JsonLimits DEFAULT = new JsonLimits(64, 1 << 20, 4 << 20, 1100);

    public JsonLimits {
        if (maxDepth < 1 || maxStringLength < 0 || maxInputLength < 0 || maxNumberLength < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
