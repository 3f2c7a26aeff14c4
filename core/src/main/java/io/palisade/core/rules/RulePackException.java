package io.palisade.core.rules;

/**
 * A rule pack was rejected as a whole. The message names the pack's origin, the rule (by id or
 * position) and the problem; it never quotes request data.
 */
public final class RulePackException extends Exception {

    private static final long serialVersionUID = 1L;

    public RulePackException(String message) {
        super(message);
    }
}
