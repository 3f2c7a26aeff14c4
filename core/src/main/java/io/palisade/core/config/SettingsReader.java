package io.palisade.core.config;

import io.palisade.core.log.CoreMessages;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and validates {@link Settings} from a key lookup. Every value is checked here, once, at
 * deployment; a bad one throws {@link InvalidSettingException} naming the key, the value and what
 * is allowed.
 */
public final class SettingsReader {

    /** Names of parameters, headers and cookies whose values are secrets. */
    public static final String DEFAULT_SCRUB_KEY_PATTERN = "(?i)(passw(or)?d|passphrase|secret|token"
            + "|api[-_.]?key|access[-_.]?key|authori[sz]ation|bearer|session|cookie|jwt|phpsessid|connect\\.sid"
            + "|private[-_.]?key|credential|signature|card[-_.]?(number|num|no)|^cc[-_.]?num"
            // short names only as a whole name, or the last step of a JSON key path (user.pin, items[0].pass)
            + "|(^|[.\\]])(pass|pwd|pw|pin|otp|code|key|auth|sid|ssn|cvv|cvc)$)";

    /**
     * Values that are secrets wherever they appear: JWTs, private keys, bearer and basic credentials,
     * card numbers, AWS access key ids, GitHub, Stripe, Slack and Google API tokens.
     */
    public static final String DEFAULT_SCRUB_VALUE_PATTERN = "(eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"
            + "|-----BEGIN [A-Z ]*PRIVATE KEY-----(?s:.*?)(?:-----END [A-Z ]*PRIVATE KEY-----|$)"
            + "|(?i:bearer)\\s+[A-Za-z0-9._~+/-]+=*"
            // Basic credentials are base64: a digit, + or / somewhere keeps "basic training" as it is
            + "|(?i:basic)\\s+[A-Za-z0-9+/]*[0-9+/][A-Za-z0-9+/]*={0,2}"
            + "|\\b(?:\\d[ -]?){12,18}\\d\\b"
            + "|\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"
            + "|\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"
            + "|\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
            + "|\\bxox[abprs]-[A-Za-z0-9-]{10,}"
            + "|\\bAIza[0-9A-Za-z_-]{35})";

    private static final Duration MIN_REFRESH = Duration.ofSeconds(1);
    private static final Duration MAX_REFRESH = Duration.ofDays(1);

    private final Function<String, String> source;

    private SettingsReader(Function<String, String> source) {
        this.source = source;
    }

    /**
     * @param source gives the raw value of a key, or {@code null} when it is not set
     * @throws InvalidSettingException for the first bad value
     */
    public static Settings read(Function<String, String> source) {
        SettingsReader reader = new SettingsReader(source);
        return reader.settings();
    }

    private Settings settings() {
        return new Settings(
                bool(ConfigKeys.ENABLED, true),
                mode(),
                rulesLocation(),
                duration(ConfigKeys.RULES_REFRESH, Duration.ofSeconds(30), MIN_REFRESH, MAX_REFRESH),
                cidrs(ConfigKeys.IP_DENYLIST),
                cidrs(ConfigKeys.IP_ALLOWLIST),
                paths(ConfigKeys.PATH_ALLOWLIST),
                pattern(ConfigKeys.SCRUB_KEY_PATTERN, DEFAULT_SCRUB_KEY_PATTERN),
                pattern(ConfigKeys.SCRUB_VALUE_PATTERN, DEFAULT_SCRUB_VALUE_PATTERN),
                backendUrl(),
                text(ConfigKeys.BACKEND_TOKEN),
                duration(ConfigKeys.REPORTER_INTERVAL, Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofHours(1)),
                integer(ConfigKeys.REPORTER_BATCH_SIZE, 1000, 1, 100_000),
                integer(ConfigKeys.REPORTER_QUEUE_CAPACITY, 10_000, 16, 1_000_000),
                integer(ConfigKeys.BLOCK_STATUS, 403, 400, 599),
                blockRedirect(),
                cidrs(ConfigKeys.TRUSTED_PROXIES),
                headerName(ConfigKeys.CLIENT_IP_HEADER, "X-Forwarded-For"),
                duration(ConfigKeys.BUDGET, Duration.ofMillis(5), Duration.ofNanos(100_000), Duration.ofSeconds(1)),
                mode(ConfigKeys.BUDGET_EXCEEDED, Mode.MONITOR),
                appName(),
                resourceMethodHooks(),
                TrustedKeys.parse(ConfigKeys.RULES_PUBLIC_KEYS, raw(ConfigKeys.RULES_PUBLIC_KEYS)),
                allowInsecure(),
                trustStore(),
                duration(ConfigKeys.REPORTER_SHUTDOWN_TIMEOUT, Duration.ofSeconds(5), Duration.ofMillis(100),
                        Duration.ofMinutes(2)),
                rulesBlock(),
                bytes(ConfigKeys.REPORTER_QUEUE_BYTES, 16L * 1024 * 1024, 64L * 1024, 1024L * 1024 * 1024));
    }

