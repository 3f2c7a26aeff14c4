package io.palisade.cdi;

import io.palisade.core.hook.HookPoint;
import io.palisade.interceptor.jpa.JpaDelegates;
import io.palisade.interceptor.jpa.JpaHooks;
import io.palisade.interceptor.jpa.PalisadeEntityManager;
import io.palisade.interceptor.jpa.PalisadeEntityManagerFactory;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMember;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.Producer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link PersistenceWiring} with Jakarta Persistence on the class path. */
final class JpaWiring implements PersistenceWiring {

    private final JpaHooks hooks = new JpaHooks();

    JpaWiring() {
        if (!JpaDelegates.available()) {
            throw new IllegalStateException("the Jakarta Persistence 3.2 delegates are missing");
        }
    }

    @Override
    public List<HookPoint> hookPoints() {
        return hooks.all();
    }

    @Override
    public List<Field> injectedFields(AnnotatedType<?> type, List<String> unhookable) {
        List<Field> fields = new ArrayList<>();
        for (AnnotatedField<?> field : type.getFields()) {
            Field javaField = field.getJavaMember();
            Class<?> expected;
            if (field.isAnnotationPresent(PersistenceContext.class)) {
                expected = EntityManager.class;
            } else if (field.isAnnotationPresent(PersistenceUnit.class)) {
                expected = EntityManagerFactory.class;
            } else {
                continue;
            }
            if (javaField.getType() != expected || Modifier.isFinal(javaField.getModifiers())
                    || Modifier.isStatic(javaField.getModifiers())) {
                unhookable.add(javaField.getDeclaringClass().getName() + "#" + javaField.getName() + " (injected "
                        + javaField.getType().getName() + "; declare it as a non-final " + expected.getName() + ")");
                continue;
            }
            fields.add(javaField);
        }
        return fields;
    }

    @Override
    public Object wrap(Object value) {
        if (value instanceof EntityManager) {
            return JpaDelegates.wrap((EntityManager) value, hooks);
        } else if (value instanceof EntityManagerFactory) {
            return JpaDelegates.wrap((EntityManagerFactory) value, hooks);
        }
        return value;
    }

    @Override
    public Producer<?> wrapProducer(AnnotatedMember<?> member, Producer<?> original, List<String> unhookable) {
        Type type = member.getBaseType();
        if (type != EntityManager.class && type != EntityManagerFactory.class) {
            if (type instanceof Class && (EntityManager.class.isAssignableFrom((Class<?>) type)
                    || EntityManagerFactory.class.isAssignableFrom((Class<?>) type))) {
                unhookable.add(member.getDeclaringType().getJavaClass().getName() + "#" + member.getJavaMember().getName()
                        + " (produces " + type.getTypeName() + "; declare the producer's type as the Jakarta Persistence interface)");
            }
            return null;
        }
        @SuppressWarnings("unchecked")
        Producer<Object> producer = (Producer<Object>) original;
        return new WrappingProducer(producer);
    }

    /** Wraps what an {@code EntityManager} or {@code EntityManagerFactory} producer makes; the disposer gets the original back. */
    private final class WrappingProducer implements Producer<Object> {
        private final Producer<Object> original;

        WrappingProducer(Producer<Object> original) {
            this.original = original;
        }

        @Override
        public Object produce(CreationalContext<Object> context) {
            return wrap(original.produce(context));
        }

        @Override
        public void dispose(Object instance) {
            Object unwrapped = instance instanceof PalisadeEntityManager ? ((PalisadeEntityManager) instance).delegate()
                    : instance instanceof PalisadeEntityManagerFactory ? ((PalisadeEntityManagerFactory) instance).delegate()
                    : instance;
            original.dispose(unwrapped);
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return original.getInjectionPoints();
        }
    }
}
