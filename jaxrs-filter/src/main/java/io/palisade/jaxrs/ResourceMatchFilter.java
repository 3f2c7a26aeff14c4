package io.palisade.jaxrs;

import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * After matching: names the matched resource method, records what it receives ({@link BoundParameters})
 * whole and marked bound, reads a JSON body, and runs the request-phase rules over what this adds to
 * the inputs inspected before matching (nothing is inspected twice). A blocking detection aborts the request with
 * the block response before the resource runs. One instance per resource method, built at deployment
 * by {@link PalisadeFeature}, so no reflection runs per request.
 *
 * <p>A JSON body is read here, where it is known whether the method receives it: a received body's
 * leaves are bound inputs, and what lies beyond the parsed prefix is copied as the application reads it
 * ({@link BoundBody}); a body the method does not receive is inspected as unbound extras, within the
 * input and depth bounds.
 */
@Priority(Integer.MIN_VALUE / 2)
final class ResourceMatchFilter implements ContainerRequestFilter {


    private final String resource;
    private final BoundParameters bound;
    private final RuleEngine rules;
    private final BlockResponse block;

    ResourceMatchFilter(String resource, BoundParameters bound, RuleEngine rules, BlockResponse block) {
        this.resource = resource;
        this.bound = bound;
        this.rules = rules;
        this.block = block;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestRecord record = Records.of(request);
        if (record == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            record.resource(resource);
            for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters(true).entrySet()) {
                record.bind(InputSource.PATH, parameter.getKey(), parameter.getValue());
            }
            for (BoundParameters.Binding binding : bound.bindings()) {
                bind(request, record, binding);
            }
            body(request, record);
        } catch (RuntimeException | IOException e) {
            // Fail open: a request Palisade cannot read is passed through with what was collected.
            FilterMessages.INPUTS_UNREADABLE.log(e, record.id());
        } finally {
            record.addProtectionNanos(System.nanoTime() - start);
        }
        if (rules.inspectMatched(record) != null) {
            request.abortWith(block.build(record.id(), request.getHeaderString(HttpHeaders.ACCEPT)));
        }
    }

    private static void bind(ContainerRequestContext request, RequestRecord record, BoundParameters.Binding binding) {
        String name = binding.name();
        switch (binding.source()) {
            case QUERY:
                record.bind(InputSource.QUERY, name, request.getUriInfo().getQueryParameters(!binding.encoded()).get(name));
                break;
            case PATH:
                if (binding.encoded()) {
                    record.bind(InputSource.PATH, name, request.getUriInfo().getPathParameters(false).get(name));
                }
                break;
            case MATRIX: {
                List<String> values = new ArrayList<>();
                for (PathSegment segment : request.getUriInfo().getPathSegments(!binding.encoded())) {
                    List<String> found = segment.getMatrixParameters().get(name);
                    if (found != null) {
                        values.addAll(found);
                    }
                }
                record.bind(InputSource.MATRIX, name, values);
                break;
            }
            case HEADER:
                record.bind(InputSource.HEADER, name, request.getHeaders().get(name));
                break;
            case COOKIE: {
                Cookie cookie = request.getCookies().get(name);
                if (cookie != null) {
                    record.bind(InputSource.COOKIE, name, List.of(cookie.getValue()));
                }
                break;
            }
            default:
                break; // form fields: FormFields, with the body

        }
    }

    private void body(ContainerRequestContext request, RequestRecord record) throws IOException {
        MediaType type = request.getMediaType();
        if (FormFields.isForm(type)) {
            FormFields.collect(request, record, bound.formNames());
            return;
        }
        if (type == null || !request.hasEntity() || !isJson(type)) {
            return;
        }
        RequestLimits limits = record.limits();
        InputStream body = request.getEntityStream();
        byte[] read = body.readNBytes(limits.maxBodyBytes() + 1);
        boolean more = read.length > limits.maxBodyBytes();
        byte[] head = more ? Arrays.copyOf(read, limits.maxBodyBytes()) : read;
        if (!bound.entity()) {
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(read), body));
            BodyInputs.json(head, head.length, limits.maxJsonDepth(), record);
            if (more) {
                record.incomplete(Incompleteness.BODY_CUT);
            }
            return;
        }
        for (String[] leaf : BodyInputs.all(head)) {
            record.addBoundInput(InputSource.JSON, leaf[0], leaf[1]);
        }
        if (more) {
            // The rules see the parsed prefix; the SQL check sees the whole body as the application reads it.
            record.incomplete(Incompleteness.BODY_CUT);
            BoundBody late = new BoundBody(read, head.length, limits.maxBodyCopy());
            request.setEntityStream(late.stream(body));
            record.lateInputs(late);
        } else {
            request.setEntityStream(new ByteArrayInputStream(read));
        }
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
