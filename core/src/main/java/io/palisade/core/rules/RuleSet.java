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
            if (allowed.endsWith("*") ? path.startsWith(allowed.substring(0, allowed.length() - 1)) : path.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return requestRules.size() + jdbcRules.size() + responseRules.size();
    }
}
