package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.jaxrs.testing.TestRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts the filters are built from, each on its own: bindings, form fields, HTML responses, records. */
class RequestPartsTest {

    public static final class Filter {
        @QueryParam("sort")
        String sort;

        @HeaderParam("X-Tenant")
        String tenant;
    }

    public static final class Resource {
        @CookieParam("session")
        String session;

        public String find(@PathParam("id") String id, @Encoded @QueryParam("q") String q, @BeanParam Filter filter) {
            return id;
        }

        public String update(@FormParam("title") String title, @FormParam("note") String note) {
            return title;
        }

        public String create(String body) {
            return body;
        }
    }

    private static BoundParameters bound(String method, Class<?>... parameters) throws Exception {
        return BoundParameters.of(Resource.class, Resource.class.getMethod(method, parameters));
    }

    @Test
    void aMethodsBindingsAreItsAnnotatedParametersBeanParamsAndTheClassesFields() throws Exception {
        BoundParameters find = bound("find", String.class, String.class, Filter.class);
        assertThat(find.bindings()).contains(
                new BoundParameters.Binding(InputSource.PATH, "id", false),
                new BoundParameters.Binding(InputSource.QUERY, "q", true),
                new BoundParameters.Binding(InputSource.QUERY, "sort", false),
                new BoundParameters.Binding(InputSource.HEADER, "X-Tenant", false),
                new BoundParameters.Binding(InputSource.COOKIE, "session", false));
        assertThat(find.entity()).isFalse();

        assertThat(bound("update", String.class, String.class).formNames()).containsExactlyInAnyOrder("title", "note");
        assertThat(bound("create", String.class).entity()).as("an unannotated parameter is the entity").isTrue();
    }

    @Test
    void formFieldsAreReadFromTheBodyWhichIsLeftForTheMethodToRead() throws Exception {
        byte[] body = "title=Caf%C3%A9+au+lait&note=x%27+OR+%271%27%3D%271&other=1".getBytes(StandardCharsets.ISO_8859_1);
        TestRequest request = new TestRequest("POST", "api/books/1", TestRequest.map(), TestRequest.map(),
                TestRequest.map("Content-Type", "application/x-www-form-urlencoded"), Map.of(),
                MediaType.APPLICATION_FORM_URLENCODED_TYPE, body);
        RequestRecord record = new RequestRecord("r", "POST", "/api/books/1", "192.0.2.1", RequestLimits.DEFAULT);
        assertThat(FormFields.isForm(request.getMediaType())).isTrue();

        FormFields.collect(request, record, Set.of("title", "note"));

        assertThat(record.inputsView()).anySatisfy(input -> {
            assertThat(input.name()).isEqualTo("title");
            assertThat(input.value()).isEqualTo("Café au lait");
            assertThat(input.bound()).isTrue();
        }).anySatisfy(input -> {
            assertThat(input.name()).isEqualTo("note");
            assertThat(input.value()).isEqualTo("x' OR '1'='1");
        }).anySatisfy(input -> {
            assertThat(input.name()).isEqualTo("other");
            assertThat(input.bound()).isFalse();
        });
        assertThat(request.getEntityStream().readAllBytes()).as("the method still reads the whole body").isEqualTo(body);
    }

    @Test
    void onlyHtmlResponsesAreXssSinksAndTheirTextIsReadInTheirCharset() {
        assertThat(ResponseMarkup.isHtml(MediaType.TEXT_HTML_TYPE)).isTrue();
        assertThat(ResponseMarkup.isHtml(MediaType.valueOf("application/xhtml+xml;charset=utf-8"))).isTrue();
        assertThat(ResponseMarkup.isHtml(MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(ResponseMarkup.isHtml(MediaType.WILDCARD_TYPE)).isFalse();
        assertThat(ResponseMarkup.isHtml(null)).isFalse();

        MediaType latin1 = MediaType.valueOf("text/html;charset=ISO-8859-1");
        assertThat(ResponseMarkup.text("<p>é</p>".getBytes(StandardCharsets.ISO_8859_1), latin1)).isEqualTo("<p>é</p>");
        assertThat(ResponseMarkup.text("<p>x</p>", MediaType.TEXT_HTML_TYPE)).isEqualTo("<p>x</p>");
        assertThat(ResponseMarkup.text(new Object(), MediaType.TEXT_HTML_TYPE)).as("not whole: checked as written").isNull();
        assertThat(ResponseMarkup.charset(MediaType.valueOf("text/html;charset=no-such-charset")))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aPageIsHeldBackUpToItsBoundAndPastItWrittenThroughUnchecked() throws Exception {
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        ResponseMarkup.HeldBack held = new ResponseMarkup.HeldBack(client, 8);
        held.write("<p>".getBytes(StandardCharsets.UTF_8));
        assertThat(client.size()).as("nothing leaves before the check").isZero();
        assertThat(held.held()).hasSize(3);
        held.write("0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(held.overflowed()).isTrue();
        assertThat(client.toString(StandardCharsets.UTF_8)).isEqualTo("<p>0123456789");
    }

    @Test
    void aRecordIsFoundWhereItWasBoundAndAPropertyOfAnotherTypeIsNotOne() {
        TestRequest request = new TestRequest("GET", "x", TestRequest.map(), TestRequest.map(), TestRequest.map(),
                Map.of(), null, null);
        assertThat(Records.of(request)).isNull();
        request.setProperty(Records.PROPERTY, "not a record");
        assertThat(Records.of(request)).isNull();

        io.palisade.core.request.RequestContext requests = new io.palisade.core.request.RequestContext();
        RequestRecord record = new RequestRecord("r", "GET", "/x", "192.0.2.1", RequestLimits.DEFAULT);
        Records.bind(request, requests, record);
        try {
            assertThat(Records.of(request)).isSameAs(record);
            assertThat(requests.current()).as("and current on this thread, for the JDBC hooks").isSameAs(record);
        } finally {
            requests.end(record);
        }
    }
}
