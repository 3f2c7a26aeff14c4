package io.palisade.jaxrs;

import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestRecord;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;

/**
 * After matching: adds the path parameters to the request record and names the matched resource
 * method. One instance per resource method, built at deployment by {@link PalisadeFeature}, so no
 * reflection runs per request.
 */
@Priority(Integer.MIN_VALUE / 2)
final class ResourceMatchFilter implements ContainerRequestFilter {

    private final String resource;

    ResourceMatchFilter(String resource) {
        this.resource = resource;
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
    }
}
