package io.palisade.jaxrs;

import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reflected XSS at the sink for responses written outside JAX-RS (a servlet, JSF): on the first byte
 * or character the application writes, the response is held back when it is HTML and a request input
 * carries markup; otherwise everything goes straight through and nothing more is done. A held-back
 * page is checked once the servlet is done ({@link #finish}) and either written as it was or replaced
 * by the block response. Bounded: past {@link RuleEngine#MAX_RESPONSE_SCAN} bytes it is written
 * unchecked. Flushes and lengths the application asks for while held back wait until then.
 */
final class HeldBackServletResponse extends HttpServletResponseWrapper {

    /** Whether to hold this response back, once its type is known. */
    interface Decision {
        boolean hold(String contentType);
    }

    private final Decision decision;
    private Boolean holding;
    private ByteArrayOutputStream held;
    private boolean overflowed;
    private long contentLength = -1;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldBackServletResponse(HttpServletResponse response, Decision decision) {
        super(response);
        this.decision = decision;
    }

    private boolean holding() {
        if (holding == null) {
            boolean hold = false;
            try {
                hold = decision.hold(getContentType());
            } catch (RuntimeException e) {
                hold = false; // fail open
            }
            holding = hold;
            if (hold) {
                held = new ByteArrayOutputStream(4096);
            } else if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
        }
        return holding && !overflowed;
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (holding()) {
            if (held.size() + length <= RuleEngine.MAX_RESPONSE_SCAN) {
                held.write(bytes, offset, length);
                return;
            }
            overflowed = true; // too large to hold: what is held goes out unchecked, then the rest
            if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
            held.writeTo(super.getOutputStream());
            held = null;
        }
        super.getOutputStream().write(bytes, offset, length);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    HeldBackServletResponse.this.write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    HeldBackServletResponse.this.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    if (!holding()) {
                        HeldBackServletResponse.super.getOutputStream().flush();
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("non-blocking output is not supported on a checked response");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset()), false);
        }
        return writer;
    }

    private Charset charset() {
        try {
            String name = getCharacterEncoding();
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (holding == null || holding) {
            contentLength = length; // applied when the body goes out
        } else {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!holding()) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        if (held != null) {
            held.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (held != null) {
            held.reset();
        }
        holding = null;
        contentLength = -1;
        super.reset();
    }

    /**
     * Once the servlet is done: a held-back page is checked and written, or replaced by the block
     * response. Never throws for Palisade's own faults.
     *
     * @param check whether the page (as text) must be blocked
     * @param blockPage writes the block response on the (uncommitted) response
     */
    void finish(java.util.function.Predicate<String> check, BlockPage blockPage) throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (holding == null || !holding || overflowed || held == null) {
            return;
        }
        byte[] page = held.toByteArray();
        held = null;
        boolean blocked;
        try {
            blocked = check.test(new String(page, charset()));
        } catch (RuntimeException e) {
            blocked = false;
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (blocked && !response.isCommitted()) {
            blockPage.write(response);
            return;
        }
        if (contentLength >= 0) {
            response.setContentLengthLong(page.length);
        }
        response.getOutputStream().write(page);
    }

    /** Writes the block response. */
    interface BlockPage {
        void write(HttpServletResponse response) throws IOException;
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    /** The decision for {@code record}: HTML, and an input whose markup could be reflected. */
    static Decision forRecord(RequestRecord record) {
        return contentType -> isHtml(contentType) && !record.blocked() && RuleEngine.hasReflectableInput(record);
    }
}
