package io.palisade.cdi;

import io.palisade.core.hook.HookPoint;
import jakarta.enterprise.inject.spi.AnnotatedMember;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Producer;
import java.lang.reflect.Field;
import java.util.List;

/**
 * How the extension finds and wraps an application's entity managers. Its signatures name no
 * Jakarta Persistence type, so that the extension loads on a runtime without JPA: the one
 * implementation, {@link JpaWiring}, is created only when the API is present ({@link #create}).
 */
interface PersistenceWiring {

    /** The wiring for this runtime, or {@code null} when it has no Jakarta Persistence API. */
    static PersistenceWiring create() {
        try {
            Class.forName("jakarta.persistence.EntityManager", false, PersistenceWiring.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            return (PersistenceWiring) Class.forName("io.palisade.cdi.JpaWiring", true, PersistenceWiring.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            ExtensionMessages.JPA_SUPPORT_FAILED.log(e);
            return null;
        }
    }

    /** The {@code jpa} hook points, for the hook table. */
    List<HookPoint> hookPoints();

    /**
     * The fields of {@code type} that hold an injected {@code EntityManager} ({@code @PersistenceContext})
     * or {@code EntityManagerFactory} ({@code @PersistenceUnit}) and can be wrapped after injection;
     * fields that cannot be (final, or declared as a provider's own type) are described in {@code unhookable}.
     */
    List<Field> injectedFields(AnnotatedType<?> type, List<String> unhookable);

    /** Wraps an injected value of one of those fields; anything else is returned as it is. */
    Object wrap(Object value);

    /**
     * A producer that wraps what {@code original} produces, when {@code member} produces an
     * {@code EntityManager} or {@code EntityManagerFactory}; {@code null} for any other producer.
     */
    Producer<?> wrapProducer(AnnotatedMember<?> member, Producer<?> original, List<String> unhookable);
}
