package io.palisade.jaxrs;

import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reflected XSS at the sink, for JAX-RS responses a browser renders as HTML ({@code text/html},
 * {@code application/xhtml+xml}; JSON and everything else is never an XSS sink here): the rules
 * engine is asked whether a request input's markup reached the page unescaped. A body the application
 * returns as a {@code String}, {@code byte[]} or {@code char[]} is checked by the response filter before
 * it is written; any other entity (a {@code StreamingOutput}, a template) by the writer interceptor, on
 * the bytes it writes, held back up to {@link RuleEngine#MAX_RESPONSE_SCAN} bytes.
 */
final class ResponseMarkup {

    private static final MediaType XHTML = MediaType.valueOf("application/xhtml+xml");

    private ResponseMarkup() {
    }

    static boolean isHtml(MediaType type) {
        return type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                && (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.isCompatible(XHTML));
    }

    /** The entity as text when the application returned it whole, or {@code null}. */
    static String text(Object entity, MediaType type) {
        if (entity instanceof String string) {
            return string;
        }
        if (entity instanceof char[] chars) {
            return new String(chars);
        }
        if (entity instanceof byte[] bytes) {
            return new String(bytes, charset(type));
        }
        return null;
    }

    static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Whether the record holds an input whose markup could be reflected: when none does (nearly every
     * request), the body is not looked at, nor held back.
     */
    static boolean worthChecking(RequestRecord record) {
        return record != null && !record.exempt() && !record.blocked() && RuleEngine.hasReflectableInput(record);
    }

    /** Holds back what the writer writes, up to a bound; past it, the rest goes straight through. */
    static final class HeldBack extends OutputStream {

        private final OutputStream target;
        private final int limit;
        private ByteArrayOutputStream held = new ByteArrayOutputStream(4096);
        private boolean overflowed;

        HeldBack(OutputStream target, int limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (held != null && held.size() + length <= limit) {
                held.write(bytes, offset, length);
                return;
            }
            if (held != null) {
                // Too large to hold: what is held goes out unchecked, and so does the rest (fail open).
                overflowed = true;
                held.writeTo(target);
                held = null;
                FilterMessages.PAGE_TOO_LARGE.log();
            }
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (held == null) {
                target.flush();
            }
        }

        boolean overflowed() {
            return overflowed;
        }

        byte[] held() {
            return held == null ? new byte[0] : held.toByteArray();
        }
    }
}
