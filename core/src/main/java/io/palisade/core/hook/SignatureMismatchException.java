package io.palisade.core.hook;

/**
 * A callback declares parameter types that the hooked method does not have. Thrown at attach time,
 * never on a call.
 */
public final class SignatureMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    SignatureMismatchException(String message) {
        super(message);
    }
}