    /**
     * A size: a number of bytes, or a number with {@code KiB}, {@code MiB} or {@code GiB} ({@code 16MiB}),
     * within {@code min} and {@code max}.
     */
    private long bytes(String key, long fallback, long min, long max) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        String text = value.strip();
        long unit = 1;
        for (String[] suffix : new String[][] {{"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"}}) {
            if (text.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                text = text.substring(0, text.length() - suffix[0].length()).strip();
                break;
            }
        }
        long parsed;
        try {
            parsed = Math.multiplyExact(Long.parseLong(text), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidSettingException(key, value, "expected a size in bytes, or with KiB, MiB or GiB (16MiB)");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidSettingException(key, value, "expected a size from 64KiB to 1GiB");
        }
        return parsed;
    }

    /**
     * {@code palisade.rules.block}: {@code high} (the default) lets only high-confidence rules block,
     * {@code all} every rule; a rule's own mode wins either way.
     */
    private Confidence rulesBlock() {
        String value = raw(ConfigKeys.RULES_BLOCK);
        if (value == null || value.equalsIgnoreCase("high")) {
            return Confidence.HIGH;
        }
        if (value.equalsIgnoreCase("all")) {
            return Confidence.HEURISTIC;
        }
        throw new InvalidSettingException(ConfigKeys.RULES_BLOCK, value, "expected high or all");
    }

