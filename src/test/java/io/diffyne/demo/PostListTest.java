package io.diffyne.demo;

import io.diffyne.testing.DiffyneTest;
import io.diffyne.testing.TestKit;
import io.diffyne.testing.TestedComponent;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The demo's post list with its confirmation modal and page-change logger on one page, tested with the kit: the
 * events travel between them as the browser relays them, each with the server's pass.
 */
class PostListTest {

    private final TestKit page = DiffyneTest.kit();
    private final TestedComponent<PostList> posts = page.mount(PostList.class);
    private final TestedComponent<ConfirmationModal> modal = page.mount(ConfirmationModal.class);
    private final TestedComponent<PageChangeLogger> logger = page.mount(PageChangeLogger.class);

    @Test
    void pagingShowsThreePostsAPageAndTellsTheLoggerAndTheBrowser() {
        posts.assertCount("li", 3).assertText("nav span", "Page 1 of 4").assertPresent("nav button[disabled]")
                .call("nextPage").assertText("li span", "Post number 4")
                .assertDispatched("pageChanging", Map.of("newPage", 2, "totalPages", 4))
                .assertBrowserEvent("page-navigated", Map.of("page", 2, "total", 4));
        logger.assertText("p span", "1").assertSee("Page 2", "Change #1");
        posts.call("previousPage").call("previousPage").assertSet("page", 1).assertNotDispatched("pageChanging");
        logger.assertSet("totalChanges", 2);
    }

    @Test
    void aDeleteIsConfirmedInTheModalThenDoneAndLogged() {
        posts.call("confirmDelete", 2).assertDispatched("open-confirmation-modal").assertCount("li", 3);
        modal.assertAttribute("div.modal", "class", "modal open").assertText("h3", "Delete Post")
                .assertSee("Are you sure you want to delete \"Post number 2\"?")
                .call("confirm").assertDispatched("delete-post-confirmed", Map.of("id", 2))
                .assertAttribute("div.modal", "aria-hidden", "true");
        posts.assertDontSee("Post number 2").assertSee("Post number 4")
                .assertBrowserEvent("post-deleted", Map.of("message", "Post deleted successfully!", "type", "success"));
        logger.assertSee("Data was deleted");
    }

    @Test
    void cancellingDeletesNothingAndTheConfirmationCannotBeForged() {
        posts.call("confirmDelete", 1);
        modal.call("close").assertNotDispatched("delete-post-confirmed");
        posts.assertSee("Post number 1")
                .dispatchFromBrowser("delete-post-confirmed", Map.of("id", 1)).assertSecurityError()
                .assertSee("Post number 1");
        modal.set("eventName", "delete-post-confirmed").assertSecurityError();
    }
}
