package io.palisade.jaxrs;

import io.palisade.core.request.InputSource;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a resource method receives from the request, read once per method at deployment: the named
 * parameters ({@code @QueryParam}, {@code @PathParam}, {@code @MatrixParam}, {@code @HeaderParam},
 * {@code @CookieParam}, {@code @FormParam}, also inside {@code @BeanParam} classes and on the resource
 * class's fields and setters), and whether it takes the request entity. Inputs so bound are recorded
 * whole whatever else the request carries, so padding a request cannot hide them from the SQL check.
 * Immutable.
 */
final class BoundParameters {

    /** One named input the method receives; {@code encoded}: taken as sent ({@code @Encoded}), not decoded. */
    record Binding(InputSource source, String name, boolean encoded) {
    }

    /** How deep {@code @BeanParam} classes are followed. */
    private static final int MAX_BEAN_DEPTH = 4;

    private final List<Binding> bindings;
    private final boolean entity;
    private final java.util.Set<String> formNames;

    private BoundParameters(List<Binding> bindings, boolean entity) {
        this.bindings = List.copyOf(bindings);
        this.entity = entity;
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        for (Binding binding : bindings) {
            if (binding.source() == InputSource.FORM) {
                forms.add(binding.name());
            }
        }
        this.formNames = java.util.Set.copyOf(forms);
    }

    /** The {@code @FormParam} names the method receives. */
    java.util.Set<String> formNames() {
        return formNames;
    }

    static final BoundParameters NONE = new BoundParameters(List.of(), false);

    List<Binding> bindings() {
        return bindings;
    }

    /** Whether the method takes the request entity (a parameter without a JAX-RS annotation). */
    boolean entity() {
        return entity;
    }

    static BoundParameters of(Class<?> resourceClass, Method method) {
        Set<Binding> found = new LinkedHashSet<>();
        boolean entity = false;
        boolean methodEncoded = method.isAnnotationPresent(Encoded.class)
                || resourceClass != null && resourceClass.isAnnotationPresent(Encoded.class);
        Annotation[][] parameters = parameterAnnotations(method);
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (!collect(parameters[i], types[i], methodEncoded, found, 0)) {
                entity = true;
            }
        }
        if (resourceClass != null) {
            members(resourceClass, found, 0);
        }
        return found.isEmpty() && !entity ? NONE : new BoundParameters(new ArrayList<>(found), entity);
    }

    /**
     * Adds what one parameter, field or setter receives.
     *
     * @return whether it carried a JAX-RS annotation ({@code false}: it is the entity)
     */
    private static boolean collect(Annotation[] annotations, Class<?> type, boolean encoded, Set<Binding> found, int depth) {
        boolean annotated = false;
        boolean rawForm = encoded;
        for (Annotation annotation : annotations) {
            if (annotation instanceof Encoded) {
                rawForm = true;
            }
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam) {
                found.add(new Binding(InputSource.QUERY, ((QueryParam) annotation).value(), rawForm));
            } else if (annotation instanceof PathParam) {
                found.add(new Binding(InputSource.PATH, ((PathParam) annotation).value(), rawForm));
            } else if (annotation instanceof MatrixParam) {
                found.add(new Binding(InputSource.MATRIX, ((MatrixParam) annotation).value(), rawForm));
            } else if (annotation instanceof HeaderParam) {
                found.add(new Binding(InputSource.HEADER, ((HeaderParam) annotation).value(), false));
            } else if (annotation instanceof CookieParam) {
                found.add(new Binding(InputSource.COOKIE, ((CookieParam) annotation).value(), false));
            } else if (annotation instanceof FormParam) {
                found.add(new Binding(InputSource.FORM, ((FormParam) annotation).value(), rawForm));
            } else if (annotation instanceof BeanParam) {
                if (depth < MAX_BEAN_DEPTH) {
                    members(type, found, depth + 1);
                }
            } else if (!(annotation instanceof Context || annotation instanceof Suspended)) {
                continue;
            }
            annotated = true;
        }
        return annotated;
    }

    /** The annotated fields and setters of {@code type} and its superclasses. */
    private static void members(Class<?> type, Set<Binding> found, int depth) {
        boolean encoded = type.isAnnotationPresent(Encoded.class);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    collect(field.getAnnotations(), field.getType(), encoded, found, depth);
                }
            }
            for (Method setter : c.getDeclaredMethods()) {
                if (setter.getParameterCount() == 1 && setter.getName().startsWith("set")
                        && !Modifier.isStatic(setter.getModifiers())) {
                    collect(setter.getAnnotations(), setter.getParameterTypes()[0], encoded, found, depth);
                }
            }
        }
    }

    /**
     * The parameters' annotations, merged with those of the methods it implements or overrides:
     * JAX-RS annotations may sit on an interface or superclass method.
     */
    private static Annotation[][] parameterAnnotations(Method method) {
        Annotation[][] own = method.getParameterAnnotations();
        List<Method> declarations = new ArrayList<>();
        inherited(method.getDeclaringClass(), method, declarations, new LinkedHashSet<>());
        Annotation[][] merged = own.clone();
        for (Method declaration : declarations) {
            Annotation[][] other = declaration.getParameterAnnotations();
            for (int i = 0; i < merged.length && i < other.length; i++) {
                if (other[i].length > 0) {
                    Annotation[] both = new Annotation[merged[i].length + other[i].length];
                    System.arraycopy(merged[i], 0, both, 0, merged[i].length);
                    System.arraycopy(other[i], 0, both, merged[i].length, other[i].length);
                    merged[i] = both;
                }
            }
        }
        return merged;
    }

    private static void inherited(Class<?> type, Method method, List<Method> into, Set<Class<?>> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type != method.getDeclaringClass()) {
            try {
                into.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException absent) {
                // not declared here
            }
        }
        inherited(type.getSuperclass(), method, into, seen);
        for (Class<?> implemented : type.getInterfaces()) {
            inherited(implemented, method, into, seen);
        }
    }
}
