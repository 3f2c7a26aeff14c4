package io.palisade.core.rules;

import io.palisade.core.request.RequestInput;

/**
 * A false positive switched off: one rule does not look at one input on one route (an exact path, or
 * a prefix written with a trailing {@code *}). Immutable.
 *
 * @param rule the id of a request rule
 * @param input the input it stops looking at: a source and a name ({@code json:bio}), a whole source
 *              ({@code query}), or {@code uri}
 * @param path where: a path below the application, exact or a prefix ending in {@code *}
 */
public record Exclusion(String rule, InputSelector input, String path) {

    /** Whether it applies to requests for {@code requestPath}. */
    boolean appliesTo(String requestPath) {
        return RuleSet.pathMatches(path, requestPath);
    }

    boolean excludes(RequestInput value) {
        return input.selects(value);
    }

    boolean excludesUri() {
        return input.kind() == InputSelector.Kind.URI;
    }
}
