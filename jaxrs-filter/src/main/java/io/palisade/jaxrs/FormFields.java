package io.palisade.jaxrs;

import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, read before the resource method
 * runs, the way the JAX-RS runtime itself will read them, so that the application still gets them:
 * <ul>
 *   <li>where the runtime parses forms through the servlet request (RESTEasy on WildFly and Open
 *       Liberty), from {@code getParameterMap()}, which the runtime asks for anyway: form values follow
 *       the query string's there, so those are left out. Reading the raw body instead would starve it;</li>
 *   <li>elsewhere (Jersey, embedded or on Payara, which reads the entity stream), from the body,
 *       read whole up to the copy bound and handed back to the application.</li>
 * </ul>
 * Fields the method receives ({@code @FormParam}) are bound inputs; with the body read, the others
 * are unbound extras.
 */
final class FormFields {

    static final String SERVLET_PROPERTY = "io.palisade.servlet-request";

    private FormFields() {
    }

    static boolean isForm(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    /** Records the form fields of {@code request}; {@code bound} are the names the method receives. */
    static void collect(ContainerRequestContext request, RequestRecord record, Set<String> bound) throws IOException {
        Object servlet = request.getProperty(SERVLET_PROPERTY);
        if (servlet instanceof HttpServletRequest && !request.getClass().getName().startsWith("org.glassfish.jersey.")) {
            fromServlet((HttpServletRequest) servlet, request, record, bound);
        } else {
            fromBody(request, record, bound);
        }
    }

    private static void fromServlet(HttpServletRequest servlet, ContainerRequestContext request, RequestRecord record,
            Set<String> bound) {
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters(true);
        for (String name : bound) {
            String[] values = servlet.getParameterValues(name);
            if (values == null) {
                continue;
            }
            List<String> fromQuery = query.get(name);
            int skip = fromQuery == null ? 0 : Math.min(fromQuery.size(), values.length);
            record.bind(InputSource.FORM, name, Arrays.asList(values).subList(skip, values.length));
        }
    }

    private static void fromBody(ContainerRequestContext request, RequestRecord record, Set<String> bound)
            throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        int limit = record.limits().maxBodyCopy();
        InputStream body = request.getEntityStream();
        byte[] read = body.readNBytes(limit + 1);
        boolean more = read.length > limit;
        request.setEntityStream(more ? new SequenceInputStream(new ByteArrayInputStream(read), body)
                : new ByteArrayInputStream(read));
        if (more) {
            record.incomplete(Incompleteness.BODY_CUT);
        }
        Charset charset = charset(request.getMediaType());
        String text = new String(read, 0, Math.min(read.length, limit), StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int equals = text.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decode(text.substring(start, hasValue ? equals : end), charset);
                String value = hasValue ? decode(text.substring(equals + 1, end), charset) : "";
                if (bound.contains(name)) {
                    record.addBoundInput(InputSource.FORM, name, value);
                } else {
                    record.addInput(InputSource.FORM, name, value);
                }
            }
            start = end + 1;
        }
    }

    /** Percent-decoding in {@code charset}, {@code +} as a space; what cannot be decoded stays as it is. */
    private static String decode(String latin1, Charset charset) {
        String text = charset == StandardCharsets.ISO_8859_1 ? latin1
                : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), charset);
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
