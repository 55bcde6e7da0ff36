package io.diffyne.vdom;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * The case browsers give SVG and MathML names. An HTML5 tokenizer lower-cases every name, then tree construction
 * restores the mixed case SVG needs ({@code viewBox}, {@code linearGradient}) from fixed tables in the HTML
 * standard ("adjust SVG attributes", "adjust MathML attributes", the SVG tag-name table). jsoup keeps the source
 * case of foreign names instead, so {@code <svg VIEWBOX>} or {@code <lineargradient>} would not match the DOM.
 */
final class ForeignNames {

    private static final Map<String, String> SVG_TAGS = byLowerCase("altGlyph", "altGlyphDef", "altGlyphItem",
            "animateColor", "animateMotion", "animateTransform", "clipPath", "feBlend", "feColorMatrix",
            "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
            "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
            "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
            "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "foreignObject", "glyphRef",
            "linearGradient", "radialGradient", "textPath");

    private static final Map<String, String> SVG_ATTRIBUTES = byLowerCase("attributeName", "attributeType",
            "baseFrequency", "baseProfile", "calcMode", "clipPathUnits", "diffuseConstant", "edgeMode",
            "filterUnits", "glyphRef", "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength",
            "keyPoints", "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight",
            "markerUnits", "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength",
            "patternContentUnits", "patternTransform", "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ",
            "preserveAlpha", "preserveAspectRatio", "primitiveUnits", "refX", "refY", "repeatCount", "repeatDur",
            "requiredExtensions", "requiredFeatures", "specularConstant", "specularExponent", "spreadMethod",
            "startOffset", "stdDeviation", "stitchTiles", "surfaceScale", "systemLanguage", "tableValues",
            "targetX", "targetY", "textLength", "viewBox", "viewTarget", "xChannelSelector", "yChannelSelector",
            "zoomAndPan");

    private ForeignNames() {
    }

    /** True when names in {@code namespace} need adjusting (anything but HTML). */
    static boolean isForeign(String namespace) {
        return Parser.NamespaceSvg.equals(namespace) || Parser.NamespaceMathml.equals(namespace);
    }

    static String tag(String namespace, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Parser.NamespaceSvg.equals(namespace) ? SVG_TAGS.getOrDefault(lower, lower) : lower;
    }

    static String attribute(String namespace, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (Parser.NamespaceSvg.equals(namespace)) {
            return SVG_ATTRIBUTES.getOrDefault(lower, lower);
        }
        return lower.equals("definitionurl") ? "definitionURL" : lower;
    }

    private static Map<String, String> byLowerCase(String... names) {
        Map<String, String> map = new HashMap<>();
        for (String name : names) {
            map.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(map);
    }
}
