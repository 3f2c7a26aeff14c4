package io.palisade.core.config;

import java.util.List;

/**
 * Every configuration key Palisade reads. Each also works as an environment variable, upper-cased
 * with dots and dashes turned into underscores ({@code palisade.reporter.batch-size} is
 * {@code PALISADE_REPORTER_BATCH_SIZE}). Documented in {@code docs/reference/configuration.md}.
 */
public final class ConfigKeys {

    public static final String PREFIX = "palisade.";

    public static final String ENABLED = "palisade.enabled";
    public static final String MODE = "palisade.mode";
    public static final String RULES_LOCATION = "palisade.rules.location";
    public static final String RULES_REFRESH = "palisade.rules.refresh";
    public static final String RULES_PUBLIC_KEYS = "palisade.rules.public-keys";
    public static final String RULES_BLOCK = "palisade.rules.block";
    public static final String IP_DENYLIST = "palisade.ip.denylist";
    public static final String IP_ALLOWLIST = "palisade.ip.allowlist";
    public static final String PATH_ALLOWLIST = "palisade.path.allowlist";
    public static final String SCRUB_KEY_PATTERN = "palisade.scrub.key-pattern";
    public static final String SCRUB_VALUE_PATTERN = "palisade.scrub.value-pattern";
    public static final String BACKEND_URL = "palisade.backend.url";
    public static final String BACKEND_TOKEN = "palisade.backend.token";
    public static final String BACKEND_ALLOW_INSECURE = "palisade.backend.allow-insecure";
    public static final String BACKEND_TRUSTSTORE = "palisade.backend.truststore";
    public static final String BACKEND_TRUSTSTORE_PASSWORD = "palisade.backend.truststore-password";
    public static final String REPORTER_INTERVAL = "palisade.reporter.interval";
    public static final String REPORTER_BATCH_SIZE = "palisade.reporter.batch-size";
    public static final String REPORTER_QUEUE_CAPACITY = "palisade.reporter.queue-capacity";
    public static final String REPORTER_QUEUE_BYTES = "palisade.reporter.queue-bytes";
    public static final String REPORTER_SHUTDOWN_TIMEOUT = "palisade.reporter.shutdown-timeout";
    public static final String BLOCK_STATUS = "palisade.block.status";
    public static final String BLOCK_REDIRECT = "palisade.block.redirect";
    public static final String TRUSTED_PROXIES = "palisade.trusted-proxies";
    public static final String CLIENT_IP_HEADER = "palisade.client-ip.header";
    public static final String BUDGET = "palisade.budget";
    public static final String BUDGET_EXCEEDED = "palisade.budget.exceeded";
    public static final String APP_NAME = "palisade.app.name";
    public static final String HOOKS_RESOURCE_METHODS = "palisade.hooks.resource-methods";

    /** Every key, for reading and for spotting misspelt ones. */
    public static final List<String> ALL = List.of(ENABLED, MODE, RULES_LOCATION, RULES_REFRESH, RULES_PUBLIC_KEYS, RULES_BLOCK,
            BACKEND_ALLOW_INSECURE, BACKEND_TRUSTSTORE, BACKEND_TRUSTSTORE_PASSWORD, IP_DENYLIST,
            IP_ALLOWLIST, PATH_ALLOWLIST, SCRUB_KEY_PATTERN, SCRUB_VALUE_PATTERN, BACKEND_URL, BACKEND_TOKEN,
            REPORTER_INTERVAL, REPORTER_BATCH_SIZE, REPORTER_QUEUE_CAPACITY, REPORTER_QUEUE_BYTES, REPORTER_SHUTDOWN_TIMEOUT, BLOCK_STATUS, BLOCK_REDIRECT,
            TRUSTED_PROXIES, CLIENT_IP_HEADER, BUDGET, BUDGET_EXCEEDED, APP_NAME, HOOKS_RESOURCE_METHODS);

    /** Keys whose values are secrets: never logged, never echoed in an error. */
    public static final List<String> SECRET = List.of(BACKEND_TOKEN, BACKEND_TRUSTSTORE_PASSWORD);

    private ConfigKeys() {
    }

    /** The environment variable that carries {@code key}: {@code palisade.block.status} → {@code PALISADE_BLOCK_STATUS}. */
    public static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
