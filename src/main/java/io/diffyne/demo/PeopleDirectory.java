package io.diffyne.demo;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An in-memory directory the live search queries; an application would use its database here. */
@ApplicationScoped
public class PeopleDirectory {

    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "John", "Margaret",
        "Ken", "Dennis", "Frances", "Niklaus", "Leslie", "Tony", "Radia", "Katherine", "Linus", "Guido", "James", "Joan"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "McCarthy",
        "Hamilton", "Thompson", "Ritchie", "Allen", "Wirth", "Lamport", "Hoare", "Perlman", "Johnson"};

    private final List<Person> people = new ArrayList<>();

    public PeopleDirectory() {
        int id = 1;
        for (int i = 0; i < FIRST.length; i++) {
            String first = FIRST[i];
            String last = LAST[i % LAST.length];
            people.add(new Person(id++, first + " " + last,
                    (first + "." + last).toLowerCase(Locale.ROOT) + "@example.com"));
        }
    }

    /** People whose name or email contains {@code text} (case-insensitive), at most {@code limit}. */
    public List<Person> search(String text, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return people.stream()
                .filter(p -> needle.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(needle)
                        || p.email().contains(needle))
                .limit(limit)
                .toList();
    }
}
