package io.diffyne.component;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pagination as a state field: JSON holds exactly its three components and reads back equal. */
class PaginationJsonTest {

    @Test
    void roundTripsThroughJsonb() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(new Pagination(2, 10, 45));
            assertEquals("{\"page\":2,\"perPage\":10,\"total\":45}", json);
            assertEquals(new Pagination(2, 10, 45), jsonb.fromJson(json, Pagination.class));
        }
    }
}
