package io.palisade.cdi;

import io.palisade.core.config.ConfigKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.function.Function;

/**
 * Where {@code palisade.*} values come from: MicroProfile Config when the application has an
 * implementation, else, in the same order of precedence, system properties, environment variables
 * and the application's {@code META-INF/microprofile-config.properties} files (Open Liberty runs
 * without MP Config unless server.xml enables it).
 */
final class ConfigLookup {

    static final String PROPERTIES_FILE = "META-INF/microprofile-config.properties";

    private final Function<String, String> values;
    private final Iterable<String> names;
    private final String description;

    private ConfigLookup(Function<String, String> values, Iterable<String> names, String description) {
        this.values = values;
        this.names = names;
        this.description = description;
    }

    /** MicroProfile Config for {@code loader} if it works, the fallback otherwise. */
    static ConfigLookup forApplication(ClassLoader loader) {
        try {
            return MicroProfileConfig.lookup(loader);
        } catch (LinkageError | IllegalStateException | ServiceConfigurationError e) {
            ExtensionMessages.NO_MICROPROFILE_CONFIG.log(e);
            return fallback(loader, System.getenv(), System.getProperties());
        }
    }

    static ConfigLookup of(Function<String, String> values, Iterable<String> names, String description) {
        return new ConfigLookup(values, names, description);
    }

    /** System properties, then environment variables (MicroProfile's name mapping), then the properties files. */
    static ConfigLookup fallback(ClassLoader loader, Map<String, String> environment, Properties system) {
        Properties files = new Properties();
        try {
            Enumeration<URL> resources = loader.getResources(PROPERTIES_FILE);
            List<URL> urls = new ArrayList<>();
            while (resources.hasMoreElements()) {
                urls.add(resources.nextElement());
            }
            // The first file on the class path wins for a key, as with MP Config's equal ordinals.
            for (int i = urls.size() - 1; i >= 0; i--) {
                Properties one = new Properties();
                try (InputStream in = urls.get(i).openStream()) {
                    one.load(in);
                }
                files.putAll(one);
            }
        } catch (IOException e) {
            ExtensionMessages.PROPERTIES_UNREADABLE.log(e, PROPERTIES_FILE);
        }
        Function<String, String> values = key -> {
            String value = system.getProperty(key);
            if (value == null) {
                value = environmentValue(environment, key);
            }
            return value != null ? value : files.getProperty(key);
        };
        Set<String> names = new LinkedHashSet<>(system.stringPropertyNames());
        names.addAll(files.stringPropertyNames());
        return new ConfigLookup(values, names, "system properties, environment and " + PROPERTIES_FILE);
    }

    /** The three names MicroProfile Config tries: as is, non-alphanumerics as {@code _}, and that upper-cased. */
    private static String environmentValue(Map<String, String> environment, String key) {
        String value = environment.get(key);
        if (value == null) {
            StringBuilder sanitized = new StringBuilder(key.length());
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                sanitized.append(Character.isLetterOrDigit(c) ? c : '_');
            }
            value = environment.get(sanitized.toString());
            if (value == null) {
                value = environment.get(ConfigKeys.environmentName(key));
            }
        }
        return value;
    }

    String get(String key) {
        return values.apply(key);
    }

    Function<String, String> values() {
        return values;
    }

    /** The {@code palisade.*} names that are set but that Palisade does not know: most likely typos. */
    List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(ConfigKeys.PREFIX) && !ConfigKeys.ALL.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    String description() {
        return description;
    }
}
