package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reflected XSS at the sink for HTML entities the response filter cannot read whole (a
 * {@code StreamingOutput}, a template): the bytes written are held back, checked, and either written
 * or, when a request input's markup is in them unescaped and the rule blocks, replaced by the block
 * page. The status line is already chosen by then, so it stays; the body the browser would have run
 * never leaves. Only when the response is HTML and an input carries markup; otherwise the writer runs
 * untouched.
 */
@Priority(Priorities.ENTITY_CODER + 100)
final class ReflectedMarkupInterceptor implements WriterInterceptor {

    /** Request property: the response filter left the end of the record to this interceptor. */
    static final String ENDS_RECORD = ReflectedMarkupInterceptor.class.getName() + ".ends";

    private final PalisadeRuntime runtime;
    private final RuleEngine rules;
    private final BlockResponse block;

    ReflectedMarkupInterceptor(PalisadeRuntime runtime, BlockResponse block) {
        this.runtime = runtime;
        this.rules = runtime.rules();
        this.block = block;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        RequestRecord record = Records.of(context);
        if (!Boolean.TRUE.equals(context.getProperty(ENDS_RECORD)) || record == null) {
            context.proceed();
            return;
        }
        try {
            check(context, record);
        } finally {
            // The detection, if any, is in the record before it is counted and reported.
            RequestEnd.finish(runtime, record);
        }
    }

    private void check(WriterInterceptorContext context, RequestRecord record) throws IOException {
        MediaType type = context.getMediaType();
        if (!ResponseMarkup.isHtml(type) || !ResponseMarkup.worthChecking(record)) {
            context.proceed(); // not HTML after all (a writer changed it), or nothing to look for
            return;
        }
        OutputStream original = context.getOutputStream();
        ResponseMarkup.HeldBack held = new ResponseMarkup.HeldBack(original, RuleEngine.MAX_RESPONSE_SCAN);
        context.setOutputStream(held);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(original);
        }
        if (held.overflowed()) {
            return;
        }
        byte[] page = held.held();
        boolean blocked;
        try {
            blocked = rules.inspectResponse(record, new String(page, ResponseMarkup.charset(type))) != null;
        } catch (RuntimeException e) {
            blocked = false; // fail open: a fault of Palisade's own never costs the application its page
        }
        if (!blocked) {
            original.write(page);
            return;
        }
        context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        // The status line is chosen already; the headers and the body are the block page's.
        block.write(record.id(), "text/html", new BlockResponse.Target() {
            @Override
            public void status(int status) {
                // too late to change
            }

            @Override
            public void header(String name, String value) {
                context.getHeaders().putSingle(name, value);
            }

            @Override
            public void body(String contentType, String body) throws IOException {
                context.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, contentType);
                original.write(body.getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
