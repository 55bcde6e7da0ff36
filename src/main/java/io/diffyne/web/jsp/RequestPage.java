package io.diffyne.web.jsp;

import io.diffyne.web.DiffynePage;

import jakarta.enterprise.inject.spi.CDI;

/** The request's page API for tag handlers, which the JSP container builds itself (injection there is optional). */
final class RequestPage {

    private RequestPage() {
    }

    static DiffynePage get() {
        return CDI.current().select(DiffynePage.class).get();
    }
}
