package io.palisade.core.request;

/**
 * How much of a request Palisade's request-phase rules look at. The application still receives
 * everything, and the SQL check at the JDBC hooks sees every recorded input whole; these bounds only
 * keep the rules' cost per request linear and small. What they leave out is counted and flagged on
 * the request's events ({@link Incompleteness}).
 *
 * @param maxInputs      inputs kept per request that the resource method does not receive through a
 *                       parameter (unbound extras); bound inputs are always kept
 * @param maxValueLength characters of one value that request-phase rules inspect
 * @param maxJsonDepth   nesting depth below which leaves of an unbound JSON body are not collected
 * @param maxBodyBytes   bytes of a JSON body parsed before the resource method runs (for the rules);
 *                       a bound body is parsed whole, as the application reads it, for the SQL check
 * @param maxBodyCopy    bytes of a bound JSON body kept beyond {@code maxBodyBytes}, as the application
 *                       reads them, so that the SQL check sees its leaves
 */
public record RequestLimits(int maxInputs, int maxValueLength, int maxJsonDepth, int maxBodyBytes, int maxBodyCopy) {

    public static final RequestLimits DEFAULT = new RequestLimits(256, 4096, 32, 64 * 1024, 16 * 1024 * 1024);

    public RequestLimits {
        if (maxInputs < 1 || maxValueLength < 16 || maxJsonDepth < 1 || maxBodyBytes < 1024 || maxBodyCopy < 0) {
            throw new IllegalArgumentException("request limits too small: " + maxInputs + " inputs, " + maxValueLength
                    + " characters, depth " + maxJsonDepth + ", " + maxBodyBytes + " body bytes, " + maxBodyCopy
                    + " copied body bytes");
        }
    }
}
