package io.palisade.core.config;

import io.palisade.core.log.CoreMessages;
/**
 * A {@code palisade.*} value that Palisade cannot use. The message names the key, the value (unless
 * the key is secret) and what is allowed; the deployment fails with it.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidSettingException(String key, String value, String allowed) {
        super(CoreMessages.INVALID_SETTING.text(ConfigKeys.SECRET.contains(key) ? "<redacted>" : '\'' + value + '\'', key,
                ConfigKeys.environmentName(key), allowed));
        this.key = key;
    }

    public String key() {
        return key;
    }
}
