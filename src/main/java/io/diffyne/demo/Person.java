package io.diffyne.demo;

/** A directory entry for the live search. JSON: {@code {"email":"ada@example.com","id":1,"name":"Ada Lovelace"}} */
public record Person(int id, String name, String email) {
}
