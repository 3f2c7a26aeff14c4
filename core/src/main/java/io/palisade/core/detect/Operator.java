package io.palisade.core.detect;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.palisade.core.net.IpRanges;
import io.palisade.core.text.CharSignature;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A compiled test on one (transformed) input value. Built once when a pack is loaded; thread-safe.
 *
 * @param name the operator's name in the pack, e.g. {@code regex}
 * @param required characters every match contains ({@link RequiredCharacters}), empty when unknown: a
 *                 value without one of them is not tested at all
 */
public record Operator(String name, Predicate<String> test, String required, long anyOf, long allOf) {

    /**
     * @param anyOf a {@link CharSignature} mask: the operator can only match a value holding at least one
     *              of these (0: no such screen)
     * @param allOf the signature bits of {@code required}: a value lacking one cannot match
     */
    public Operator {
    }

    public Operator(String name, Predicate<String> test, String required) {
        this(name, test, required, 0L, mask(required));
    }

    public Operator(String name, Predicate<String> test) {
        this(name, test, "");
    }

    /** The bits of the required characters that have one (all of them, as RequiredCharacters finds them). */
    private static long mask(String required) {
        long mask = 0;
        for (int i = 0; i < required.length(); i++) {
            char c = required.charAt(i);
            if (CharSignature.tracked(c)) {
                mask |= CharSignature.of(c);
            }
        }
        return mask;
    }

    /** Whether a value of this {@link CharSignature} may match (exact when it says no). */
    public boolean admits(long signature) {
        return (signature & allOf) == allOf && (anyOf == 0 || (signature & anyOf) != 0);
    }

    /** Each detector's first screen as a signature mask (defined in {@code Detectors} beside the screen itself). */
    private static final java.util.Map<String, Long> DETECTOR_SCREENS = java.util.Map.of(
            "detect_xss", Detectors.XSS_SCREEN, "detect_xss_exploit", Detectors.XSS_SCREEN,
            "detect_path_traversal", Detectors.PATH_SCREEN, "detect_path_traversal_exploit", Detectors.PATH_SCREEN,
            "detect_command_injection", Detectors.COMMAND_SCREEN, "detect_command_injection_exploit", Detectors.COMMAND_SCREEN);

    /** Operators that take no {@code value}: the detectors, by name. */
    private static final java.util.Map<String, Predicate<String>> DETECTOR_TESTS = java.util.Map.of(
            "detect_sqli", Detectors::sqlInjection,
            "detect_xss", Detectors::xss,
            "detect_path_traversal", Detectors::pathTraversal,
            "detect_command_injection", Detectors::commandInjection,
            "detect_xss_exploit", Detectors::xssExploit,
            "detect_path_traversal_exploit", Detectors::pathTraversalExploit,
            "detect_command_injection_exploit", Detectors::commandInjectionExploit,
            "detect_scanner_path", Detectors::scannerPath);
    static final Set<String> DETECTORS = DETECTOR_TESTS.keySet();
    /** Every operator name a pack may use. */
    static final Set<String> NAMES;

    static {
        Set<String> names = new java.util.HashSet<>(Set.of("regex", "phrases", "equals", "ip_match"));
        names.addAll(DETECTORS);
        NAMES = Set.copyOf(names);
    }

    static final int MAX_REGEX_LENGTH = 4096;
    static final int MAX_LIST_ITEMS = 100_000;

    public boolean matches(String value) {
        return test.test(value);
    }

    /**
     * @param values the operator's argument: a pattern for {@code regex}; a list for {@code phrases},
     *        {@code equals} and {@code ip_match}; nothing for detectors
     * @throws IllegalArgumentException saying what is wrong with the argument
     */
    public static Operator compile(String name, List<String> values) {
        switch (name) {
            case "regex":
                if (values.size() != 1) {
                    throw new IllegalArgumentException("regex takes one pattern as \"value\"");
                }
                String regex = values.get(0);
                if (regex.length() > MAX_REGEX_LENGTH) {
                    throw new IllegalArgumentException("regex longer than " + MAX_REGEX_LENGTH + " characters");
                }
                try {
                    Pattern pattern = Pattern.compile(regex);
                    return new Operator(name, value -> pattern.matcher(value).find(), RequiredCharacters.of(regex));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid RE2 regular expression (" + e.getDescription() + ")");
                }
            case "phrases":
                requireList(name, values);
                // Linear in the input for the whole set, whatever its size (PhraseSet).
                PhraseSet phrases = new PhraseSet(values);
                return new Operator(name, phrases::containsMatch);
            case "equals":
                requireList(name, values);
                Set<String> exact = Set.copyOf(values);
                return new Operator(name, exact::contains);
            case "ip_match":
                requireList(name, values);
                IpRanges ranges = new IpRanges(values);
                return new Operator(name, ranges::contains);
            default:
                Predicate<String> detector = DETECTOR_TESTS.get(name);
                if (detector != null) {
                    return detector(name, values, detector);
                }
                throw new IllegalArgumentException("unknown operator '" + name + "'; known: " + String.join(", ",
                        new java.util.TreeSet<>(NAMES)));
        }
    }

    private static Operator detector(String name, List<String> values, Predicate<String> test) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(name + " takes no \"value\"");
        }
        // Compile the detectors' patterns now, while the pack loads, not in the first request's budget.
        Detectors.initialize();
        return new Operator(name, test, "", DETECTOR_SCREENS.getOrDefault(name, 0L), 0L);
    }

    private static void requireList(String name, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a non-empty list of strings as \"value\"");
        }
        if (values.size() > MAX_LIST_ITEMS) {
            throw new IllegalArgumentException(name + " list longer than " + MAX_LIST_ITEMS + " items");
        }
        for (String value : values) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " list holds an empty string");
            }
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
