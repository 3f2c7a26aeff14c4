package io.palisade.reporter;

import io.palisade.core.event.SecurityEvent;
import io.palisade.core.request.Detection;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import java.time.Instant;

/** Events of request records as the JAX-RS filter and the SQL-injection protection leave them. */
final class Records {

    static final String HOOK = "jdbc:java.sql.Statement#executeQuery(java.lang.String)";

    private Records() {
    }

    /** A blocked SQL injection through query parameter {@code q}. */
    static SecurityEvent sqlInjection(String id, String payload) {
        RequestRecord record = new RequestRecord(id, "GET", "/api/books/search", "203.0.113.9", RequestLimits.DEFAULT);
        record.addInput(InputSource.QUERY, "q", payload);
        record.addInput(InputSource.HEADER, "Accept", "application/json");
        record.resource("jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)");
        RequestInput input = record.inputs().get(0);
        record.addDetection(new Detection("sqli-structure", "sql_injection", HOOK, input, "input closes a string literal",
                "SELECT id, title FROM books WHERE title LIKE '%" + payload + "%'", true, Instant.now()));
        record.close();
        return SecurityEvent.of(record);
    }
}
