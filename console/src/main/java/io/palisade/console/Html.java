package io.palisade.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds the console's pages. Every piece of text goes through {@link #text}, every attribute value
 * through {@link #attr}: what agents send is what attackers typed, so nothing is ever written raw.
 * Only the page's own fixed markup goes through {@link #raw}.
 */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes for text and for quoted attribute values alike. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                default -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? "\uFFFD" : null;
            };
            if (replacement != null) {
                if (escaped == null) {
                    escaped = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                escaped.append(replacement);
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? value : escaped.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String value) {
        out.append(escape(value));
        return this;
    }

    Html text(long value) {
        out.append(value);
        return this;
    }

    /** {@code name="value"}, escaped. */
    Html attr(String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    /** An element with text content: {@code <tag>text</tag>}. */
    Html element(String tag, String value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    /** A link whose href is built from fixed parts and URL-encoded values. */
    Html link(String href, String label) {
        return raw("<a").attr("href", href).raw(">").text(label).raw("</a>");
    }

    Html hidden(String name, String value) {
        return raw("<input type=\"hidden\"").attr("name", name).attr("value", value).raw(">");
    }

    /** A form that posts to {@code action} with the session's CSRF token. */
    Html form(String action, String csrf) {
        return raw("<form method=\"post\"").attr("action", action).raw(">").hidden("csrf", csrf);
    }

    Html table(List<String> headings) {
        raw("<table><thead><tr>");
        headings.forEach(h -> element("th", h));
        return raw("</tr></thead><tbody>");
    }

    Html row(Object... cells) {
        raw("<tr>");
        for (Object cell : cells) {
            if (cell instanceof Html) {
                raw("<td>").raw(cell.toString()).raw("</td>");
            } else {
                element("td", cell == null ? "" : String.valueOf(cell));
            }
        }
        return raw("</tr>");
    }

    Html endTable() {
        return raw("</tbody></table>");
    }

    /** A fragment of markup built with the same escaping, to put in a table cell. */
    static Html fragment() {
        return new Html();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
