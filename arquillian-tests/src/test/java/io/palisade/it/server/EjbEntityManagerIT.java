package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.it.server.ejb.BookFinder;
import io.palisade.it.server.ejb.EjbApplication;
import io.palisade.it.server.ejb.FinderResource;
import io.palisade.it.server.ejb.ItBook;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container-managed entity manager in a session bean ({@code @Stateless}, {@code @PersistenceContext}),
 * on a real server: Palisade wraps it after injection, and a JPQL injection through it is blocked even
 * though the container wraps the bean's exception in an {@code EJBException}.
 */
@ExtendWith(ArquillianExtension.class)
class EjbEntityManagerIT {

    private static final String PERSISTENCE = "<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.0\">"
            + "<persistence-unit name=\"ejb-it\" transaction-type=\"JTA\">"
            + "<jta-data-source>java:app/jdbc/palisade-ejb-it</jta-data-source>"
            + "<class>io.palisade.it.server.ejb.ItBook</class><exclude-unlisted-classes>true</exclude-unlisted-classes>"
            + "<properties><property name=\"jakarta.persistence.schema-generation.database.action\" value=\"drop-and-create\"/>"
            + "</properties></persistence-unit></persistence>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.app("ejb.war", EjbApplication.class, FinderResource.class, BookFinder.class, ItBook.class)
                .addAsResource(new StringAsset(PERSISTENCE), "META-INF/persistence.xml");
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aJpqlInjectionInASessionBeanIsBlocked() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        assertThat(http.get("count?title=Emma").body()).isEqualTo("0");
        HttpResponse<String> blocked = http.get("count?title=" + ServerHttp.q("x' or '1'='1"));
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");
    }
}
