package io.palisade.jaxrs;

import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import java.util.EnumSet;
import java.util.Set;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;

/**
 * After matching: adds the path parameters to the request record, names the matched resource method,
 * and runs the request-phase rules over every input collected so far (form fields follow in the
 * interceptor). A blocking detection aborts the request with the block response before the resource
 * runs. One instance per resource method, built at deployment by {@link PalisadeFeature}, so no
 * reflection runs per request.
 */
@Priority(Integer.MIN_VALUE / 2)
final class ResourceMatchFilter implements ContainerRequestFilter {

    private static final Set<InputSource> BEFORE_FORMS = EnumSet.complementOf(EnumSet.of(InputSource.FORM));

    private final String resource;
    private final RuleEngine rules;
    private final BlockResponse block;

    ResourceMatchFilter(String resource, RuleEngine rules, BlockResponse block) {
        this.resource = resource;
        this.rules = rules;
        this.block = block;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object property = request.getProperty(RequestRecordFilter.PROPERTY);
        if (!(property instanceof RequestRecord)) {
            return;
        }
        RequestRecord record = (RequestRecord) property;
        record.resource(resource);
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters(true).entrySet()) {
            for (String value : parameter.getValue()) {
                record.addInput(InputSource.PATH, parameter.getKey(), value);
            }
        }
        if (rules.inspect(record, BEFORE_FORMS, true) != null) {
            request.abortWith(block.build(record.id(), request.getAcceptableMediaTypes()));
        }
    }
}
