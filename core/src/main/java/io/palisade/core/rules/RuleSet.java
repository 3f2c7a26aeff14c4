package io.palisade.core.rules;

import io.palisade.core.net.IpRanges;
import java.util.List;

/**
 * A validated, compiled pack: what one atomic swap installs. Immutable.
 *
 * @param version the pack's own version string, for logs and events
 * @param origin where it came from: {@code built-in}, a file, a URL, {@code backend}
 * @param requestRules request-phase rules by ascending priority (then id)
 * @param jdbcRules rules that switch on protections at the JDBC hook points
 * @param responseRules rules that look at HTML responses before they are written (reflected XSS)
 * @param pathAllowlist paths that skip protection: exact, or prefixes when written with a trailing {@code *}
 */
public record RuleSet(String version, String origin, List<Rule> requestRules, List<Rule> jdbcRules, IpRanges ipDenylist,
        IpRanges ipAllowlist, List<String> pathAllowlist, List<Rule> responseRules) {

    public RuleSet {
        requestRules = List.copyOf(requestRules);
        jdbcRules = List.copyOf(jdbcRules);
        pathAllowlist = List.copyOf(pathAllowlist);
        responseRules = List.copyOf(responseRules);
    }

    public RuleSet(String version, String origin, List<Rule> requestRules, List<Rule> jdbcRules, IpRanges ipDenylist,
            IpRanges ipAllowlist, List<String> pathAllowlist) {
        this(version, origin, requestRules, jdbcRules, ipDenylist, ipAllowlist, pathAllowlist, List.of());
    }

    /** Whether requests for {@code path} skip protection. */
    public boolean pathAllowed(String path) {
        for (String allowed : pathAllowlist) {
            if (pathMatches(allowed, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code path} is what {@code pattern} names: the same path, or, for a pattern ending in
     * {@code *}, a path starting with what comes before it. (Path allowlists and exclusions.)
     */
    static boolean pathMatches(String pattern, String path) {
        return pattern.endsWith("*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern);
    }

    /** Whether {@code pattern} is a valid path pattern: starts with {@code /}, and a {@code *} only at its end. */
    static boolean isPathPattern(String pattern) {
        return pattern != null && pattern.startsWith("/")
                && (pattern.indexOf('*') < 0 || pattern.indexOf('*') == pattern.length() - 1);
    }

    public int size() {
        return requestRules.size() + jdbcRules.size() + responseRules.size();
    }
}
