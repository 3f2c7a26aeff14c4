package io.palisade.cdi;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * After the container has injected an instance, replaces the value of each listed field with what
 * {@code wrap} makes of it ({@code @PersistenceContext} and {@code @PersistenceUnit} fields with
 * Palisade's delegates). {@code wrap} is idempotent, so that a target wrapped twice (Open Liberty
 * fires {@code ProcessInjectionTarget} twice) wraps each value once.
 */
final class WrappedFieldsInjectionTarget<T> implements InjectionTarget<T> {

    private final InjectionTarget<T> original;
    private final List<Field> fields;
    private final UnaryOperator<Object> wrap;

    WrappedFieldsInjectionTarget(InjectionTarget<T> original, List<Field> fields, UnaryOperator<Object> wrap) {
        this.original = original;
        this.fields = fields;
        this.wrap = wrap;
        fields.forEach(field -> field.setAccessible(true));
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        original.inject(instance, context);
        for (Field field : fields) {
            try {
                Object value = field.get(instance);
                Object wrapped = wrap.apply(value);
                if (wrapped != value) {
                    field.set(instance, wrapped);
                }
            } catch (IllegalAccessException | RuntimeException e) {
                ExtensionMessages.FIELD_NOT_WRAPPED.log(field, e);
            }
        }
    }

    @Override
    public void postConstruct(T instance) {
        original.postConstruct(instance);
    }

    @Override
    public void preDestroy(T instance) {
        original.preDestroy(instance);
    }

    @Override
    public T produce(CreationalContext<T> context) {
        return original.produce(context);
    }

    @Override
    public void dispose(T instance) {
        original.dispose(instance);
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return original.getInjectionPoints();
    }
}
