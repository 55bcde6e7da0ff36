package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.QueryString;

import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Search as you type ({@code diff:model.live.debounce.300ms}), mirrored in the URL as {@code ?q=}. */
@DiffyneComponent("live-search")
public class LiveSearch extends Component {

    private static final int LIMIT = 10;

    @QueryString(as = "q", history = false)
    public String search = "";

    public List<Person> results = new ArrayList<>();

    @Inject
    PeopleDirectory directory;

    @Override
    protected void mount(Map<String, Object> params) {
        results = directory.search(search, LIMIT);
    }

    @Override
    protected void updated(String property) {
        if (property.equals("search")) {
            results = directory.search(search, LIMIT);
        }
    }

    @Invokable
    public void clearSearch() {
        search = "";
        results = directory.search("", LIMIT);
    }
}
