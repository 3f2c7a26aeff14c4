package io.palisade.sample.bookstore;

import java.util.HashMap;
import java.util.Map;

/** Starts the sample with some system properties set for the start only (where Palisade and the sample read them). */
final class Servers {

    private Servers() {
    }

    /** @param properties key, value, key, value, ... */
    static BookstoreServer start(String... properties) {
        // Without MicroProfile Config in the sample, Palisade reads system properties first.
        Map<String, String> previous = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            previous.put(properties[i], System.setProperty(properties[i], properties[i + 1]));
        }
        try {
            return BookstoreServer.start(0);
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
