package io.palisade.core.request;

/**
 * How much of a request Palisade looks at. Beyond these bounds inputs are cut or left out (and the
 * record says so); the application still receives everything.
 *
 * @param maxInputs      inputs kept per request, all sources together
 * @param maxValueLength characters kept per input value
 * @param maxJsonDepth   nesting depth of a JSON body below which leaves are not collected
 * @param maxBodyBytes   bytes of a form or JSON body read for inspection
 */
public record RequestLimits(int maxInputs, int maxValueLength, int maxJsonDepth, int maxBodyBytes) {

    public static final RequestLimits DEFAULT = new RequestLimits(256, 4096, 32, 64 * 1024);

    public RequestLimits {
        if (maxInputs < 1 || maxValueLength < 16 || maxJsonDepth < 1 || maxBodyBytes < 1024) {
            throw new IllegalArgumentException("request limits too small: " + maxInputs + " inputs, " + maxValueLength
                    + " characters, depth " + maxJsonDepth + ", " + maxBodyBytes + " body bytes");
        }
    }
}
