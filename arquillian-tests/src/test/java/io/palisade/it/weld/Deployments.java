package io.palisade.it.weld;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds deployments the way users build theirs: the agent jar in WEB-INF/lib, untouched. */
final class Deployments {

    private Deployments() {
    }

    static JavaArchive agentJar() {
        File jar = new File(System.getProperty("agent.jar"));
        if (!jar.isFile()) {
            throw new IllegalStateException("build the agent first: " + jar);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
    }

    /** These suites attach callbacks to resource methods, which are intercepted only when configured so. */
    static final String CONFIG = "palisade.hooks.resource-methods=intercept\n";

    static WebArchive war(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsLibraries(agentJar())
                .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(CONFIG), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
