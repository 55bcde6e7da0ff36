package io.diffyne.demo;

import io.diffyne.testing.DiffyneTest;
import io.diffyne.testing.TestedComponent;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo todo list, tested with the kit: keyed items, a computed count, validation, a locked id counter. */
class TodoListTest {

    private final TestedComponent<TodoList> todos = DiffyneTest.mount(TodoList.class);

    @Test
    void mountStartsWithTwoTodos() {
        todos.assertCount("li", 2).assertText("li[diff:key=1] span", "Try the counter")
                .assertText(".footer span", "2 remaining").assertDontSee("Clear completed");
    }

    @Test
    void addingATodoIsOneCreatePatchAndClearsTheInput() {
        todos.set("newTodo", "  Buy milk  ").call("addTodo").assertOk()
                .assertCount("li", 3).assertText("li[diff:key=3] span", "Buy milk")
                .assertSet("newTodo", "").assertSet("nextId", 4).assertSee("3 remaining");
        todos.fill(java.util.Map.of("newTodo", "Walk the dog")).call("addTodo")
                .assertText("li:last-child span", "Walk the dog");
    }

    @Test
    void aBlankTodoAddsNothingAndALongOneIsAValidationError() {
        todos.set("newTodo", "   ").call("addTodo").assertOk().assertCount("li", 2);
        todos.set("newTodo", "x".repeat(201)).call("addTodo")
                .assertHasError("newTodo", "Keep it under 200 characters")
                .assertText(".error", "Keep it under 200 characters")
                .assertCount("li", 2).assertSet("newTodo", "x".repeat(201));
    }

    @Test
    void togglingAndClearingCompleted() {
        todos.call("toggleTodo", 1).assertAttribute("li[diff:key=1]", "class", "done")
                .assertPresent("li[diff:key=1] input[checked]").assertSee("1 remaining", "Clear completed")
                .call("clearCompleted").assertCount("li", 1).assertMissing("li[diff:key=1]")
                .call("removeTodo", 2).assertSee("No todos yet").assertSet("todos", List.of());
    }

    @Test
    void theIdCounterIsLocked() {
        todos.set("nextId", 1).assertSecurityError().assertSet("nextId", 3);
    }
}
