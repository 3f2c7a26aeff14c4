package io.palisade.sample.bookstore;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/** One row of the books table. */
public record Book(int id, String title, String author, int year) {

    /**
     * The JSON-P provider, looked up once: {@code Json.createXxx()} looks it up through
     * {@code ServiceLoader} on every call, which costs more than the request itself.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    JsonObject toJson() {
        return JSON.createObjectBuilder().add("id", id).add("title", title).add("author", author).add("year", year).build();
    }
}
