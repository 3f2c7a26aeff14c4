package io.palisade.core.config;

/**
 * A {@code palisade.*} value that Palisade cannot use. The message names the key, the value (unless
 * the key is secret) and what is allowed; the deployment fails with it.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidSettingException(String key, String value, String allowed) {
        super("PAL1101: invalid value " + (ConfigKeys.SECRET.contains(key) ? "<redacted>" : '\'' + value + '\'')
                + " for " + key + " (environment variable " + ConfigKeys.environmentName(key) + "): " + allowed);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
