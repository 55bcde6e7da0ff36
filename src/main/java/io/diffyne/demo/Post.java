package io.diffyne.demo;

/** A blog post in the demo list. JSON: {@code {"id":5,"title":"Keyed diffs"}} */
public record Post(int id, String title) {
}
