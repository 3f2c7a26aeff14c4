package io.palisade.cdi;

import io.palisade.core.PalisadeAgent;
import io.palisade.core.PalisadeRuntime;
import io.palisade.core.config.InvalidSettingException;
import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.event.ReporterFactory;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.interceptor.PalisadeHook;
import io.palisade.interceptor.PalisadeInterceptor;
import io.palisade.interceptor.jdbc.PalisadeDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessProducer;
import jakarta.enterprise.inject.spi.Producer;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Instruments an application at deployment: finds the hook points (JAX-RS resource methods and the
 * JDBC calls of the application's DataSources), binds the interceptor to exactly those methods,
 * wraps DataSources that are not beans, and freezes the {@link HookTable} in
 * {@link AfterDeploymentValidation}. Runtime code reaches the table through a {@code HookTable}
 * bean or {@link #hookTable()}; nothing is static.
 *
 * <p>The extension only observes, collects, binds and wraps; the agent it hands the frozen table to
 * ({@link PalisadeAgent}: engine, counters, reporter, their lifecycle) is a plain class of {@code io.palisade.core}.
 */
public class PalisadeExtension implements Extension {

    static final Logger LOG = Logger.getLogger("io.palisade.cdi");

    private Settings settings;
    private DeploymentException configurationError;
    private boolean interceptorScanned;
    private boolean interceptorAddedHere;

    private final JdbcHooks jdbc = new JdbcHooks();
    private final Set<Class<?>> boundTypes = new HashSet<>();
    private final Set<Class<?>> resourceClassesSeen = new LinkedHashSet<>();
    private final Set<Class<?>> resourceClassesHooked = new HashSet<>();
    private final Map<String, Method> resourceMethods = new TreeMap<>();
    /** Resource methods whose calls are intercepted (palisade.hooks.resource-methods=intercept). */
    private final Set<Method> interceptedResourceMethods = new HashSet<>();
    /** Resource methods, by class, as found when their types were processed; listed once the class proves a bean. */
    private final Map<Class<?>, List<Method>> resourceMethodsByType = new HashMap<>();
    private final List<String> unhookable = new ArrayList<>();
    private final Set<Class<?>> dataSourceBeans = new LinkedHashSet<>();
    private final Set<String> dataSourceProducers = new LinkedHashSet<>();
    private final Set<Field> dataSourceFields = new LinkedHashSet<>();
    /** How entity managers are found and wrapped; {@code null} when the runtime has no Jakarta Persistence. */
    private PersistenceWiring persistence;
    private final Set<Field> entityManagerFields = new LinkedHashSet<>();
    private final Set<String> entityManagerProducers = new LinkedHashSet<>();

    private volatile HookTable hookTable;
    /** The agent assembled at the end of deployment; {@code null} before, or when Palisade is disabled. */
    private volatile PalisadeAgent agent;

    private boolean active() {
        return settings != null && settings.enabled();
    }

    void readSettings(@Observes BeforeBeanDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigLookup config = ConfigLookup.forApplication(loader != null ? loader : PalisadeExtension.class.getClassLoader());
        try {
            settings = SettingsReader.read(config.values());
        } catch (InvalidSettingException e) {
            // The message is core's PAL1101 (CoreMessages.INVALID_SETTING), with where the value was read.
            configurationError = new DeploymentException(e.getMessage() + " [read from " + config.description() + "]");
            LOG.severe(configurationError.getMessage());
            return;
        }
        for (String unknown : config.unknownKeys()) {
            ExtensionMessages.UNKNOWN_KEY.log(unknown);
        }
        if (settings.enabled()) {
            persistence = PersistenceWiring.create();
        }
        if (!settings.enabled()) {
            ExtensionMessages.DISABLED.log();
        }
    }

    /** Fires only when the agent jar is scanned: then the container registers the interceptor itself. */
    void noteScannedInterceptor(@Observes ProcessAnnotatedType<PalisadeInterceptor> event) {
        if (interceptorAddedHere) {
            return; // the synthetic type registerInterceptor added fires this event too
        }
        if (active()) {
            interceptorScanned = true;
        } else {
            event.veto();
        }
    }

    <T> void bindResourceMethods(@Observes @WithAnnotations({Path.class, GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class, OPTIONS.class}) ProcessAnnotatedType<T> event) {
        if (!active()) {
            return;
        }
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type.isInterface() || type.isAnnotation()) {
            return;
        }
        List<Method> found = new ArrayList<>();
        for (AnnotatedMethod<? super T> method : event.getAnnotatedType().getMethods()) {
            if (ResourceMethods.isResourceMethod(method.getJavaMember())) {
                found.add(method.getJavaMember());
            }
        }
        if (found.isEmpty()) {
            return;
        }
        resourceClassesSeen.add(type);
        resourceMethodsByType.put(type, found);
        if (!settings.interceptResourceMethods()) {
            return; // listed in the hook table (collectHookPoints), not intercepted
        }
        if (Modifier.isFinal(type.getModifiers())) {
            unhookable.add(type.getName() + " (final class)");
            return;
        }
        bind(event, type, found);
    }

    <T extends DataSource> void bindDataSourceBeans(@Observes ProcessAnnotatedType<T> event) {
        if (!active()) {
            return;
        }
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return;
        }
        if (Modifier.isFinal(type.getModifiers())) {
            unhookable.add(type.getName() + " (final DataSource class)");
            return;
        }
        List<Method> getters = new ArrayList<>();
        for (AnnotatedMethod<? super T> method : event.getAnnotatedType().getMethods()) {
            Method javaMethod = method.getJavaMember();
            if (javaMethod.getName().equals("getConnection") && Connection.class.isAssignableFrom(javaMethod.getReturnType())
                    && !Modifier.isStatic(javaMethod.getModifiers())) {
                getters.add(javaMethod);
            }
        }
        bind(event, type, getters);
    }

    /** Adds the binding to each of {@code methods}, never to the class; final methods cannot be intercepted. */
    private <T> void bind(ProcessAnnotatedType<T> event, Class<T> type, List<Method> methods) {
        Set<Method> bindable = new HashSet<>();
        for (Method method : methods) {
            if (Modifier.isFinal(method.getModifiers())) {
                unhookable.add(type.getName() + "#" + method.getName() + " (final method)");
            } else {
                bindable.add(method);
            }
        }
        if (bindable.isEmpty()) {
            return;
        }
        boundTypes.add(type);
        event.configureAnnotatedType()
                .filterMethods(m -> bindable.contains(m.getJavaMember()))
                .forEach(method -> method.add(PalisadeHook.Literal.INSTANCE));
    }

    /**
     * Registers the interceptor exactly once. When the agent jar was scanned the container found it
     * already; otherwise it is added here and enabled, since a type added now is not enabled by its
     * {@code @Priority} alone.
     */
    void registerInterceptor(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        if (!active() || interceptorScanned) {
            return;
        }
        interceptorAddedHere = true;
        event.addAnnotatedType(beanManager.createAnnotatedType(PalisadeInterceptor.class), PalisadeInterceptor.class.getName());
        event.getInterceptors().add(PalisadeInterceptor.class);
    }

    <T> void collectHookPoints(@Observes ProcessManagedBean<T> event) {
        if (!active()) {
            return;
        }
        AnnotatedType<T> type = event.getAnnotatedBeanClass();
        Class<T> javaClass = type.getJavaClass();
        List<Method> listed = resourceMethodsByType.get(javaClass);
        if (listed != null && !settings.interceptResourceMethods()) {
            // The API inventory: every resource method of a bean, its calls not intercepted.
            for (Method javaMethod : listed) {
                resourceMethods.put(HookPoint.symbolOf(HookKind.JAXRS_RESOURCE, javaMethod), javaMethod);
            }
            resourceClassesHooked.add(javaClass);
        }
        if (!boundTypes.contains(javaClass)) {
            return;
        }
        boolean dataSource = DataSource.class.isAssignableFrom(javaClass);
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            if (!method.isAnnotationPresent(PalisadeHook.class)) {
                continue;
            }
            if (dataSource && method.getJavaMember().getName().equals("getConnection")) {
                dataSourceBeans.add(javaClass);
            } else {
                Method javaMethod = method.getJavaMember();
                resourceMethods.put(HookPoint.symbolOf(HookKind.JAXRS_RESOURCE, javaMethod), javaMethod);
                interceptedResourceMethods.add(javaMethod);
                resourceClassesHooked.add(javaClass);
            }
        }
    }

    /** Wraps what {@code @Produces DataSource} methods and fields produce. */
    <T, X extends DataSource> void wrapDataSourceProducers(@Observes ProcessProducer<T, X> event) {
        if (!active() || event.getProducer() instanceof DataSourceProducer) {
            return;
        }
        String member = event.getAnnotatedMember().getDeclaringType().getJavaClass().getName() + "#"
                + event.getAnnotatedMember().getJavaMember().getName();
        if (event.getAnnotatedMember().getBaseType() != DataSource.class) {
            unhookable.add(member + " (produces " + event.getAnnotatedMember().getBaseType().getTypeName()
                    + "; declare the producer's type as javax.sql.DataSource)");
            return;
        }
        @SuppressWarnings("unchecked")
        Producer<DataSource> original = (Producer<DataSource>) event.getProducer();
        @SuppressWarnings("unchecked")
        Producer<X> wrapped = (Producer<X>) (Producer<?>) new DataSourceProducer(original, jdbc);
        event.setProducer(wrapped);
        dataSourceProducers.add(member);
    }

    /**
     * Wraps, once they are injected, the {@code @Resource DataSource}, {@code @PersistenceContext
     * EntityManager} and {@code @PersistenceUnit EntityManagerFactory} fields of CDI-managed classes
     * (beans, and session beans where the container injects them through CDI).
     */
    <T> void wrapInjectedFields(@Observes ProcessInjectionTarget<T> event) {
        if (!active() || event.getInjectionTarget() instanceof WrappedFieldsInjectionTarget) {
            return;
        }
        List<Field> fields = new ArrayList<>();
        for (AnnotatedField<? super T> field : event.getAnnotatedType().getFields()) {
            Field javaField = field.getJavaMember();
            if (!field.isAnnotationPresent(Resource.class) || !DataSource.class.isAssignableFrom(javaField.getType())) {
                continue;
            }
            if (javaField.getType() != DataSource.class || Modifier.isFinal(javaField.getModifiers())) {
                unhookable.add(javaField.getDeclaringClass().getName() + "#" + javaField.getName()
                        + " (@Resource field of type " + javaField.getType().getName() + "; declare it as javax.sql.DataSource)");
                continue;
            }
            fields.add(javaField);
            dataSourceFields.add(javaField);
        }
        if (persistence != null) {
            List<Field> persistenceFields = persistence.injectedFields(event.getAnnotatedType(), unhookable);
            fields.addAll(persistenceFields);
            entityManagerFields.addAll(persistenceFields);
        }
        if (!fields.isEmpty()) {
            event.setInjectionTarget(new WrappedFieldsInjectionTarget<>(event.getInjectionTarget(), fields, this::wrapInjected));
        }
    }

    private Object wrapInjected(Object value) {
        if (value instanceof DataSource) {
            return PalisadeDataSource.wrap((DataSource) value, jdbc);
        }
        return persistence != null ? persistence.wrap(value) : value;
    }

    /** Wraps what {@code @Produces EntityManager} and {@code @Produces EntityManagerFactory} methods and fields produce. */
    <T, X> void wrapEntityManagerProducers(@Observes ProcessProducer<T, X> event) {
        if (!active() || persistence == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Producer<X> wrapped = (Producer<X>) persistence.wrapProducer(event.getAnnotatedMember(), event.getProducer(), unhookable);
        if (wrapped != null) {
            event.setProducer(wrapped);
            entityManagerProducers.add(event.getAnnotatedMember().getDeclaringType().getJavaClass().getName() + "#"
                    + event.getAnnotatedMember().getJavaMember().getName());
        }
    }

    void publishBeans(@Observes AfterBeanDiscovery event) {
        if (configurationError != null) {
            event.addDefinitionError(configurationError);
            return;
        }
        if (!active()) {
            return;
        }
        event.addBean().beanClass(PalisadeExtension.class).types(HookTable.class, Object.class)
                .scope(Dependent.class).createWith(context -> hookTable());
        event.addBean().beanClass(PalisadeExtension.class).types(Settings.class, Object.class)
                .scope(Dependent.class).createWith(context -> settings);
        event.addBean().beanClass(PalisadeExtension.class).types(PalisadeRuntime.class, Object.class)
                .scope(Dependent.class).createWith(context -> runtime());
    }

    void freezeHookTable(@Observes AfterDeploymentValidation event) {
        if (!active()) {
            return;
        }
        HookTable.Builder builder = HookTable.builder();
        resourceMethods.values().forEach(m -> builder.addResourceMethod(m, interceptedResourceMethods.contains(m)));
        boolean jdbcHooked = !dataSourceBeans.isEmpty() || !dataSourceProducers.isEmpty() || !dataSourceFields.isEmpty();
        if (jdbcHooked) {
            builder.jdbc(jdbc);
        }
        boolean jpaHooked = persistence != null && (!entityManagerFields.isEmpty() || !entityManagerProducers.isEmpty());
        if (jpaHooked) {
            builder.queries(persistence.hookPoints());
        }
        HookTable table = builder.build();
        hookTable = table;
        agent = PalisadeAgent.assemble(settings, table, jdbcHooked || jpaHooked, derivedApplicationName(),
                ServiceLoader.load(ReporterFactory.class, PalisadeExtension.class.getClassLoader()));

        Map<HookKind, Integer> counts = table.counts();
        int jpaPoints = counts.getOrDefault(HookKind.JPA_QUERY, 0) + counts.getOrDefault(HookKind.JPA_NATIVE_QUERY, 0);
        ExtensionMessages.TABLE_FROZEN.log(table.size(), counts.getOrDefault(HookKind.JAXRS_RESOURCE, 0),
                table.size() - counts.getOrDefault(HookKind.JAXRS_RESOURCE, 0) - jpaPoints, jpaPoints,
                dataSourceBeans.size(), dataSourceProducers.size(), dataSourceFields.size(),
                entityManagerFields.size(), entityManagerProducers.size(),
                settings.mode().name().toLowerCase(java.util.Locale.ROOT),
                settings.interceptResourceMethods() ? "intercepted" : "listed, not intercepted");
        if (ExtensionMessages.HOOK_POINTS.isLoggable()) {
            ExtensionMessages.HOOK_POINTS.log(table.all().stream().map(HookPoint::symbol).collect(Collectors.joining(", ")));
        }
        Set<String> notHooked = new LinkedHashSet<>();
        for (Class<?> seen : resourceClassesSeen) {
            if (!resourceClassesHooked.contains(seen)) {
                notHooked.add(seen.getName());
            }
        }
        if (!notHooked.isEmpty() || !unhookable.isEmpty()) {
            List<String> all = new ArrayList<>(notHooked);
            all.addAll(unhookable);
            ExtensionMessages.NOT_HOOKED.log(String.join(", ", all));
        }
    }

    /** The longest package prefix the resource classes share, e.g. {@code com.acme.shop}; else {@code application}. */
    private String derivedApplicationName() {
        String common = null;
        for (Class<?> type : resourceClassesSeen) {
            String name = type.getPackageName();
            if (common == null) {
                common = name;
                continue;
            }
            while (!common.isEmpty() && !(name.equals(common) || name.startsWith(common + "."))) {
                int dot = common.lastIndexOf('.');
                common = dot < 0 ? "" : common.substring(0, dot);
            }
        }
        return common == null || common.isEmpty() ? "application" : common;
    }

    /** Starts the agent (request recording, rules location, reporter) with the application. */
    void startAgent(@Observes @Initialized(ApplicationScoped.class) Object event) {
        PalisadeAgent current = agent;
        if (current != null) {
            current.start();
        }
    }

    /** Flushes and stops the reporter before the application's beans go away. */
    void stopAgent(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    /** The last chance, for containers that end without destroying the application context. */
    void stopAgentAtShutdown(@Observes BeforeShutdown event) {
        stop();
    }

    private void stop() {
        PalisadeAgent current = agent;
        if (current != null) {
            current.stop();
        }
    }

    /**
     * Whether the container discovered the interceptor by scanning the agent jar (so the extension
     * did not register it); for diagnostics and tests.
     */
    public boolean interceptorDiscoveredByContainer() {
        return interceptorScanned;
    }

    /**
     * Everything the JAX-RS layer needs at run time.
     *
     * @throws IllegalStateException as {@link #hookTable()}
     */
    public PalisadeRuntime runtime() {
        hookTable();
        return agent.runtime();
    }

    /** The settings read at deployment; {@code null} before {@link BeforeBeanDiscovery} or if they were invalid. */
    public Settings settings() {
        return settings;
    }

    /**
     * The frozen hook table.
     *
     * @throws IllegalStateException before {@link AfterDeploymentValidation}, or when Palisade is disabled
     */
    public HookTable hookTable() {
        HookTable table = hookTable;
        if (table == null) {
            throw new IllegalStateException(active() ? ExtensionMessages.TABLE_NOT_YET.text() : ExtensionMessages.NO_TABLE.text());
        }
        return table;
    }
}
