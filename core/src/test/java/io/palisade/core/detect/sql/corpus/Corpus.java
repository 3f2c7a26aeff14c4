package io.palisade.core.detect.sql.corpus;

import io.palisade.core.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the repository's corpus folder: libinjection's lists are form-encoded, PayloadsAllTheThings' are raw.
 * Public for the JPQL evaluation in palisade-interceptors (through this module's test jar).
 */
public final class Corpus {

    static final Path ROOT = TestCorpus.root();

    /** Plain numbers, alone or in a list: what an application splices into {@code = ...} and {@code IN (...)} on purpose. */
    public static final java.util.regex.Pattern PLAIN_NUMBERS =
            java.util.regex.Pattern.compile("\\s*-?\\d+(\\.\\d+)?(\\s*,\\s*-?\\d+(\\.\\d+)?)*\\s*");
    /** Plain (qualified) names with sort directions, or one number: what an application splices into {@code ORDER BY}. */
    public static final java.util.regex.Pattern PLAIN_NAMES = java.util.regex.Pattern.compile(
            "(?i)\\s*[a-z_][a-z0-9_.]*(\\s+(asc|desc))?(\\s*,\\s*[a-z_][a-z0-9_.]*(\\s+(asc|desc))?)*\\s*|\\s*-?\\d+\\s*");

    private Corpus() {
    }

    public static List<String> sqlInjections() {
        Set<String> payloads = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("libinjection"))) {
            files.filter(f -> f.getFileName().toString().startsWith("sqli-")).sorted()
                    .forEach(f -> lines(f).forEach(line -> payloads.add(formDecoded(line))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve("payloadsallthethings/sqli"))) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> payloads.addAll(lines(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        payloads.removeIf(p -> p.isBlank());
        return new ArrayList<>(payloads);
    }

    public static List<String> falsePositives() {
        return lines(ROOT.resolve("libinjection/false_positives.txt")).stream().map(Corpus::formDecoded).toList();
    }

    private static List<String> lines(Path file) {
        try {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                if (line.isEmpty() || line.equals("#") || line.startsWith("# ") || line.startsWith("#!")) {
                    continue;
                }
                kept.add(line);
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String formDecoded(String line) {
        try {
            return URLDecoder.decode(line, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return line;
        }
    }
}
