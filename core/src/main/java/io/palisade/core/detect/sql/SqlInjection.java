package io.palisade.core.detect.sql;

import io.palisade.core.request.RequestInput;

/**
 * A request input that changed the structure of a SQL statement.
 *
 * @param input  the input, as the request carried it
 * @param start  where its occurrence starts in the statement
 * @param end    where it ends (exclusive)
 * @param reason what it did to the statement, in words: "ends a string", "opens a comment", ...
 */
public record SqlInjection(RequestInput input, int start, int end, String reason) {
}
