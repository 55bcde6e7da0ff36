package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;

import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A keyed todo list: adding an item is one create patch, removing one a remove patch. */
@DiffyneComponent("todo-list")
public class TodoList extends Component {

    public List<Todo> todos = new ArrayList<>();

    @Size(max = 200, message = "Keep it under 200 characters")
    public String newTodo = "";

    @Locked
    public long nextId = 1;

    @Override
    protected void mount(Map<String, Object> params) {
        add("Try the counter");
        add("Open the chat in two windows");
    }

    @Invokable
    public void addTodo() {
        validate("newTodo");
        if (newTodo == null || newTodo.isBlank()) {
            return;
        }
        add(newTodo.strip());
        newTodo = "";
    }

    @Invokable
    public void toggleTodo(long id) {
        todos.replaceAll(t -> t.id() == id ? t.toggled() : t);
    }

    @Invokable
    public void removeTodo(long id) {
        todos.removeIf(t -> t.id() == id);
    }

    @Invokable
    public void clearCompleted() {
        todos.removeIf(Todo::completed);
    }

    @Computed
    public long getRemaining() {
        return todos.stream().filter(t -> !t.completed()).count();
    }

    @Computed
    public boolean getAnyCompleted() {
        return todos.stream().anyMatch(Todo::completed);
    }

    private void add(String text) {
        todos.add(new Todo(nextId++, text, false));
    }
}