    /**
     * {@code palisade.backend.truststore}: a PKCS#12 (or JKS) file of the certificates that may sign
     * the backend's and the rules URL's (a private CA), used instead of the JVM's default trust store
     * for those connections only. Loaded now, so that a wrong path or password fails the deployment.
     */
    private Optional<javax.net.ssl.SSLSocketFactory> trustStore() {
        String path = raw(ConfigKeys.BACKEND_TRUSTSTORE);
        String password = raw(ConfigKeys.BACKEND_TRUSTSTORE_PASSWORD);
        if (path == null) {
            if (password != null) {
                throw new InvalidSettingException(ConfigKeys.BACKEND_TRUSTSTORE_PASSWORD, "<redacted>",
                        "is set but " + ConfigKeys.BACKEND_TRUSTSTORE + " is not");
            }
            return Optional.empty();
        }
        char[] secret = password == null ? null : password.toCharArray();
        java.security.KeyStore store = null;
        Exception failure = null;
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(path))) {
                java.security.KeyStore candidate = java.security.KeyStore.getInstance(type);
                candidate.load(in, secret);
                store = candidate;
                break;
            } catch (java.io.IOException | java.security.GeneralSecurityException | RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        try {
            if (store == null || store.size() == 0) {
                throw new InvalidSettingException(ConfigKeys.BACKEND_TRUSTSTORE, path, store == null
                        ? "cannot be read as a PKCS#12 or JKS trust store (" + failure.getClass().getSimpleName()
                                + "; a wrong path or password?)" : "holds no certificate");
            }
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context.getSocketFactory());
        } catch (java.security.GeneralSecurityException e) {
            throw new InvalidSettingException(ConfigKeys.BACKEND_TRUSTSTORE, path, "cannot be used as a trust store ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private boolean allowInsecure() {
        return bool(ConfigKeys.BACKEND_ALLOW_INSECURE, false);
    }

    /**
     * Plain {@code http:} is refused for anything but a loopback address: the backend token and rule
     * packs would travel in clear, and anyone on the path could turn protection off. Allowed with
     * {@code palisade.backend.allow-insecure=true}, which is logged at every start.
     */
    private void requireSecureTransport(String key, URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return;
        }
        if (allowInsecure()) {
            CoreMessages.INSECURE_TRANSPORT.log(key, uri.getHost(), ConfigKeys.BACKEND_ALLOW_INSECURE);
            return;
        }
        throw new InvalidSettingException(key, withoutUserInfo(uri.toString()), "plain http is only allowed to a loopback"
                + " address (127.0.0.0/8, ::1, localhost); use https, or set " + ConfigKeys.BACKEND_ALLOW_INSECURE
                + "=true to accept an unencrypted connection");
    }

    /** Loopback by its literal form only: a name other than {@code localhost} is never resolved here. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private boolean resourceMethodHooks() {
        String value = raw(ConfigKeys.HOOKS_RESOURCE_METHODS);
        if (value == null || value.equalsIgnoreCase("inventory")) {
            return false;
        }
        if (value.equalsIgnoreCase("intercept")) {
            return true;
        }
        throw new InvalidSettingException(ConfigKeys.HOOKS_RESOURCE_METHODS, value, "expected inventory or intercept");
    }

    private Optional<String> appName() {
        String value = raw(ConfigKeys.APP_NAME);
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > 128 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidSettingException(ConfigKeys.APP_NAME, value, "expected a name of 1 to 128 characters without"
                    + " control characters");
        }
        return Optional.of(value);
    }

    private String raw(String key) {
        String value = source.apply(key);
        if (value == null) {
            return null;
        }
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    private boolean bool(String key, boolean fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidSettingException(key, value, "expected true or false");
    }

    private Mode mode() {
        return mode(ConfigKeys.MODE, Mode.BLOCK);
    }

    private Mode mode(String key, Mode fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        for (Mode mode : Mode.values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new InvalidSettingException(key, value, "expected block or monitor");
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(raw(key));
    }

    private int integer(String key, int fallback, int min, int max) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(key, value, "expected a whole number from " + min + " to " + max);
    }

    private Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        Duration parsed = parseDuration(value);
        if (parsed == null || parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw new InvalidSettingException(key, value, "expected a duration such as 500ms, 30s, 5m or 1h (or ISO-8601"
                    + " such as PT30S) from " + format(min) + " to " + format(max));
        }
        return parsed;
    }

    /** {@code 250us}, {@code 5ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601; {@code null} if neither. */
    public static Duration parseDuration(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pt") || lower.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        int digits = 0;
        while (digits < lower.length() && Character.isDigit(lower.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            return null;
        }
        long amount = Long.parseLong(lower.substring(0, digits));
        switch (lower.substring(digits)) {
            case "us":
                return Duration.ofNanos(amount * 1000);
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return null;
        }
    }

    private static String format(Duration duration) {
        if (duration.toNanos() % 1_000_000 != 0) {
            return duration.toNanos() / 1000 + "us";
        }
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private List<String> list(String key) {
        String value = raw(key);
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    private List<String> cidrs(String key) {
        List<String> items = list(key);
        for (String item : items) {
            if (!isCidr(item)) {
                throw new InvalidSettingException(key, item, "expected a comma-separated list of IPv4 or IPv6 addresses or"
                        + " CIDR blocks such as 10.0.0.0/8, 192.168.1.7, 2001:db8::/32");
            }
        }
        return items;
    }

    /** An IPv4 or IPv6 address with an optional prefix length. Never does a DNS lookup. */
    static boolean isCidr(String value) {
        return io.palisade.core.net.IpRanges.isAddressOrBlock(value);
    }

    private static boolean isNumberUpTo(String text, int max) {
        if (text.isEmpty() || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(text) <= max;
    }

    private List<String> paths(String key) {
        List<String> items = list(key);
        for (String item : items) {
            if (!item.startsWith("/") || item.contains("..") || item.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new InvalidSettingException(key, item, "expected a comma-separated list of paths starting with /,"
                        + " such as /health,/metrics (a trailing * matches a prefix)");
            }
        }
        return items;
    }

    private String pattern(String key, String fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            throw new InvalidSettingException(key, value, "expected a regular expression in RE2 syntax ("
                    + e.getDescription() + ")");
        }
    }

    /** A file path, or a {@code file:}, {@code http:} or {@code https:} URL without credentials. */
    private Optional<String> rulesLocation() {
        String value = raw(ConfigKeys.RULES_LOCATION);
        if (value == null) {
            return Optional.empty();
        }
        String expected = "expected a file path, or a file:, http: or https: URL without credentials";
        if (value.contains("://") || value.regionMatches(true, 0, "file:", 0, 5)) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new InvalidSettingException(ConfigKeys.RULES_LOCATION, withoutUserInfo(value), expected);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            boolean file = scheme.equals("file") && uri.getPath() != null && uri.getPath().startsWith("/");
            if (!web && !file || web && uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new InvalidSettingException(ConfigKeys.RULES_LOCATION, withoutUserInfo(value), expected);
            }
            if (web) {
                requireSecureTransport(ConfigKeys.RULES_LOCATION, uri);
            }
            return Optional.of(value);
        }
        try {
            java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidSettingException(ConfigKeys.RULES_LOCATION, value, expected);
        }
        return Optional.of(value);
    }

    private Optional<URI> backendUrl() {
        String value = raw(ConfigKeys.BACKEND_URL);
        if (value == null) {
            return Optional.empty();
        }
        URI uri = httpUri(value);
        if (uri == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingException(ConfigKeys.BACKEND_URL, withoutUserInfo(value), "expected an absolute http or https URL"
                    + " without credentials, query or fragment, such as https://palisade.example.com");
        }
        requireSecureTransport(ConfigKeys.BACKEND_URL, uri);
        return Optional.of(uri);
    }

    /** A URL as it may be shown in an error or a log: credentials in it, and the query that may carry a token, are redacted. */
    public static String withoutUserInfo(String url) {
        String shown = url;
        int at = shown.lastIndexOf('@');
        int scheme = shown.indexOf("//");
        if (at > 0) {
            shown = (scheme >= 0 && scheme < at ? shown.substring(0, scheme + 2) : "") + "<redacted>" + shown.substring(at);
        }
        int query = shown.indexOf('?');
        return query >= 0 ? shown.substring(0, query + 1) + "<redacted>" : shown;
    }

    private Optional<String> blockRedirect() {
        String value = raw(ConfigKeys.BLOCK_REDIRECT);
        if (value == null) {
            return Optional.empty();
        }
        boolean path = value.startsWith("/") && !value.startsWith("//");
        if (path ? !isUri(value) : httpUri(value) == null) {
            throw new InvalidSettingException(ConfigKeys.BLOCK_REDIRECT, value,
                    "expected an absolute http or https URL, or a path starting with a single /");
        }
        return Optional.of(value);
    }

    private static boolean isUri(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static URI httpUri(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private String headerName(String key, String fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean token = c < 0x7f && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            if (!token) {
                throw new InvalidSettingException(key, value, "expected an HTTP header name such as X-Forwarded-For"
                        + " or Forwarded");
            }
        }
        return value;
    }
}
