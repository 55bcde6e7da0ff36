package io.diffyne.state;

/**
 * Bounds for parsing JSON from the network; a document beyond any of them is refused as a whole.
 *
 * @param maxDepth        nested objects and arrays; 64 is far beyond any component state or request, and keeps
 *                        hostile {@code [[[[…} from costing a deep stack
 * @param maxStringLength characters of one string or object key (1 MiB: a large text field; files go through upload)
 * @param maxInputLength  characters of the whole document (64 MiB, the largest {@code DIFFYNE_WS_MAX_MESSAGE_SIZE}:
 *                        the transports refuse bigger bodies, 413 or close 1009, before the text even exists)
 * @param maxNumberLength characters of one number (1,100, as Parsson's own default: converting and comparing longer
 *                        ones costs superlinear time); a number's scale is separately capped at
 *                        ±{@value CanonicalJson#MAX_SCALE}
 * @param maxMembers      members of one object or elements of one array (10,000: a list that long belongs in a
 *                        database and a paginated view, not in signed state sent with every request)
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxInputLength, int maxNumberLength, int maxMembers) {

    public static final JsonLimits DEFAULT = new JsonLimits(64, 1 << 20, 64 << 20, 1100, 10_000);

    public JsonLimits {
        if (maxDepth < 1 || maxStringLength < 0 || maxInputLength < 0 || maxNumberLength < 1 || maxMembers < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
