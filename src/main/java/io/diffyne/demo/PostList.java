package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;
import io.diffyne.component.On;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paged posts with a confirmed delete: asks the confirmation modal through a page event, deletes on the modal's
 * answer, and tells the page-change logger what happened.
 */
@DiffyneComponent("post-list")
public class PostList extends Component {

    static final int PER_PAGE = 3;

    @Locked
    public List<Post> posts = new ArrayList<>();

    public int page = 1;

    @Override
    protected void mount(Map<String, Object> params) {
        for (int i = 1; i <= 10; i++) {
            posts.add(new Post(i, "Post number " + i));
        }
    }

    @io.diffyne.component.Computed
    public List<Post> getVisible() {
        // page is client-writable: a page below 1 (the fuzzer sent -61) shows the first one instead of failing
        int from = Math.min((Math.max(page, 1) - 1) * PER_PAGE, posts.size());
        return posts.subList(from, Math.min(from + PER_PAGE, posts.size()));
    }

    @io.diffyne.component.Computed
    public int getTotalPages() {
        return Math.max(1, (posts.size() + PER_PAGE - 1) / PER_PAGE);
    }

    @Invokable
    public void nextPage() {
        goTo(page + 1);
    }

    @Invokable
    public void previousPage() {
        goTo(page - 1);
    }

    @Invokable
    public void confirmDelete(int id) {
        posts.stream().filter(p -> p.id() == id).findFirst().ifPresent(post -> dispatch("open-confirmation-modal",
                Map.of("title", "Delete Post",
                        "message", "Are you sure you want to delete \"" + post.title() + "\"? This action cannot be undone.",
                        "confirmText", "Delete",
                        "cancelText", "Cancel",
                        "eventName", "delete-post-confirmed",
                        "eventData", Map.of("id", id))));
    }

    @On("delete-post-confirmed")
    public void deletePost(Map<String, Object> data) {
        Object id = data == null ? null : data.get("id");
        if (!(id instanceof Number number)) {
            return;
        }
        if (posts.removeIf(p -> p.id() == number.intValue())) {
            page = Math.min(page, getTotalPages());
            dispatch("post-deleted", Map.of("id", number.intValue()));
            dispatchBrowserEvent("post-deleted", Map.of("message", "Post deleted successfully!", "type", "success"));
        }
    }

    private void goTo(int target) {
        if (target < 1 || target > getTotalPages() || target == page) {
            return;
        }
        page = target;
        dispatch("pageChanging", Map.of("newPage", page, "totalPages", getTotalPages()));
        dispatchBrowserEvent("page-navigated", Map.of("page", page, "total", getTotalPages()));
    }
}
