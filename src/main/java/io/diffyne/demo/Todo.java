package io.diffyne.demo;

/** One todo item. JSON: {@code {"completed":false,"id":3,"text":"Milk"}} */
public record Todo(long id, String text, boolean completed) {

    Todo toggled() {
        return new Todo(id, text, !completed);
    }
}
