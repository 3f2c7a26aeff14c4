package io.palisade.cdi;

import io.palisade.core.hook.JdbcHooks;
import io.palisade.interceptor.jdbc.PalisadeDataSource;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * After the container has injected an instance, replaces each of its {@code @Resource DataSource}
 * fields with a {@link PalisadeDataSource}. Wrapping is idempotent: Open Liberty fires
 * {@code ProcessInjectionTarget} twice, and a field already wrapped stays as it is.
 */
final class DataSourceFieldInjectionTarget<T> implements InjectionTarget<T> {

    private final InjectionTarget<T> original;
    private final List<Field> fields;
    private final JdbcHooks hooks;

    DataSourceFieldInjectionTarget(InjectionTarget<T> original, List<Field> fields, JdbcHooks hooks) {
        this.original = original;
        this.fields = fields;
        this.hooks = hooks;
        fields.forEach(field -> field.setAccessible(true));
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        original.inject(instance, context);
        for (Field field : fields) {
            try {
                Object value = field.get(instance);
                if (value instanceof DataSource && !(value instanceof PalisadeDataSource)) {
                    field.set(instance, PalisadeDataSource.wrap((DataSource) value, hooks));
                }
            } catch (IllegalAccessException e) {
                // setAccessible succeeded in the constructor, so this cannot happen; fail open if it does.
                PalisadeExtension.LOG.warning("PAL2021: could not wrap the DataSource in field " + field
                        + ": its statements are not protected");
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
