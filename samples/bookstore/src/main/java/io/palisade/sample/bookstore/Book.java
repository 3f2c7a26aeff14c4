package io.palisade.sample.bookstore;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One row of the books table. */
public record Book(int id, String title, String author, int year) {

    JsonObject toJson() {
        return Json.createObjectBuilder().add("id", id).add("title", title).add("author", author).add("year", year).build();
    }
}
