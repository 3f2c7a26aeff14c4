package io.palisade.it.server;

import io.palisade.sample.bookstore.AccountResource;
import io.palisade.sample.bookstore.Accounts;
import io.palisade.sample.bookstore.AccountsDataSource;
import io.palisade.sample.bookstore.AsyncWork;
import io.palisade.sample.bookstore.Book;
import io.palisade.sample.bookstore.BookResource;
import io.palisade.sample.bookstore.Books;
import io.palisade.sample.bookstore.BookstoreApplication;
import io.palisade.sample.bookstore.Database;
import io.palisade.sample.bookstore.GenericErrorMapper;
import io.palisade.sample.bookstore.JpaBookResource;
import io.palisade.sample.bookstore.JpaBooks;
import io.palisade.sample.bookstore.JpaDataSource;
import io.palisade.sample.bookstore.SafeJpaBookResource;
import io.palisade.sample.bookstore.StoredBook;
import io.palisade.sample.bookstore.StoredUser;
import io.palisade.sample.bookstore.SafeBookResource;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The sample as users deploy it on a server: its classes, its beans.xml and configuration, H2, and
 * the agent jar untouched in WEB-INF/lib. The server provides CDI, JAX-RS and JSON-P.
 */
final class SampleWar {

    private SampleWar() {
    }

    static WebArchive create() {
        return create("");
    }

    /** @param extraConfig lines appended to the sample's {@code microprofile-config.properties} */
    static WebArchive create(String extraConfig) {
        File resources = new File(System.getProperty("sample.resources"));
        String config;
        try {
            config = java.nio.file.Files.readString(new File(resources, "META-INF/microprofile-config.properties").toPath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Each server's persistence unit (samples/bookstore/src/server/<server>/persistence.xml).
        String server = System.getProperty("arquillian.launch", "");
        File persistence = new File(resources, "../../server/" + server + "/persistence.xml");
        if (!persistence.isFile()) {
            throw new IllegalStateException("no persistence unit for server '" + server + "': " + persistence);
        }
        WebArchive war = ShrinkWrap.create(WebArchive.class, "bookstore.war")
                .addClasses(BookstoreApplication.class, BookResource.class, SafeBookResource.class, AccountResource.class,
                        Accounts.class, AccountsDataSource.class,
                        GenericErrorMapper.class, Books.class, Book.class, Database.class, AsyncWork.class)
                .addClass("io.palisade.sample.bookstore.EmbeddedExecutor")
                .addClass("io.palisade.sample.bookstore.servlet.BookSearchServlet")
                .addClass("io.palisade.sample.bookstore.servlet.PreviewServlet")
                .addClass("io.palisade.sample.bookstore.ConnectionPool")
                .addClass("io.palisade.sample.bookstore.ConnectionPool$Hikari")
                .addClasses(JpaBooks.class, JpaBookResource.class, SafeJpaBookResource.class, StoredBook.class, StoredUser.class)
                .addAsWebInfResource(new File(resources, "META-INF/beans.xml"), "beans.xml")
                .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(config + "\n" + extraConfig),
                        "META-INF/microprofile-config.properties")
                .addAsResource(persistence, "META-INF/persistence.xml")
                .addAsLibraries(jar("agent.jar"), jar("h2.jar"));
        for (String script : new String[] {"schema.sql", "data.sql", "drop.sql"}) {
            war.addAsResource(new File(resources, "META-INF/sql/" + script), "META-INF/sql/" + script);
        }
        if (server.equals("payara")) {
            war.addClass(JpaDataSource.class);
        }
        return war;
    }

    /**
     * A small application of {@code classes} (a CDI bean archive), with H2 and the untouched agent
     * jar in WEB-INF/lib, for the suites that need something the sample does not do.
     */
    static WebArchive app(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name).addClasses(classes)
                .addAsWebInfResource(org.jboss.shrinkwrap.api.asset.EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(jar("agent.jar"), jar("h2.jar"));
    }

    private static JavaArchive jar(String property) {
        File file = new File(System.getProperty(property));
        if (!file.isFile()) {
            throw new IllegalStateException(property + " not found: " + file);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, file);
    }
}
