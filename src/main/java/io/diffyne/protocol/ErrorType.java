package io.diffyne.protocol;

/** The {@code type} of a failure response, with the HTTP status the AJAX transport answers it with. */
public enum ErrorType {
    VALIDATION_ERROR("validation_error", 422),
    SECURITY_ERROR("security_error", 403),
    METHOD_ERROR("method_error", 400),
    PROPERTY_ERROR("property_error", 400),
    NOT_FOUND("not_found", 404),
    BAD_REQUEST("bad_request", 400),
    SNAPSHOT_REQUIRED("snapshot_required", 409),
    /** The snapshot is older than the newest version issued for its component (a replay, or a lost answer). */
    STALE_SNAPSHOT("stale_snapshot", 409),
    RATE_LIMITED("rate_limited", 429),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    /** The action would leave the component's state over {@code DIFFYNE_MAX_STATE_SIZE}: nothing was kept. */
    STATE_TOO_LARGE("state_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    SERVER_ERROR("server_error", 500);

    private final String wireName;
    private final int httpStatus;

    ErrorType(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
