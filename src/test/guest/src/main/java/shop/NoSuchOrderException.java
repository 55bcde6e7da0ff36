package shop;

public class NoSuchOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchOrderException(String id) {
        super(id);
    }
}
