package io.diffyne.component;

/**
 * Where a paged list stands, usable as a state field and in templates. Pages are 1-based.
 * <pre>{@code
 * public Pagination pages = Pagination.of(10);                 // state: {"page":1,"perPage":10,"total":0}
 * @Invokable public void next() { pages = pages.next(); load(); }
 * void load() { rows = repo.find(pages.offset(), pages.perPage()); pages = pages.withTotal(repo.count()); }
 * }</pre>
 * In a template: {@code {{ pages.firstItem }}–{{ pages.lastItem }} of {{ pages.total }}},
 * {@code {% if pages.hasMore %}…{% endif %}}.
 *
 * @param page    current page, at least 1 (smaller values are read as 1)
 * @param perPage items per page, 1 to {@value #MAX_PER_PAGE}
 * @param total   number of items in the whole list, at least 0
 */
public record Pagination(int page, int perPage, long total) {

    /** Upper bound of {@link #perPage()}, so a crafted value cannot ask for a whole table at once. */
    public static final int MAX_PER_PAGE = 1000;

    public Pagination {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be between 1 and " + MAX_PER_PAGE + ", was " + perPage);
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, was " + total);
        }
        page = Math.max(1, page);
    }

    /** Page 1 of an empty list. */
    public static Pagination of(int perPage) {
        return new Pagination(1, perPage, 0);
    }

    /** Index of the first item of this page, for a query's {@code OFFSET}. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }

    /** The last page number; 1 for an empty list. */
    public int lastPage() {
        long pages = (total + perPage - 1) / perPage;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, pages));
    }

    /** Whether a page follows this one. */
    public boolean hasMore() {
        return page < lastPage();
    }

    /** Whether a page precedes this one. */
    public boolean hasPrevious() {
        return page > 1;
    }

    /** 1-based number of this page's first item; 0 when the page is empty. */
    public long firstItem() {
        return offset() < total ? offset() + 1 : 0;
    }

    /** 1-based number of this page's last item; 0 when the page is empty. */
    public long lastItem() {
        return offset() < total ? Math.min(total, offset() + perPage) : 0;
    }

    /** The given page, clamped to 1..{@link #lastPage()}. */
    public Pagination goTo(int target) {
        return new Pagination(Math.min(Math.max(1, target), lastPage()), perPage, total);
    }

    /** The next page, or this one when it is the last. */
    public Pagination next() {
        return goTo(page + 1);
    }

    /** The previous page, or page 1. */
    public Pagination previous() {
        return goTo(page - 1);
    }

    /** The same page with a new total, moved back to the last page if the list shrank below it. */
    public Pagination withTotal(long newTotal) {
        return new Pagination(page, perPage, newTotal).goTo(page);
    }

    /** A new page size, starting again at page 1. */
    public Pagination withPerPage(int newPerPage) {
        return new Pagination(1, newPerPage, total);
    }
}
