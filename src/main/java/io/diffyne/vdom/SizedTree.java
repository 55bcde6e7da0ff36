package io.diffyne.vdom;

/**
 * A parsed tree with an estimate of the heap it holds, counted while it was built ({@link HtmlParser#parseSized}),
 * so caches can be bounded in bytes without walking the tree again. The estimate follows the layout of a 64-bit
 * HotSpot JVM with compressed references and compact strings and errs high: measured on shapes from text-heavy to
 * attribute-dense ({@code TreeHeapTest}), the real heap is 0.6 to 1 times it.
 *
 * @param root      the tree
 * @param heapBytes estimated bytes of heap retained by {@code root} and everything it references
 */
public record SizedTree(VElement root, long heapBytes) {
}
