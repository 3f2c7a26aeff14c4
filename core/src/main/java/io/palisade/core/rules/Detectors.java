package io.palisade.core.rules;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * Heuristic detectors on raw request inputs, for the request phase. Each decodes what attackers
 * encode (percent, entities, backslashes) itself, runs RE2/J patterns (linear time), and is tuned
 * not to fire on ordinary text: names, prose, code-looking search terms, URLs, e-mail addresses.
 * Thread-safe.
 */
final class Detectors {

    private Detectors() {
    }

    /**
     * Tags that run or load something whatever their attributes, event-handler attributes inside a
     * tag, script URLs followed by code, and the CSS and iframe forms. Tags that are harmless without
     * a handler ({@code <b>}, {@code <template>}) do not fire on their own.
     */
    private static final Pattern XSS = Pattern.compile("<\\s*(script|iframe|frame|frameset|object|embed|applet|base|meta"
            + "|isindex|import)\\b"
            + "|<[a-z!/?][^>]*?[\\s/\"'`]on[a-z]{3,}\\s*="
            + "|(javascript|vbscript|livescript)\\s*:\\s*([\\w$.]+\\s*[(=\\[`]|//|/\\*)"
            + "|data\\s*:\\s*text/html"
            + "|\\bsrcdoc\\s*="
            + "|:\\s*expression\\s*\\(");

    /** A {@code ..} segment, or a well-known sensitive file, after decoding and path normalisation. */
    private static final Pattern TRAVERSAL = Pattern.compile("(^|/)\\.\\.(/|$)|(^|/)\\.\\.;"
            + "|/etc/(passwd|shadow|group|hosts|issue)\\b|/proc/(self|\\d+)/|\\bc:/windows/|\\bboot\\.ini\\b"
            + "|\\bweb-inf/(web|jboss-web|beans)\\.xml\\b|^file:/");

    /**
     * A shell separator or substitution followed by a command that then takes a shell-looking
     * argument (a flag, a path, a number, a variable) or ends the input, so that prose such as
     * "tired; sleep came fast" does not fire; and the usual payload fragments.
     */
    private static final Pattern COMMAND = Pattern.compile("(;|\\|\\|?|&&|\\$\\(|`)\\s*(/(usr/)?s?bin/)?"
            + "(cat|ls|id|whoami|uname|wget|curl|nc|ncat|netcat|bash|sh|zsh|python[23]?|perl|ruby|php|rm|chmod|chown|ping"
            + "|nslookup|dig|powershell|cmd|certutil|sleep|echo|printenv|env|ifconfig|ipconfig|telnet|tftp|base64)"
            + "(\\s*$|\\s+[-/.$'\"\\d~]|\\s*[;|&`)])"
            + "|\\$\\{ifs\\}|\\$ifs\\b|/bin/(ba|z)?sh\\b|\\bcmd(\\.exe)?\\s+/c\\b|\\bpowershell(\\.exe)?\\s+-");

    /** Request-level SQL injection: a few forms that ordinary text does not take. */
    private static final Pattern SQLI = Pattern.compile("\\bunion\\b[\\s/*()]+(all\\b[\\s/*()]+)?select\\b"
            + "|'\\s*(or|and|xor)\\s+('?\\w*'?\\s*(=|<|>|like\\b)|\\d+\\s*(=|<|>)|true\\b|not\\b)"
            + "|'\\s*;\\s*(drop|delete|insert|update|alter|create|truncate|exec|shutdown)\\b"
            + "|\\b(sleep|pg_sleep|benchmark)\\s*\\(\\s*\\d|\\bwaitfor\\s+delay\\s+'|\\bdbms_pipe\\.receive_message\\s*\\("
            + "|'\\s*(--|#)[^']*$|'\\s*/\\*"
            + "|\\b(information_schema|pg_catalog|sysobjects|mysql\\.user)\\b"
            + "|\\b(load_file\\s*\\(|into\\s+(out|dump)file\\b)");

    static boolean xss(String value) {
        if (value.indexOf('<') < 0 && value.indexOf(':') < 0 && value.indexOf('(') < 0 && value.indexOf('=') < 0
                && value.indexOf('&') < 0 && value.indexOf('%') < 0) {
            return false;
        }
        return XSS.matcher(decode(value)).find();
    }

    static boolean pathTraversal(String value) {
        if (value.indexOf('.') < 0 && value.indexOf('%') < 0 && value.indexOf('/') < 0 && value.indexOf('\\') < 0
                && value.indexOf(':') < 0) {
            return false;
        }
        String path = Transformer.NORMALIZE_PATH.apply(decode(value));
        return TRAVERSAL.matcher(path).find();
    }

    static boolean commandInjection(String value) {
        return COMMAND.matcher(decode(value)).find();
    }

    static boolean sqlInjection(String value) {
        return SQLI.matcher(decode(value)).find();
    }

    /** Percent and entity decoding, NULs removed, lower case. */
    private static String decode(String value) {
        String decoded = Transformer.URL_DECODE.apply(value);
        decoded = Transformer.HTML_ENTITY_DECODE.apply(decoded);
        decoded = Transformer.REMOVE_NULLS.apply(decoded);
        return decoded.toLowerCase(Locale.ROOT);
    }
}
