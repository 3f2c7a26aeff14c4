package io.palisade.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code corpus/} folder, as Maven passes it to the tests (system property
 * {@code palisade.corpus}). Never searched for: a test run outside Maven sets the property itself.
 */
public final class TestCorpus {

    public static final String PROPERTY = "palisade.corpus";

    private TestCorpus() {
    }

    /** The corpus root; fails with what to set when the property is missing or wrong. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: run the tests through Maven,"
                    + " or pass -D" + PROPERTY + "=<repository>/corpus");
        }
        Path root = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("libinjection")) || !Files.isDirectory(root.resolve("payloadsallthethings"))) {
            throw new IllegalStateException(PROPERTY + "=" + configured + " is not the repository's corpus folder");
        }
        return root;
    }
}
